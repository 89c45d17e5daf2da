import type { Kysely } from "kysely";
import type { MemberNames } from "../app/admin/identity-admin-ports.ts";
import type { IdentityDatabase } from "./tables.ts";

/** Members' names (`MemberNames`), read from the finance context's `member` table (never written here). */
export function createMemberNames(db: Kysely<IdentityDatabase>): MemberNames {
  return {
    async memberName(ententeId, memberId) {
      const row = await db
        .selectFrom("member")
        .select("name")
        .where("entente_id", "=", ententeId)
        .where("id", "=", memberId)
        .executeTakeFirst();
      return row?.name ?? null;
    },
  };
}

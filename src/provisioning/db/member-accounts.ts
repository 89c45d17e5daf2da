import type { Kysely } from "kysely";
import type { MemberAccount } from "../app/mail-migration.ts";
import { accountState } from "../domain/scim-person.ts";
import type { ProvisioningTables } from "./tables.ts";

/**
 * The active persons a member's directory pushed by SCIM (linked to a pivot person), as the
 * accounts connectors receive, by userName; and the members that pushed any.
 */
export function createMemberAccountReader(db: Kysely<ProvisioningTables>) {
  return {
    async listActive(ententeId: string, memberId: string): Promise<MemberAccount[]> {
      const rows = await db
        .selectFrom("scim_user")
        .select(["sub", "resource"])
        .where("entente_id", "=", ententeId)
        .where("member_id", "=", memberId)
        .where("active", "=", true)
        .where("sub", "is not", null)
        .orderBy("user_name_key")
        .execute();
      return rows.map((r) => ({ sub: r.sub ?? "", account: accountState(r.resource, [], true) }));
    },
    async listMembers(ententeId: string): Promise<string[]> {
      const rows = await db
        .selectFrom("scim_user")
        .select("member_id")
        .distinct()
        .where("entente_id", "=", ententeId)
        .orderBy("member_id")
        .execute();
      return rows.map((r) => r.member_id);
    },
  };
}

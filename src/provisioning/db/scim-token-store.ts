import type { Kysely } from "kysely";
import type { ScimTokenStore } from "../app/ports.ts";
import type { ProvisioningTables } from "./tables.ts";

/** SCIM tokens (hashed) on PostgreSQL/PGlite; one per member, replaced on rotation. */
export function createScimTokenStore(db: Kysely<ProvisioningTables>): ScimTokenStore {
  return {
    async findScope(hash) {
      const row = await db
        .selectFrom("scim_token")
        .select(["entente_id", "member_id", "source_id"])
        .where("token_hash", "=", hash)
        .executeTakeFirst();
      return row === undefined
        ? null
        : { ententeId: row.entente_id, memberId: row.member_id, sourceId: row.source_id };
    },
    async saveToken(scope, hash, issuedBy, at) {
      const values = { source_id: scope.sourceId, token_hash: hash, issued_by: issuedBy, issued_at: at };
      await db
        .insertInto("scim_token")
        .values({ entente_id: scope.ententeId, member_id: scope.memberId, ...values })
        .onConflict((oc) => oc.columns(["entente_id", "member_id"]).doUpdateSet(values))
        .execute();
    },
    async revokeToken(ententeId, memberId) {
      const result = await db
        .deleteFrom("scim_token")
        .where("entente_id", "=", ententeId)
        .where("member_id", "=", memberId)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}

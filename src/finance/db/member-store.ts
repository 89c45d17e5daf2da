import { type Kysely, sql } from "kysely";
import { runVersionedUpdate } from "../../platform/db/versioned-update.ts";
import type { MemberRecord, MemberStore } from "../app/ports/member-store.ts";
import { localized } from "../errors.ts";
import { readMembers } from "./read-members.ts";
import type { FinanceDatabase } from "./tables.ts";

const MEMBER = localized("le membre", "the member");

/** PostgreSQL/PGlite implementation of `MemberStore`; an edit is one `runVersionedUpdate`. */
export function createMemberStore(db: Kysely<FinanceDatabase>): MemberStore {
  return {
    list: (ententeId) => readMembers(db, ententeId),

    update: (ententeId, memberId, change, rowVersion, actor) =>
      runVersionedUpdate<FinanceDatabase, MemberRecord>(db, {
        what: MEMBER,
        id: memberId,
        expectedVersion: rowVersion,
        audit: { actor, ententeId, entity: "member" },
        load: async (trx) => (await readMembers(trx, ententeId)).find((m) => m.id === memberId),
        update: async (trx) =>
          (
            await trx
              .updateTable("member")
              .set({
                name: change.name,
                kind: change.kind,
                siren: change.siren,
                siret: change.siret,
                assembly: change.assembly,
                row_version: sql`row_version + 1`,
              })
              .where("entente_id", "=", ententeId)
              .where("id", "=", memberId)
              .where("row_version", "=", rowVersion)
              .executeTakeFirst()
          ).numUpdatedRows,
      }),
  };
}

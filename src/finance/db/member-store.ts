import { type Kysely, sql } from "kysely";
import { recordAudit } from "../../platform/db/record-audit.ts";
import { runVersionedUpdate } from "../../platform/db/versioned-update.ts";
import type { Actor } from "../../shared/actor.ts";
import type { MemberRecord, MemberStore } from "../app/ports/member-store.ts";
import { EntenteError, localized } from "../errors.ts";
import { readMembers } from "./read-members.ts";
import type { FinanceDatabase } from "./tables.ts";

const MEMBER = localized("le membre", "the member");

/**
 * Inserts a member after the others, with its audit event, in one transaction; a taken id is
 * refused by the primary key, read first for a clear error.
 */
function addMember(
  db: Kysely<FinanceDatabase>,
  ententeId: string,
  member: Omit<MemberRecord, "rowVersion">,
  actor: Actor,
): Promise<MemberRecord> {
  return db.transaction().execute(async (trx) => {
    const members = await readMembers(trx, ententeId);
    if (members.some((m) => m.id === member.id))
      throw new EntenteError("entente.duplicate_id", {
        id: member.id,
        what: localized("membre", "member"),
        first: localized("dans l'entente", "in the entente"),
      });
    const last = await trx
      .selectFrom("member")
      .select((eb) => eb.fn.max("position").as("position"))
      .where("entente_id", "=", ententeId)
      .executeTakeFirst();
    await trx
      .insertInto("member")
      .values({
        entente_id: ententeId,
        id: member.id,
        position: (last?.position ?? -1) + 1,
        name: member.name,
        kind: member.kind,
        siren: member.siren,
        siret: member.siret,
        assembly: member.assembly,
        from_year: member.from,
        to_year: member.to,
        accountant: member.accountant === null ? null : JSON.stringify(member.accountant),
      })
      .execute();
    await recordAudit(trx, {
      actor,
      ententeId,
      action: "create",
      entity: "member",
      entityId: member.id,
      after: member,
    });
    const added = (await readMembers(trx, ententeId)).find((m) => m.id === member.id);
    if (added === undefined) throw new EntenteError("resource.not_found", { what: MEMBER, id: member.id });
    return added;
  });
}

/** PostgreSQL/PGlite implementation of `MemberStore`; an edit is one `runVersionedUpdate`. */
export function createMemberStore(db: Kysely<FinanceDatabase>): MemberStore {
  return {
    list: (ententeId) => readMembers(db, ententeId),
    add: (ententeId, member, actor) => addMember(db, ententeId, member, actor),

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
                from_year: change.from,
                to_year: change.to,
                accountant: change.accountant === null ? null : JSON.stringify(change.accountant),
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

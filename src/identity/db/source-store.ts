import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { recordAudit } from "../../platform/db/record-audit.ts";
import { runVersionedUpdate, type VersionedChange } from "../../platform/db/versioned-update.ts";
import type { Actor } from "../../shared/actor.ts";
import type { Clock } from "../../shared/clock.ts";
import type { SourceStore } from "../app/admin/identity-admin-ports.ts";
import type { SourceInput, SourceRecord } from "../domain/identity-source.ts";
import { localized } from "../errors.ts";
import { settingsColumn, toSourceRecord } from "./identity-rows.ts";
import type { IdentityDatabase } from "./tables.ts";

const SOURCE = localized("source d'identité", "identity source");

/** A source as the audit trail keeps it: without its secret, only whether it has one. */
function auditedSource(source: SourceRecord) {
  const { secret, ...rest } = source;
  return { ...rest, hasSecret: secret !== null };
}

async function readSource(db: Kysely<IdentityDatabase>, ententeId: string, sourceId: string) {
  const row = await db
    .selectFrom("identity_source")
    .selectAll()
    .where("entente_id", "=", ententeId)
    .where("id", "=", sourceId)
    .executeTakeFirst();
  return row === undefined ? undefined : toSourceRecord(row);
}

/**
 * The versioned change of a source's label, settings, mapping, state and (when given) secret,
 * audited as `identity.source.update` without the secret.
 */
function sourceUpdate(
  ententeId: string,
  sourceId: string,
  input: SourceInput,
  expectedVersion: number,
  actor: Actor,
): VersionedChange<IdentityDatabase, SourceRecord> {
  return {
    what: SOURCE,
    id: sourceId,
    expectedVersion,
    audit: {
      actor,
      ententeId,
      entity: "identity_source",
      action: "identity.source.update",
      view: auditedSource,
    },
    load: (trx) => readSource(trx, ententeId, sourceId),
    update: async (trx) => {
      const result = await trx
        .updateTable("identity_source")
        .set((eb) => ({
          label: input.label,
          settings: settingsColumn(input),
          mapping: JSON.stringify(input.mapping),
          enabled: input.enabled,
          ...(input.secret === undefined ? {} : { secret: input.secret }),
          row_version: eb("row_version", "+", 1),
        }))
        .where("id", "=", sourceId)
        .where("entente_id", "=", ententeId)
        .where("row_version", "=", expectedVersion)
        .executeTakeFirst();
      return result.numUpdatedRows;
    },
  };
}

/**
 * Identity sources (`SourceStore`) in `identity_source`: ids are random UUIDs, every write is one
 * transaction with its audit event (the source audited without its secret), updates are
 * `runVersionedUpdate`s.
 */
export function createSourceStore(
  db: Kysely<IdentityDatabase>,
  options: { readonly clock?: Clock; readonly newId?: () => string } = {},
): SourceStore {
  const clock = options.clock ?? { now: () => new Date() };
  const newId = options.newId ?? randomUUID;
  return {
    async listSources(ententeId, memberId) {
      let query = db.selectFrom("identity_source").selectAll().where("entente_id", "=", ententeId);
      if (memberId !== null) query = query.where("member_id", "=", memberId);
      const rows = await query.orderBy("member_id").orderBy("created_at").orderBy("id").execute();
      return rows.map(toSourceRecord);
    },
    getSource: async (ententeId, sourceId) => (await readSource(db, ententeId, sourceId)) ?? null,
    createSource(ententeId, input, actor) {
      return db.transaction().execute(async (trx) => {
        const id = newId();
        await trx
          .insertInto("identity_source")
          .values({
            id,
            entente_id: ententeId,
            member_id: input.memberId,
            kind: input.kind,
            label: input.label,
            settings: settingsColumn(input),
            mapping: JSON.stringify(input.mapping),
            secret: input.secret ?? null,
            enabled: input.enabled,
            created_at: clock.now(),
          })
          .execute();
        const created = (await readSource(trx, ententeId, id)) as SourceRecord;
        const audit = { actor, ententeId, entity: "identity_source", entityId: id };
        await recordAudit(trx, { ...audit, action: "identity.source.create", after: auditedSource(created) });
        return created;
      });
    },
    updateSource: (ententeId, sourceId, input, expectedVersion, actor) =>
      runVersionedUpdate(db, sourceUpdate(ententeId, sourceId, input, expectedVersion, actor)),
    async countLinkedPersons(sourceId) {
      const links = await db
        .selectFrom("person_link")
        .select((eb) => eb.fn.countAll<string>().as("n"))
        .where("source_id", "=", sourceId)
        .executeTakeFirstOrThrow();
      return Number(links.n);
    },
    deleteSource(ententeId, source, actor) {
      return db.transaction().execute(async (trx) => {
        await trx.deleteFrom("identity_source").where("id", "=", source.id).execute();
        await recordAudit(trx, {
          actor,
          ententeId,
          action: "identity.source.delete",
          entity: "identity_source",
          entityId: source.id,
          before: auditedSource(source),
        });
      });
    },
  };
}

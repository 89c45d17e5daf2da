import type { Kysely, Selectable, Transaction } from "kysely";
import { recordAudit } from "../../platform/db/record-audit.ts";
import { runVersionedUpdate } from "../../platform/db/versioned-update.ts";
import { localized } from "../../shared/errors.ts";
import type { SubscriptionStore } from "../app/ports.ts";
import type { MigrationWave } from "../domain/migration-wave.ts";
import type { SubscriberRole, Subscription, SubscriptionFields } from "../domain/subscription.ts";
import { EntenteError } from "../errors.ts";
import type { WorkplaceDatabase, WorkplaceSubscriptionTable } from "./tables.ts";

function waveOf(row: Selectable<WorkplaceSubscriptionTable>): MigrationWave | null {
  if (row.wave_label === null) return null;
  return {
    label: row.wave_label,
    plannedStart: row.wave_planned_start,
    plannedEnd: row.wave_planned_end,
    actualStart: row.wave_actual_start,
    actualEnd: row.wave_actual_end,
    accountsPlanned: row.accounts_planned ?? 0,
    accountsMigrated: row.accounts_migrated ?? 0,
  };
}

/** A row of `workplace_subscription` as the domain's subscription. */
export function toSubscription(row: Selectable<WorkplaceSubscriptionTable>): Subscription {
  return {
    clientId: row.client_id,
    ententeId: row.entente_id,
    memberId: row.member_id,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    roles: row.roles as SubscriberRole[] | null,
    groups: row.groups,
    quotas: {
      seats: row.seats,
      storagePerAccount: row.storage_per_account,
      storagePerMember: row.storage_per_member,
    },
    wave: waveOf(row),
    rowVersion: row.row_version,
  };
}

const json = (value: readonly string[] | null) => (value === null ? null : JSON.stringify(value));

const columnsOf = (fields: SubscriptionFields) => ({
  starts_on: fields.startsOn,
  ends_on: fields.endsOn,
  roles: json(fields.roles),
  groups: json(fields.groups),
  seats: fields.quotas.seats,
  storage_per_account: fields.quotas.storagePerAccount,
  storage_per_member: fields.quotas.storagePerMember,
  wave_label: fields.wave?.label ?? null,
  wave_planned_start: fields.wave?.plannedStart ?? null,
  wave_planned_end: fields.wave?.plannedEnd ?? null,
  wave_actual_start: fields.wave?.actualStart ?? null,
  wave_actual_end: fields.wave?.actualEnd ?? null,
  accounts_planned: fields.wave?.accountsPlanned ?? null,
  accounts_migrated: fields.wave?.accountsMigrated ?? null,
});

const SUBSCRIPTION = localized("la souscription", "the subscription");

type Key = { readonly ententeId: string; readonly clientId: string; readonly memberId: string };

function selectOne(db: Kysely<WorkplaceDatabase> | Transaction<WorkplaceDatabase>, key: Key) {
  return db
    .selectFrom("workplace_subscription")
    .selectAll()
    .where("entente_id", "=", key.ententeId)
    .where("client_id", "=", key.clientId)
    .where("member_id", "=", key.memberId)
    .executeTakeFirst();
}

/** Inserts a new subscription with its audit event. @throws `conflict.stale_version` when one exists. */
async function insertSubscription(
  db: Kysely<WorkplaceDatabase>,
  key: Key,
  fields: SubscriptionFields,
  actor: { id: string; label: string },
): Promise<Subscription> {
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto("workplace_subscription")
      .values({
        client_id: key.clientId,
        entente_id: key.ententeId,
        member_id: key.memberId,
        ...columnsOf(fields),
      })
      .onConflict((oc) => oc.columns(["client_id", "member_id"]).doNothing())
      .executeTakeFirst();
    if (inserted.numInsertedOrUpdatedRows === 0n) {
      throw new EntenteError("conflict.stale_version", { what: SUBSCRIPTION, expected: 0, actual: 1 });
    }
    const row = await selectOne(trx, key);
    if (row === undefined)
      throw new EntenteError("workplace.not_found", { what: "subscription", id: key.memberId });
    const created = toSubscription(row);
    await recordAudit(trx, {
      actor,
      ententeId: key.ententeId,
      action: "create",
      entity: "workplace_subscription",
      entityId: `${key.clientId}/${key.memberId}`,
      after: created,
    });
    return created;
  });
}

/** Subscriptions in `workplace_subscription`; every write records an audit event in its transaction. */
export function createSubscriptionStore(db: Kysely<WorkplaceDatabase>): SubscriptionStore {
  const list = (column: "client_id" | "member_id", ententeId: string, id: string) =>
    db
      .selectFrom("workplace_subscription")
      .selectAll()
      .where("entente_id", "=", ententeId)
      .where(column, "=", id)
      .orderBy("client_id")
      .orderBy("member_id")
      .execute();
  return {
    listForService: async (ententeId, clientId) =>
      (await list("client_id", ententeId, clientId)).map(toSubscription),
    listForMember: async (ententeId, memberId) =>
      (await list("member_id", ententeId, memberId)).map(toSubscription),
    async listForEntente(ententeId) {
      const rows = await db
        .selectFrom("workplace_subscription")
        .selectAll()
        .where("entente_id", "=", ententeId)
        .orderBy("client_id")
        .orderBy("member_id")
        .execute();
      return rows.map(toSubscription);
    },
    async find(ententeId, clientId, memberId) {
      const row = await selectOne(db, { ententeId, clientId, memberId });
      return row === undefined ? null : toSubscription(row);
    },
    put(key, fields, expectedVersion, actor) {
      if (expectedVersion === null) return insertSubscription(db, key, fields, actor);
      return runVersionedUpdate(db, {
        what: SUBSCRIPTION,
        id: key.memberId,
        expectedVersion,
        audit: { actor, ententeId: key.ententeId, entity: "workplace_subscription" },
        load: async (trx) => {
          const row = await selectOne(trx, key);
          return row === undefined ? undefined : toSubscription(row);
        },
        update: async (trx) =>
          (
            await trx
              .updateTable("workplace_subscription")
              .set({ ...columnsOf(fields), row_version: expectedVersion + 1 })
              .where("client_id", "=", key.clientId)
              .where("member_id", "=", key.memberId)
              .where("row_version", "=", expectedVersion)
              .executeTakeFirst()
          ).numUpdatedRows,
      });
    },
    async remove(ententeId, clientId, memberId, actor) {
      return db.transaction().execute(async (trx) => {
        const removed = await trx
          .deleteFrom("workplace_subscription")
          .where("entente_id", "=", ententeId)
          .where("client_id", "=", clientId)
          .where("member_id", "=", memberId)
          .executeTakeFirst();
        if (removed.numDeletedRows === 0n) return false;
        await recordAudit(trx, {
          actor,
          ententeId,
          action: "delete",
          entity: "workplace_subscription",
          entityId: `${clientId}/${memberId}`,
        });
        return true;
      });
    },
  };
}

import { type Kysely, sql } from "kysely";
import { recordAudit } from "../../platform/db/record-audit.ts";
import type {
  ConnectorDeliveryCounts,
  DeliveryState,
  DeliveryStore,
  DeliveryView,
  LeasedDelivery,
} from "../app/engine-ports.ts";
import type { AccountState } from "../domain/scim-person.ts";
import type { ProvisioningTables } from "./tables.ts";

interface LeasedRow {
  event_id: string | bigint;
  connector_id: string;
  attempts: number;
  kind: LeasedDelivery["kind"];
  sub: string;
  entente_id: string;
  member_id: string;
  payload: AccountState;
}

/**
 * The provisioning event log and its deliveries on PostgreSQL/PGlite. The lease is one UPDATE
 * over a `SELECT … FOR UPDATE SKIP LOCKED`: two nodes never lease the same delivery, and a
 * delivery waits while an earlier one of the same person and connector is unfinished (in order
 * per person). Marking done or failed only applies while the caller's lease still holds.
 */
export function createDeliveryStore(db: Kysely<ProvisioningTables>): DeliveryStore {
  return {
    async leaseDue(now, leaseUntil, limit) {
      const { rows } = await sql<LeasedRow>`
        WITH picked AS (
          SELECT c.event_id, c.connector_id FROM provisioning_delivery c
          WHERE c.state = 'pending' AND c.next_attempt_at <= ${now}
            AND (c.leased_until IS NULL OR c.leased_until < ${now})
            AND NOT EXISTS (
              SELECT 1 FROM provisioning_delivery e
              WHERE e.connector_id = c.connector_id AND e.sub = c.sub AND e.event_id < c.event_id AND e.state <> 'done')
          ORDER BY c.event_id LIMIT ${limit}
          FOR UPDATE SKIP LOCKED),
        leased AS (
          UPDATE provisioning_delivery d SET leased_until = ${leaseUntil}, attempts = d.attempts + 1, last_attempt_at = ${now}
          FROM picked WHERE d.event_id = picked.event_id AND d.connector_id = picked.connector_id
          RETURNING d.event_id, d.connector_id, d.attempts)
        SELECT l.event_id, l.connector_id, l.attempts, e.kind, e.sub, e.entente_id, e.member_id, e.payload
        FROM leased l JOIN provisioning_event e ON e.id = l.event_id
        ORDER BY l.event_id`.execute(db);
      return rows.map((row) => ({
        eventId: String(row.event_id),
        connectorId: row.connector_id,
        attempt: row.attempts,
        leasedUntil: leaseUntil,
        kind: row.kind,
        sub: row.sub,
        ententeId: row.entente_id,
        memberId: row.member_id,
        account: row.payload,
      }));
    },
    async markDone(delivery, at) {
      await held(db, delivery)
        .set({ state: "done", done_at: at, leased_until: null, last_error: null, failing_since: null })
        .execute();
    },
    async markFailed(delivery, error, at, retryAt) {
      await held(db, delivery)
        .set({
          state: retryAt === null ? "failed" : "pending",
          next_attempt_at: retryAt ?? at,
          leased_until: null,
          last_error: error,
          failing_since: sql<Date>`coalesce(failing_since, ${at})`,
        })
        .execute();
    },
    listDeliveries: (ententeId, filter) => listDeliveries(db, ententeId, filter),
    async countByState(ententeId) {
      const rows = await db
        .selectFrom("provisioning_delivery as d")
        .innerJoin("provisioning_event as e", "e.id", "d.event_id")
        .select(["d.state", (eb) => eb.fn.countAll<string>().as("n")])
        .where("e.entente_id", "=", ententeId)
        .groupBy("d.state")
        .execute();
      const counts: Record<DeliveryState, number> = { pending: 0, done: 0, failed: 0 };
      for (const row of rows) counts[row.state] = Number(row.n);
      return counts;
    },
    countByConnector: (ententeId) => countByConnector(db, ententeId),
    replay: (ententeId, eventId, connectorId, now, actor) =>
      replay(db, ententeId, eventId, connectorId, now, actor),
    replayFailed: (ententeId, connectorId, now, actor) =>
      replayFailed(db, ententeId, connectorId, now, actor),
  };
}

/** The delivery, only while the caller's lease holds it (a lease that expired lost it to another node). */
const held = (db: Kysely<ProvisioningTables>, delivery: LeasedDelivery) =>
  db
    .updateTable("provisioning_delivery")
    .where("event_id", "=", BigInt(delivery.eventId))
    .where("connector_id", "=", delivery.connectorId)
    .where("leased_until", "=", delivery.leasedUntil);

async function listDeliveries(
  db: Kysely<ProvisioningTables>,
  ententeId: string,
  filter: {
    readonly state?: DeliveryState | undefined;
    readonly sub?: string | undefined;
    readonly person?: string | undefined;
    readonly connectorId?: string | undefined;
    readonly limit: number;
  },
): Promise<DeliveryView[]> {
  let query = db
    .selectFrom("provisioning_delivery as d")
    .innerJoin("provisioning_event as e", "e.id", "d.event_id")
    .innerJoin("provisioning_connector as c", "c.id", "d.connector_id")
    .select([
      "d.event_id",
      "d.connector_id",
      "c.label",
      "e.kind",
      "e.sub",
      "e.member_id",
      "e.payload",
      "e.created_at",
      "d.state",
      "d.attempts",
      "d.next_attempt_at",
      "d.last_attempt_at",
      "d.last_error",
      "d.done_at",
    ])
    .where("e.entente_id", "=", ententeId);
  if (filter.state !== undefined) query = query.where("d.state", "=", filter.state);
  if (filter.sub !== undefined) query = query.where("e.sub", "=", filter.sub);
  if (filter.connectorId !== undefined) query = query.where("d.connector_id", "=", filter.connectorId);
  const person = filter.person;
  if (person !== undefined)
    query = query.where((eb) =>
      eb.or([
        eb("e.sub", "=", person),
        eb(sql`e.payload->>'userName'`, "ilike", `%${person.replace(/[\\%_]/g, "\\$&")}%`),
      ]),
    );
  const rows = await query
    .orderBy("d.event_id", "desc")
    .orderBy("d.connector_id")
    .limit(filter.limit)
    .execute();
  return rows.map((row) => ({
    eventId: String(row.event_id),
    connectorId: row.connector_id,
    connectorLabel: row.label,
    kind: row.kind,
    sub: row.sub,
    memberId: row.member_id,
    userName: String((row.payload as Partial<AccountState>).userName ?? ""),
    state: row.state,
    attempts: row.attempts,
    createdAt: row.created_at,
    nextAttemptAt: row.state === "pending" ? row.next_attempt_at : null,
    lastAttemptAt: row.last_attempt_at,
    lastError: row.last_error,
    doneAt: row.done_at,
  }));
}

/** Per connector of the entente (every one, even without deliveries): counts by state, failing since. */
async function countByConnector(
  db: Kysely<ProvisioningTables>,
  ententeId: string,
): Promise<ConnectorDeliveryCounts[]> {
  const { rows } = await sql<{
    id: string;
    label: string;
    kind: string;
    pending: string | number;
    failed: string | number;
    done: string | number;
    failing_since: Date | string | null;
  }>`
    SELECT c.id, c.label, c.kind,
      count(*) FILTER (WHERE d.state = 'pending') AS pending,
      count(*) FILTER (WHERE d.state = 'failed') AS failed,
      count(*) FILTER (WHERE d.state = 'done') AS done,
      min(d.failing_since) FILTER (WHERE d.state <> 'done') AS failing_since
    FROM provisioning_connector c LEFT JOIN provisioning_delivery d ON d.connector_id = c.id
    WHERE c.entente_id = ${ententeId}
    GROUP BY c.id, c.label, c.kind
    ORDER BY c.label, c.id`.execute(db);
  return rows.map((r) => ({
    connectorId: r.id,
    label: r.label,
    kind: r.kind,
    pending: Number(r.pending),
    failed: Number(r.failed),
    done: Number(r.done),
    failingSince: r.failing_since === null ? null : new Date(r.failing_since),
  }));
}

/** The event's deliveries (one connector's, or all) pending again, audited. */
function replay(
  db: Kysely<ProvisioningTables>,
  ...[ententeId, eventId, connectorId, now, actor]: Parameters<DeliveryStore["replay"]>
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    let query = trx
      .updateTable("provisioning_delivery")
      .set({ state: "pending", attempts: 0, next_attempt_at: now, leased_until: null, done_at: null })
      .where("event_id", "=", BigInt(eventId))
      .where("event_id", "in", (eb) =>
        eb.selectFrom("provisioning_event").select("id").where("entente_id", "=", ententeId),
      );
    if (connectorId !== null) query = query.where("connector_id", "=", connectorId);
    const replayed = Number((await query.executeTakeFirst()).numUpdatedRows);
    if (replayed > 0)
      await recordAudit(trx, {
        actor,
        ententeId,
        action: "provisioning.event.replay",
        entity: "provisioning_event",
        entityId: eventId,
        after: { connectorId, replayed },
      });
    return replayed;
  });
}

/** The connector's failed deliveries pending again, audited. */
function replayFailed(
  db: Kysely<ProvisioningTables>,
  ...[ententeId, connectorId, now, actor]: Parameters<DeliveryStore["replayFailed"]>
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable("provisioning_delivery")
      .set({ state: "pending", attempts: 0, next_attempt_at: now, leased_until: null, done_at: null })
      .where("connector_id", "=", connectorId)
      .where("state", "=", "failed")
      .where("connector_id", "in", (eb) =>
        eb.selectFrom("provisioning_connector").select("id").where("entente_id", "=", ententeId),
      )
      .executeTakeFirst();
    const replayed = Number(result.numUpdatedRows);
    await recordAudit(trx, {
      actor,
      ententeId,
      action: "provisioning.connector.replay_failed",
      entity: "provisioning_connector",
      entityId: connectorId,
      after: { replayed },
    });
    return replayed;
  });
}

import { type Kysely, type Selectable, sql } from "kysely";
import { recordAudit } from "../../platform/db/record-audit.ts";
import type { Actor } from "../../shared/actor.ts";
import type { ProbeChange, ProbeStateRecord, ProbeStore, StatusComponent } from "../app/status-ports.ts";
import { dampState } from "../domain/flap-damping.ts";
import type { Probe, ProbeFields, ProbeKind } from "../domain/probe.ts";
import { type ProbeResult, type ProbeState, type UptimeDay, utcDay } from "../domain/service-status.ts";
import type { WorkplaceProbeTable } from "./status-tables.ts";
import type { WorkplaceDatabase } from "./tables.ts";

function toProbe(row: Selectable<WorkplaceProbeTable>): Probe {
  return {
    clientId: row.client_id,
    ententeId: row.entente_id,
    kind: row.kind as ProbeKind,
    target: row.target,
    expectStatusMin: row.expect_status_min,
    expectStatusMax: row.expect_status_max,
    bodyContains: row.body_contains,
    timeoutMs: row.timeout_ms,
    intervalSeconds: row.interval_seconds,
    failuresToDown: row.failures_to_down,
    successesToUp: row.successes_to_up,
    nextDueAt: row.next_due_at,
    rowVersion: row.row_version,
  };
}

/** Longest detail kept (a reason such as `HTTP 503` or `ECONNREFUSED`, never a body). */
const MAX_DETAIL = 300;

/** Probes and their results in `workplace_probe*` and `workplace_uptime_day`; probe edits are audited. */
export function createProbeStore(db: Kysely<WorkplaceDatabase>): ProbeStore {
  const selectProbe = (ententeId: string, clientId: string) =>
    db
      .selectFrom("workplace_probe")
      .selectAll()
      .where("entente_id", "=", ententeId)
      .where("client_id", "=", clientId)
      .executeTakeFirst();
  return {
    async find(ententeId, clientId) {
      const row = await selectProbe(ententeId, clientId);
      return row === undefined ? null : toProbe(row);
    },
    async listForEntente(ententeId) {
      const rows = await db
        .selectFrom("workplace_probe")
        .selectAll()
        .where("entente_id", "=", ententeId)
        .execute();
      return rows.map(toProbe);
    },
    put: (ententeId, clientId, fields, now, actor) =>
      putProbe(db, { ententeId, clientId, fields, now, actor }),
    remove: (ententeId, clientId, actor) =>
      db.transaction().execute(async (trx) => {
        const gone = await trx
          .deleteFrom("workplace_probe")
          .where("entente_id", "=", ententeId)
          .where("client_id", "=", clientId)
          .executeTakeFirst();
        if (gone.numDeletedRows === 0n) return false;
        await trx.deleteFrom("workplace_probe_state").where("client_id", "=", clientId).execute();
        await recordAudit(trx, {
          actor,
          ententeId,
          action: "delete",
          entity: "workplace_probe",
          entityId: clientId,
        });
        return true;
      }),
    async listDue(now, limit) {
      // A service's probe runs while its client is enabled; a component's (the hub) always.
      const rows = await db
        .selectFrom("workplace_probe as p")
        .leftJoin("service_client as c", "c.client_id", "p.service_id")
        .selectAll("p")
        .where((eb) => eb.or([eb("c.enabled", "=", true), eb("p.component_id", "is not", null)]))
        .where("p.next_due_at", "<=", now)
        .orderBy("p.next_due_at")
        .limit(limit)
        .execute();
      return rows.map(toProbe);
    },
    record: (probe, result, outcome, at, inMaintenance) =>
      recordOutcome(db, { probe, result, outcome, at, inMaintenance }),
    ...probeResults(db),
    ...statusComponents(db),
  };
}

/** Every entente's hub entry (`workplace_status_component`), for the alignment at start. */
export async function listHubComponents(
  db: Kysely<WorkplaceDatabase>,
): Promise<{ readonly id: string; readonly ententeId: string }[]> {
  const rows = await db
    .selectFrom("workplace_status_component")
    .select(["id", "entente_id"])
    .where("kind", "=", "hub")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({ id: r.id, ententeId: r.entente_id }));
}

/** The status components (the hub) of `workplace_status_component`. */
function statusComponents(db: Kysely<WorkplaceDatabase>): Pick<ProbeStore, "components" | "putHubComponent"> {
  return {
    async components(ententeId) {
      const rows = await db
        .selectFrom("workplace_status_component")
        .selectAll()
        .where("entente_id", "=", ententeId)
        .orderBy("id")
        .execute();
      return rows.map((r): StatusComponent => ({ id: r.id, ententeId: r.entente_id, kind: "hub" }));
    },
    putHubComponent: (ententeId, actor) =>
      db.transaction().execute(async (trx) => {
        const id = `hub:${ententeId}`;
        const added = await trx
          .insertInto("workplace_status_component")
          .values({ id, entente_id: ententeId, kind: "hub" })
          .onConflict((oc) => oc.column("id").doNothing())
          .executeTakeFirst();
        if ((added.numInsertedOrUpdatedRows ?? 0n) > 0n) {
          await recordAudit(trx, {
            actor,
            ententeId,
            action: "create",
            entity: "workplace_status_component",
            entityId: id,
          });
        }
        return id;
      }),
  };
}

/** The reading side of the results: states, days, changes, and their pruning. */
function probeResults(
  db: Kysely<WorkplaceDatabase>,
): Pick<ProbeStore, "states" | "uptimeDays" | "changes" | "prune"> {
  return {
    async states(ententeId) {
      const rows = await db
        .selectFrom("workplace_probe_state")
        .selectAll()
        .where("entente_id", "=", ententeId)
        .execute();
      return rows.map(
        (r): ProbeStateRecord => ({
          clientId: r.client_id,
          state: r.state as ProbeState | null,
          since: r.since,
          checkedAt: r.checked_at,
          result: r.result as ProbeResult,
          detail: r.detail,
        }),
      );
    },
    async uptimeDays(ententeId, fromDay) {
      const rows = await db
        .selectFrom("workplace_uptime_day as d")
        .leftJoin("workplace_service as s", "s.client_id", "d.service_id")
        .leftJoin("workplace_status_component as k", "k.id", "d.component_id")
        // The day as text: 90 rows per service, and pg's date parsing costs more than the query.
        .select([
          "d.client_id",
          sql<string>`to_char(d.day, 'YYYY-MM-DD')`.as("day"),
          "d.checks",
          "d.up",
          "d.maintenance",
        ])
        .where((eb) => eb.or([eb("s.entente_id", "=", ententeId), eb("k.entente_id", "=", ententeId)]))
        .where("d.day", ">=", fromDay)
        .orderBy("d.day")
        .execute();
      const byService = new Map<string, UptimeDay[]>();
      for (const r of rows) {
        const days = byService.get(r.client_id) ?? [];
        days.push({ day: r.day, checks: r.checks, up: r.up, maintenance: r.maintenance });
        byService.set(r.client_id, days);
      }
      return byService;
    },
    async changes(ententeId, since) {
      const rows = await db
        .selectFrom("workplace_probe_change")
        .selectAll()
        .where("entente_id", "=", ententeId)
        .where("at", ">=", since)
        .orderBy("at", "desc")
        .orderBy("id", "desc")
        .limit(500)
        .execute();
      return rows.map(
        (r): ProbeChange => ({
          clientId: r.client_id,
          at: r.at,
          from: r.from_state as ProbeState | null,
          to: r.to_state as ProbeState,
          detail: r.detail,
        }),
      );
    },
    async prune(fromDay, before) {
      await db.deleteFrom("workplace_uptime_day").where("day", "<", fromDay).execute();
      await db.deleteFrom("workplace_probe_change").where("at", "<", before).execute();
    },
  };
}

/** What `record` writes: the probe, its raw result and outcome, when, and whether in maintenance. */
interface Recorded {
  readonly probe: Probe;
  readonly result: ProbeResult;
  readonly outcome: { readonly ok: boolean; readonly detail: string | null };
  readonly at: Date;
  readonly inMaintenance: boolean;
}

/** Adds one probe to its UTC day: to `maintenance` inside a window, else to `checks` (and `up`). */
async function countInDay(trx: Kysely<WorkplaceDatabase>, r: Recorded): Promise<void> {
  const counts = r.inMaintenance
    ? { checks: 0, up: 0, maintenance: 1 }
    : { checks: 1, up: r.result === "down" ? 0 : 1, maintenance: 0 };
  await trx
    .insertInto("workplace_uptime_day")
    .values({ client_id: r.probe.clientId, day: utcDay(r.at), ...counts })
    .onConflict((oc) =>
      oc.columns(["client_id", "day"]).doUpdateSet({
        checks: sql`workplace_uptime_day.checks + ${counts.checks}`,
        up: sql`workplace_uptime_day.up + ${counts.up}`,
        maintenance: sql`workplace_uptime_day.maintenance + ${counts.maintenance}`,
      }),
    )
    .execute();
}

/**
 * One outcome: the day's counters, the raw result, the damped state and its change, the next due
 * time, in one transaction. @returns the damped state after it.
 */
function recordOutcome(db: Kysely<WorkplaceDatabase>, r: Recorded): Promise<ProbeState | null> {
  const { probe, at } = r;
  const detail = r.outcome.detail === null ? null : r.outcome.detail.slice(0, MAX_DETAIL);
  return db.transaction().execute(async (trx) => {
    // A probe removed (or its service) while it ran: its outcome belongs to nothing any more.
    const still = await trx
      .selectFrom("workplace_probe")
      .select("client_id")
      .where("client_id", "=", probe.clientId)
      .forUpdate()
      .executeTakeFirst();
    if (still === undefined) return null;
    await countInDay(trx, r);
    const before = await trx
      .selectFrom("workplace_probe_state")
      .select(["state", "failures", "successes"])
      .where("client_id", "=", probe.clientId)
      .forUpdate()
      .executeTakeFirst();
    const previous = before === undefined ? null : { ...before, state: before.state as ProbeState | null };
    const next = dampState(previous, r.result, probe);
    const changed = next.state !== (previous?.state ?? null);
    const columns = {
      state: next.state,
      checked_at: at,
      detail,
      result: r.result,
      failures: next.failures,
      successes: next.successes,
    };
    await trx
      .insertInto("workplace_probe_state")
      .values({ client_id: probe.clientId, entente_id: probe.ententeId, since: at, ...columns })
      .onConflict((oc) =>
        oc.column("client_id").doUpdateSet({ ...columns, ...(changed ? { since: at } : {}) }),
      )
      .execute();
    if (changed && next.state !== null) {
      await trx
        .insertInto("workplace_probe_change")
        .values({
          client_id: probe.clientId,
          entente_id: probe.ententeId,
          at,
          from_state: previous?.state ?? null,
          to_state: next.state,
          detail,
        })
        .execute();
    }
    await trx
      .updateTable("workplace_probe")
      .set({ next_due_at: new Date(at.getTime() + probe.intervalSeconds * 1000) })
      .where("client_id", "=", probe.clientId)
      .execute();
    return next.state;
  });
}

/** Creates or replaces a probe, due at once, with its audit event. */
function putProbe(
  db: Kysely<WorkplaceDatabase>,
  a: { ententeId: string; clientId: string; fields: ProbeFields; now: Date; actor: Actor },
): Promise<Probe> {
  const { ententeId, clientId, fields, now, actor } = a;
  return db.transaction().execute(async (trx) => {
    const columns = {
      kind: fields.kind,
      target: fields.target,
      expect_status_min: fields.expectStatusMin,
      expect_status_max: fields.expectStatusMax,
      body_contains: fields.bodyContains,
      timeout_ms: fields.timeoutMs,
      interval_seconds: fields.intervalSeconds,
      failures_to_down: fields.failuresToDown,
      successes_to_up: fields.successesToUp,
      next_due_at: now,
    };
    const row = await trx
      .insertInto("workplace_probe")
      .values({ client_id: clientId, entente_id: ententeId, ...columns })
      .onConflict((oc) =>
        oc.column("client_id").doUpdateSet({ ...columns, row_version: sql`workplace_probe.row_version + 1` }),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
    const probe = toProbe(row);
    await recordAudit(trx, {
      actor,
      ententeId,
      action: "update",
      entity: "workplace_probe",
      entityId: clientId,
      after: fields,
    });
    return probe;
  });
}

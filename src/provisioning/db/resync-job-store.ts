import { type Kysely, type Selectable, sql } from "kysely";
import type { ResyncJob, ResyncJobStore } from "../app/resync-job.ts";
import { appendOne } from "./resync-store.ts";
import type { ProvisioningResyncJobTable, ProvisioningTables } from "./tables.ts";

/**
 * The resync jobs on PostgreSQL/PGlite (0173_provisioning_resync_job.sql). A node holds a
 * running job by its lease (`holder`, `leased_until`, taken with `FOR UPDATE SKIP LOCKED`); a
 * page is written in one transaction only while the job is still running and held by that node.
 */
export function createResyncJobStore(db: Kysely<ProvisioningTables>): ResyncJobStore {
  const find = async (ententeId: string, jobId: string) => {
    const row = await db
      .selectFrom("provisioning_resync_job")
      .selectAll()
      .where("entente_id", "=", ententeId)
      .where("id", "=", jobId)
      .executeTakeFirst();
    return row === undefined ? null : toJob(row);
  };
  return {
    create: (job, at) => create(db, job, at),
    find,
    async list(ententeId) {
      const rows = await db
        .selectFrom("provisioning_resync_job")
        .selectAll()
        .where("entente_id", "=", ententeId)
        .orderBy("started_at", "desc")
        .orderBy("id")
        .limit(20)
        .execute();
      return rows.map(toJob);
    },
    async claim(jobId, holder, now, leaseUntil) {
      const { rows } = await sql<Selectable<ProvisioningResyncJobTable>>`
        WITH free AS (
          SELECT id FROM provisioning_resync_job
          WHERE id = ${jobId} AND state = 'running'
            AND (leased_until IS NULL OR leased_until < ${now})
          FOR UPDATE SKIP LOCKED)
        UPDATE provisioning_resync_job j SET holder = ${holder}, leased_until = ${leaseUntil}
        FROM free WHERE j.id = free.id
        RETURNING j.*`.execute(db);
      return rows[0] === undefined ? null : toJob(rows[0]);
    },
    recordPage: (job, page, at, leaseUntil) => recordPage(db, job, page, at, leaseUntil),
    async finish(jobId, holder, state, error, at) {
      await db
        .updateTable("provisioning_resync_job")
        .set((eb) => ({
          state,
          last_error: error,
          errors: state === "failed" ? eb("errors", "+", 1) : eb.ref("errors"),
          holder: null,
          leased_until: null,
          updated_at: at,
        }))
        .where("id", "=", jobId)
        .where("state", "=", "running")
        .where("holder", "=", holder)
        .execute();
    },
    transition: (ententeId, jobId, from, to, at) => transition(db, ententeId, jobId, from, to, at),
    async runnable(now) {
      const rows = await db
        .selectFrom("provisioning_resync_job")
        .select("id")
        .where("state", "=", "running")
        .where((eb) => eb.or([eb("leased_until", "is", null), eb("leased_until", "<", now)]))
        .orderBy("started_at")
        .execute();
      return rows.map((r) => r.id);
    },
  };
}

const isUniqueViolation = (error: unknown) =>
  typeof error === "object" && error !== null && (error as { code?: unknown }).code === "23505";

function toJob(row: Selectable<ProvisioningResyncJobTable>): ResyncJob {
  return {
    id: row.id,
    ententeId: row.entente_id,
    connectorId: row.connector_id,
    state: row.state,
    cursor: row.cursor,
    total: row.total,
    compared: row.compared,
    created: row.created,
    updated: row.updated,
    disabled: row.disabled,
    errors: row.errors,
    lastError: row.last_error,
    startedBy: row.started_by,
    startedAt: new Date(row.started_at),
    updatedAt: new Date(row.updated_at),
  };
}

/** One page in one transaction, only while the job is running and this holder's. */
function recordPage(
  db: Kysely<ProvisioningTables>,
  ...[job, page, at, leaseUntil]: Parameters<ResyncJobStore["recordPage"]>
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const held = await trx
      .updateTable("provisioning_resync_job")
      .set((eb) => ({
        cursor: page.cursor,
        total: page.total,
        compared: eb("compared", "+", page.compared),
        created: eb("created", "+", page.created),
        updated: eb("updated", "+", page.updated),
        disabled: eb("disabled", "+", page.disabled),
        leased_until: leaseUntil,
        updated_at: at,
      }))
      .where("id", "=", job.id)
      .where("state", "=", "running")
      .where("holder", "=", job.holder)
      .executeTakeFirst();
    if (held.numUpdatedRows === 0n) return false;
    for (const [memberId, changes] of page.changes)
      for (const change of changes)
        await appendOne(trx, job.connectorId, { ententeId: job.ententeId, memberId }, change, at);
    return true;
  });
}

/** A job of the entente from one of `from` to `to`, lease released. */
async function transition(
  db: Kysely<ProvisioningTables>,
  ...[ententeId, jobId, from, to, at]: Parameters<ResyncJobStore["transition"]>
): Promise<ResyncJob | null> {
  const row = await db
    .updateTable("provisioning_resync_job")
    .set({
      state: to,
      holder: null,
      leased_until: null,
      updated_at: at,
      ...(to === "running" ? { last_error: null } : {}),
    })
    .where("entente_id", "=", ententeId)
    .where("id", "=", jobId)
    .where("state", "in", [...from])
    .returningAll()
    .executeTakeFirst()
    .catch((error: unknown) => {
      // Resuming a failed job while another one of the connector is open: the unique index says no.
      if (isUniqueViolation(error)) return undefined;
      throw error;
    });
  return row === undefined ? null : toJob(row);
}

/** A running job, unless the connector has an open one (the partial unique index). */
async function create(
  db: Kysely<ProvisioningTables>,
  ...[job, at]: Parameters<ResyncJobStore["create"]>
): Promise<ResyncJob | null> {
  const row = await db
    .insertInto("provisioning_resync_job")
    .values({
      id: job.id,
      entente_id: job.ententeId,
      connector_id: job.connectorId,
      state: "running",
      started_by: job.startedBy,
      started_at: at,
      updated_at: at,
    })
    .onConflict((oc) => oc.column("connector_id").where("state", "in", ["running", "stopped"]).doNothing())
    .returningAll()
    .executeTakeFirst();
  return row === undefined ? null : toJob(row);
}

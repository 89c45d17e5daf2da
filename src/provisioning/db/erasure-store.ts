import { type Kysely, sql } from "kysely";
import type { ErasureStore, ScheduledErasure } from "../app/retention.ts";
import type { AccountState } from "../domain/scim-person.ts";
import { appendPersonChanges } from "./append-person-changes.ts";
import type { ProvisioningTables } from "./tables.ts";

/** Retention periods, scheduled erasures and the scheduler's lease on PostgreSQL/PGlite. */
export function createErasureStore(db: Kysely<ProvisioningTables>): ErasureStore {
  return {
    async setRetention(ententeId, memberId, days, at) {
      await db
        .insertInto("provisioning_retention")
        .values({ entente_id: ententeId, member_id: memberId, days, updated_at: at })
        .onConflict((oc) => oc.columns(["entente_id", "member_id"]).doUpdateSet({ days, updated_at: at }))
        .execute();
    },
    async retentionOf(ententeId, memberId) {
      const row = await db
        .selectFrom("provisioning_retention")
        .select("days")
        .where("entente_id", "=", ententeId)
        .where("member_id", "=", memberId)
        .executeTakeFirst();
      return row?.days ?? null;
    },
    async listScheduled(ententeId, memberId) {
      let query = db
        .selectFrom("provisioning_erasure")
        .select(["member_id", "sub", "client_id", "payload", "scheduled_at", "due_at"])
        .where("entente_id", "=", ententeId);
      if (memberId !== null) query = query.where("member_id", "=", memberId);
      const rows = await query.orderBy("due_at").orderBy("sub").orderBy("client_id").execute();
      return rows.map(
        (r): ScheduledErasure => ({
          memberId: r.member_id,
          sub: r.sub,
          userName: String((r.payload as { userName?: unknown }).userName ?? ""),
          clientId: r.client_id === "" ? null : r.client_id,
          scheduledAt: new Date(r.scheduled_at),
          dueAt: new Date(r.due_at),
        }),
      );
    },
    async takeLease(name, holder, now, until) {
      const taken = await sql<{ name: string }>`
        INSERT INTO provisioning_job_lease (name, holder, leased_until) VALUES (${name}, ${holder}, ${until})
        ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, leased_until = EXCLUDED.leased_until
        WHERE provisioning_job_lease.leased_until <= ${now} OR provisioning_job_lease.holder = ${holder}
        RETURNING name`.execute(db);
      return taken.rows.length === 1;
    },
    enqueueDue: (now, limit) => enqueueDue(db, now, limit),
  };
}

/** Turns up to `limit` due erasures into `erased` events, each removed from the schedule with its ledger rows. */
function enqueueDue(db: Kysely<ProvisioningTables>, now: Date, limit: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom("provisioning_erasure")
      .selectAll()
      .where("due_at", "<=", now)
      .orderBy("due_at")
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
    for (const row of due) {
      const scope = { ententeId: row.entente_id, memberId: row.member_id };
      const payload = row.payload as unknown as AccountState;
      const clientId = row.client_id === "" ? null : row.client_id;
      const erased = { sub: row.sub, kind: "erased" as const, payload };
      await appendPersonChanges(trx, scope, [erased], now, clientId);
      await trx
        .deleteFrom("provisioning_erasure")
        .where("entente_id", "=", row.entente_id)
        .where("member_id", "=", row.member_id)
        .where("sub", "=", row.sub)
        .where("client_id", "=", row.client_id)
        .execute();
      // Erased: the service's connectors (every one's, for the person's own) have no account left.
      let ledger = trx
        .deleteFrom("provisioning_service_access")
        .where("entente_id", "=", row.entente_id)
        .where("member_id", "=", row.member_id)
        .where("sub", "=", row.sub);
      if (clientId !== null) ledger = ledger.where("client_id", "=", clientId);
      await ledger.execute();
    }
    return due.length;
  });
}

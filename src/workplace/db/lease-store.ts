import { type Kysely, sql } from "kysely";
import type { LeaseStore } from "../app/status-ports.ts";
import type { WorkplaceDatabase } from "./tables.ts";

/**
 * Leases in `workplace_lease`: one atomic upsert takes the lease when it is free, expired or
 * already ours (PostgreSQL's `INSERT … ON CONFLICT DO UPDATE … WHERE`, row-locked, so two nodes
 * racing get one winner; PGlite runs the same statement).
 */
export function createLeaseStore(db: Kysely<WorkplaceDatabase>): LeaseStore {
  return {
    async acquire(name, holder, now, until) {
      const row = await db
        .insertInto("workplace_lease")
        .values({ name, holder, expires_at: until })
        .onConflict((oc) =>
          oc
            .column("name")
            .doUpdateSet({ holder, expires_at: until })
            .where((eb) =>
              eb.or([eb("workplace_lease.holder", "=", holder), eb("workplace_lease.expires_at", "<=", now)]),
            ),
        )
        .returning(sql<string>`holder`.as("holder"))
        .executeTakeFirst();
      return row?.holder === holder;
    },
    async release(name, holder) {
      await db.deleteFrom("workplace_lease").where("name", "=", name).where("holder", "=", holder).execute();
    },
  };
}

import type { Kysely } from "kysely";
import type { PortalLoginStore } from "../app/portal-ports.ts";
import type { WorkplaceDatabase } from "./tables.ts";

/**
 * The portal's sign-in states on `workplace_portal_login` (migration 0171). `put` inserts and,
 * in the same transaction, prunes the entente's rows beyond the cap: its expired rows first
 * (every state lives the same time, so they are the oldest), then the oldest live ones; the row
 * just written is never pruned. Two nodes writing at the same moment may each see the other's
 * row uncounted: the table holds at most `cap` rows per entente plus the writes in flight.
 * `take` is one `DELETE … RETURNING` (single use, even with two nodes racing).
 */
export function createPortalLoginStore(db: Kysely<WorkplaceDatabase>): PortalLoginStore {
  return {
    async put(ententeId, idHash, state, expiresAt, { cap, now }) {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto("workplace_portal_login")
          .values({
            id_hash: idHash,
            entente_id: ententeId,
            state: JSON.stringify(state),
            expires_at: expiresAt,
          })
          .execute();
        const count = await trx
          .selectFrom("workplace_portal_login")
          .select((eb) => eb.fn.countAll<string>().as("n"))
          .where("entente_id", "=", ententeId)
          .executeTakeFirstOrThrow();
        const excess = Number(count.n) - cap;
        if (excess <= 0) return;
        const expired = await trx
          .deleteFrom("workplace_portal_login")
          .where("entente_id", "=", ententeId)
          .where("expires_at", "<=", now)
          .executeTakeFirst();
        const stillOver = excess - Number(expired.numDeletedRows);
        if (stillOver <= 0) return;
        await trx
          .deleteFrom("workplace_portal_login")
          .where("id_hash", "in", (eb) =>
            eb
              .selectFrom("workplace_portal_login")
              .select("id_hash")
              .where("entente_id", "=", ententeId)
              .where("id_hash", "!=", idHash)
              .orderBy("expires_at")
              .orderBy("id_hash")
              .limit(stillOver),
          )
          .execute();
      });
    },
    async take(ententeId, idHash, now) {
      const row = await db
        .deleteFrom("workplace_portal_login")
        .where("id_hash", "=", idHash)
        .where("entente_id", "=", ententeId)
        .returning(["state", "expires_at"])
        .executeTakeFirst();
      if (row === undefined || row.expires_at <= now) return null;
      return row.state as Record<string, unknown>;
    },
  };
}

import type { Kysely } from "kysely";
import type { WebSessionStore } from "../app/ports.ts";
import type { AccessDatabase } from "./tables.ts";

/**
 * Sessions of the web console in the database, so that any node behind a load balancer can
 * serve any request (DESIGN.md: stateless nodes). Expired rows are ignored and swept on write.
 */
export function createWebSessionStore(db: Kysely<AccessDatabase>, now: () => Date): WebSessionStore {
  return {
    async get(id) {
      const row = await db
        .selectFrom("web_session")
        .select(["data", "expires_at"])
        .where("id", "=", id)
        .executeTakeFirst();
      if (row === undefined || row.expires_at <= now()) return null;
      return row.data;
    },
    async set(id, data, expiresAt) {
      await db
        .insertInto("web_session")
        .values({ id, data: JSON.stringify(data), expires_at: expiresAt })
        .onConflict((oc) =>
          oc.column("id").doUpdateSet({ data: JSON.stringify(data), expires_at: expiresAt }),
        )
        .execute();
      await db.deleteFrom("web_session").where("expires_at", "<", now()).execute();
    },
    async destroy(id) {
      await db.deleteFrom("web_session").where("id", "=", id).execute();
    },
  };
}

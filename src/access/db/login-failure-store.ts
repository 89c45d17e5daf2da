import type { Kysely } from "kysely";
import type { LoginFailureStore } from "../app/ports.ts";
import type { AccessDatabase } from "./tables.ts";

/** How long failures are kept at most (seconds): beyond any throttle window. */
const RETENTION_SECONDS = 24 * 60 * 60;

/**
 * Failed sign-in attempts in `login_failure` (migration 0006), shared by every node; also the
 * last success of a login from an address (a `known` key of the throttle: one entry kept per key).
 */
export function createLoginFailureStore(db: Kysely<AccessDatabase>): LoginFailureStore {
  return {
    async recordFailure(keys, at) {
      if (keys.length === 0) return;
      await db.transaction().execute(async (trx) => {
        await trx
          .deleteFrom("login_failure")
          .where("key", "in", [...keys])
          .where("at", "<", new Date(at.getTime() - RETENTION_SECONDS * 1000))
          .execute();
        await trx
          .insertInto("login_failure")
          .values(keys.map((key) => ({ key, at })))
          .execute();
      });
    },
    async failuresSince(queries) {
      if (queries.length === 0) return [];
      const rows = await db
        .selectFrom("login_failure")
        .select(["key", "at"])
        .where((eb) => eb.or(queries.map((q) => eb.and([eb("key", "=", q.key), eb("at", ">=", q.since)]))))
        .orderBy("at")
        .execute();
      return queries.map((q) => rows.filter((row) => row.key === q.key).map((row) => row.at));
    },
    async clearFailures(key) {
      await db.deleteFrom("login_failure").where("key", "=", key).execute();
    },
  };
}

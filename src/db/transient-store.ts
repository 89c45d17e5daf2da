import type { Redis } from "ioredis";
import type { Kysely } from "kysely";
import type { TransientStore } from "../app/identity/ports.ts";
import type { Database } from "./schema.ts";

/**
 * `TransientStore` (src/app/identity/ports.ts) on the database: `take` is one
 * `DELETE … RETURNING`, so two nodes racing for the same key get the value at most once.
 * Expired rows read as missing and are swept on `put`.
 */
export function createDatabaseTransientStore(
  db: Kysely<Database>,
  now: () => Date = () => new Date(),
): TransientStore {
  return {
    async put(key, value, ttlSeconds) {
      const row = {
        value: JSON.stringify(value),
        expires_at: new Date(now().getTime() + ttlSeconds * 1000),
      };
      await db
        .insertInto("transient_value")
        .values({ key, ...row })
        .onConflict((oc) => oc.column("key").doUpdateSet(row))
        .execute();
      await db.deleteFrom("transient_value").where("expires_at", "<=", now()).execute();
    },
    async take(key) {
      const row = await db
        .deleteFrom("transient_value")
        .where("key", "=", key)
        .returning(["value", "expires_at"])
        .executeTakeFirst();
      if (row === undefined || row.expires_at <= now()) return null;
      return row.value;
    },
  };
}

/** `TransientStore` on Redis: `SET … EX` and `GETDEL` (atomic get-and-delete, Redis ≥ 6.2). */
export function createRedisTransientStore(redis: Redis, prefix = "transient:"): TransientStore {
  return {
    async put(key, value, ttlSeconds) {
      await redis.set(`${prefix}${key}`, JSON.stringify(value), "EX", Math.max(1, Math.ceil(ttlSeconds)));
    },
    async take(key) {
      const text = await redis.getdel(`${prefix}${key}`);
      return text === null ? null : (JSON.parse(text) as unknown);
    },
  };
}

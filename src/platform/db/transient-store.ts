import type { Redis } from "ioredis";
import type { Kysely } from "kysely";
import type { PlatformTables } from "./schema.ts";

/** Short-lived single-use values (the identity federation's upstream sign-in state): the database, or Redis when set. */
export interface TransientStore {
  /** Stores `value` (JSON-serialisable) under `key` for `ttlSeconds`. */
  put(key: string, value: unknown, ttlSeconds: number): Promise<void>;
  /** Returns the value and deletes it, atomically (a second `take` gets null); null when missing or expired. */
  take(key: string): Promise<unknown>;
  /** Returns the value without deleting it; null when missing or expired (a state read on each page). */
  get(key: string): Promise<unknown>;
}

/** Expired rows are deleted at most this often (milliseconds), by a `put`. */
const SWEEP_EVERY_MS = 30_000;

/**
 * `TransientStore` on the database: `take` is one
 * `DELETE … RETURNING`, so two nodes racing for the same key get the value at most once; `get`
 * is one `SELECT` (the row stays); `put` is an upsert. Expired rows read as missing; a `put`
 * sweeps them at most every `SWEEP_EVERY_MS` on this node (not on every write: a sign-in saves
 * its state at each step).
 */
export function createDatabaseTransientStore(
  db: Kysely<PlatformTables>,
  now: () => Date = () => new Date(),
): TransientStore {
  let sweptAt = Number.NEGATIVE_INFINITY;
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
      const at = now().getTime();
      if (at - sweptAt >= SWEEP_EVERY_MS || at < sweptAt) {
        sweptAt = at;
        await db.deleteFrom("transient_value").where("expires_at", "<=", new Date(at)).execute();
      }
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
    async get(key) {
      const row = await db
        .selectFrom("transient_value")
        .select("value")
        .where("key", "=", key)
        .where("expires_at", ">", now())
        .executeTakeFirst();
      return row === undefined ? null : row.value;
    },
  };
}

/** `TransientStore` on Redis: `SET … EX`, `GETDEL` (atomic get-and-delete, Redis ≥ 6.2) and `GET`. */
export function createRedisTransientStore(redis: Redis, prefix = "transient:"): TransientStore {
  return {
    async put(key, value, ttlSeconds) {
      await redis.set(`${prefix}${key}`, JSON.stringify(value), "EX", Math.max(1, Math.ceil(ttlSeconds)));
    },
    async take(key) {
      const text = await redis.getdel(`${prefix}${key}`);
      return text === null ? null : (JSON.parse(text) as unknown);
    },
    async get(key) {
      const text = await redis.get(`${prefix}${key}`);
      return text === null ? null : (JSON.parse(text) as unknown);
    },
  };
}

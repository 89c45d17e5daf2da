import type { Kysely } from "kysely";
import type { ServiceClientRecord } from "../domain/service-client.ts";
import type { IdentityDatabase } from "./tables.ts";

/** How long this node trusts a service record it read (milliseconds): ≤ 5 s, see `createServiceClientStore`. */
export const SERVICE_CACHE_TTL_MS = 5_000;

/** A service as the provider reads it: the record and its secret hash, from one SELECT. */
export type LoadedService = {
  readonly record: ServiceClientRecord;
  readonly secretHash: string | null;
} | null;

interface CachedService {
  readonly expiresAt: number;
  readonly row: Promise<LoadedService>;
}

/**
 * The records read on this node, per database handle: every store made on the same `db` (the
 * provider's, the admin API's) shares them, so a write through any of them is seen at once here.
 */
const caches = new WeakMap<Kysely<IdentityDatabase>, Map<string, CachedService>>();

/** This node's cache of services read on `db`: a lookup loads once per `ttlMs` (0: every time); `forget` after a write. */
export function createServiceClientCache(
  db: Kysely<IdentityDatabase>,
  select: (clientId: string) => Promise<LoadedService>,
  options: { readonly ttlMs: number; readonly now: () => number },
): { load(clientId: string): Promise<LoadedService>; forget(clientId: string): void } {
  let cache = caches.get(db);
  if (cache === undefined) {
    cache = new Map();
    caches.set(db, cache);
  }
  const cached = cache;
  return {
    /** The service and its secret hash: from this node's cache, else one SELECT (shared by concurrent callers). Unknown ids are not kept. */
    async load(clientId) {
      if (options.ttlMs <= 0) return select(clientId);
      const at = options.now();
      const hit = cached.get(clientId);
      if (hit !== undefined && hit.expiresAt > at) return hit.row;
      const entry: CachedService = { expiresAt: at + options.ttlMs, row: select(clientId) };
      cached.set(clientId, entry);
      try {
        const row = await entry.row;
        if (row === null && cached.get(clientId) === entry) cached.delete(clientId);
        return row;
      } catch (error) {
        if (cached.get(clientId) === entry) cached.delete(clientId);
        throw error;
      }
    },
    /** After a write: this node reads the row again at the next lookup. */
    forget(clientId) {
      cached.delete(clientId);
    },
  };
}

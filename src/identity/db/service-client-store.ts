import type { Kysely } from "kysely";
import type { ServiceClientStore } from "../app/provider-ports.ts";
import { createServiceClientCache, SERVICE_CACHE_TTL_MS } from "./service-client-cache.ts";
import { toServiceClientRecord } from "./service-client-rows.ts";
import { createServiceClientWrites } from "./service-client-writes.ts";
import type { IdentityDatabase } from "./tables.ts";

/**
 * The services (relying parties) of the ententes in `service_client` (`ServiceClientStore`):
 * client ids are generated (`svc_` + 128 random bits), secrets are generated, returned once and
 * stored hashed (`hashClientSecret`); `clientSecret()` returns the hash, which the OpenID Provider
 * compares against. It writes what it is given: `createServiceRegistry` (src/identity/app)
 * applies the rules first.
 *
 * Reads (`findClient`, `clientSecret`) are cached on this node for `cacheTtlMs` (default
 * `SERVICE_CACHE_TTL_MS`, 5 s; 0: no cache): the OpenID Provider looks a service up several times
 * per request, and the record and the secret hash come from one SELECT. Every write made on this
 * node (any store on the same `db`) drops the entry at once. Another node (or the CLI, another
 * process) sees a change within the TTL: a disabled, deleted or re-keyed service is refused
 * everywhere within 5 s. Unknown ids are not cached.
 * @throws EntenteError `conflict.stale_version`, `resource.not_found` (update).
 */
export function createServiceClientStore(
  db: Kysely<IdentityDatabase>,
  options: { readonly cacheTtlMs?: number; readonly now?: () => number } = {},
): ServiceClientStore {
  const select = async (clientId: string) => {
    const row = await db
      .selectFrom("service_client")
      .selectAll()
      .where("client_id", "=", clientId)
      .executeTakeFirst();
    return row === undefined ? null : { record: toServiceClientRecord(row), secretHash: row.secret_hash };
  };
  const cache = createServiceClientCache(db, select, {
    ttlMs: Math.min(options.cacheTtlMs ?? SERVICE_CACHE_TTL_MS, SERVICE_CACHE_TTL_MS),
    now: options.now ?? Date.now,
  });
  return {
    findClient: async (clientId) => (await cache.load(clientId))?.record ?? null,
    clientSecret: async (clientId) => (await cache.load(clientId))?.secretHash ?? null,
    async listClients(ententeId) {
      const rows = await db
        .selectFrom("service_client")
        .selectAll()
        .where("entente_id", "=", ententeId)
        .orderBy("name")
        .orderBy("client_id")
        .execute();
      return rows.map(toServiceClientRecord);
    },
    async memberIdsOf(ententeId) {
      const rows = await db.selectFrom("member").select("id").where("entente_id", "=", ententeId).execute();
      return rows.map((row) => row.id);
    },
    ...createServiceClientWrites(db, cache.forget),
  };
}

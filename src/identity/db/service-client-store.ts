import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import { throwStaleOrMissing } from "../../platform/db/stale-version.ts";
import type { ServiceClientStore } from "../app/provider-ports.ts";
import { createServiceClientCache, SERVICE_CACHE_TTL_MS } from "./service-client-cache.ts";
import { hashClientSecret, serviceClientColumns, toServiceClientRecord } from "./service-client-rows.ts";
import type { IdentityDatabase } from "./tables.ts";

const WHAT = { fr: "service", en: "service" };

/** A new secret: 256 random bits, base64url (43 characters). */
const newSecret = () => randomBytes(32).toString("base64url");

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
    async createClient(ententeId, input) {
      const clientSecret = input.tokenEndpointAuthMethod === "none" ? null : newSecret();
      const clientId = `svc_${randomBytes(16).toString("base64url")}`;
      const row = await db
        .insertInto("service_client")
        .values({
          client_id: clientId,
          entente_id: ententeId,
          ...serviceClientColumns(input),
          secret_hash: clientSecret === null ? null : hashClientSecret(clientSecret),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      cache.forget(clientId);
      return { client: toServiceClientRecord(row), clientSecret };
    },
    async updateClient(ententeId, clientId, input, expectedRowVersion) {
      cache.forget(clientId);
      const updated = await db.transaction().execute(async (trx) => {
        const current = await trx
          .selectFrom("service_client")
          .select(["row_version", "secret_hash"])
          .where("client_id", "=", clientId)
          .where("entente_id", "=", ententeId)
          .forUpdate()
          .executeTakeFirst();
        if (current === undefined || current.row_version !== expectedRowVersion) {
          throwStaleOrMissing(WHAT, clientId, expectedRowVersion, current?.row_version);
        }
        // A confidential method needs the secret a public client never had: nothing is written.
        if (input.tokenEndpointAuthMethod !== "none" && current.secret_hash === null) return null;
        const row = await trx
          .updateTable("service_client")
          .set({
            ...serviceClientColumns(input),
            secret_hash: input.tokenEndpointAuthMethod === "none" ? null : current.secret_hash,
            row_version: expectedRowVersion + 1,
          })
          .where("client_id", "=", clientId)
          .returningAll()
          .executeTakeFirstOrThrow();
        return toServiceClientRecord(row);
      });
      cache.forget(clientId);
      return updated;
    },
    async rotateClientSecret(ententeId, clientId) {
      const secret = newSecret();
      const result = await db
        .updateTable("service_client")
        .set((eb) => ({ secret_hash: hashClientSecret(secret), row_version: eb("row_version", "+", 1) }))
        .where("client_id", "=", clientId)
        .where("entente_id", "=", ententeId)
        .where("token_endpoint_auth_method", "!=", "none")
        .executeTakeFirst();
      cache.forget(clientId);
      return Number(result.numUpdatedRows) === 0 ? null : secret;
    },
    async deleteClient(ententeId, clientId) {
      const result = await db
        .deleteFrom("service_client")
        .where("client_id", "=", clientId)
        .where("entente_id", "=", ententeId)
        .executeTakeFirst();
      cache.forget(clientId);
      return Number(result.numDeletedRows) > 0;
    },
  };
}

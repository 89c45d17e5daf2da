import { randomBytes } from "node:crypto";
import type { Kysely, Selectable } from "kysely";
import { recordAudit } from "../../platform/db/record-audit.ts";
import { runVersionedUpdate, type VersionedChange } from "../../platform/db/versioned-update.ts";
import type { Actor } from "../../shared/actor.ts";
import type { ResourceServerStore } from "../app/resource-server-ports.ts";
import type { ResourceServerInput, ResourceServerRecord } from "../domain/resource-server.ts";
import { localized } from "../errors.ts";
import type { IdentityDatabase, ResourceServerTable } from "./tables.ts";

const RESOURCE_SERVER = localized("serveur de ressources", "resource server");

/** How long this node trusts a resource server it read by audience (milliseconds). */
export const RESOURCE_SERVER_CACHE_TTL_MS = 5_000;

type CachedServer = { readonly expiresAt: number; readonly row: Promise<ResourceServerRecord | null> };

/** The servers read by audience on this node, per database handle (every store on one `db` shares them). */
const audienceCaches = new WeakMap<Kysely<IdentityDatabase>, Map<string, CachedServer>>();

function audienceCacheOf(db: Kysely<IdentityDatabase>): Map<string, CachedServer> {
  let cache = audienceCaches.get(db);
  if (cache === undefined) {
    cache = new Map();
    audienceCaches.set(db, cache);
  }
  return cache;
}
const ENTITY = "resource_server";

function toRecord(row: Selectable<ResourceServerTable>): ResourceServerRecord {
  return {
    id: row.id,
    ententeId: row.entente_id,
    name: row.name,
    audience: row.audience,
    scopes: row.scopes,
    tokenFormat: row.token_format,
    jwtType: row.jwt_type,
    accessTokenTtlSeconds: row.access_token_ttl_seconds,
    enabled: row.enabled,
    rowVersion: row.row_version,
  };
}

function columns(input: ResourceServerInput) {
  return {
    name: input.name,
    audience: input.audience,
    scopes: JSON.stringify(input.scopes),
    token_format: input.tokenFormat,
    jwt_type: input.jwtType,
    access_token_ttl_seconds: input.accessTokenTtlSeconds,
    enabled: input.enabled,
  };
}

async function readOne(db: Kysely<IdentityDatabase>, ententeId: string, id: string) {
  const row = await db
    .selectFrom("resource_server")
    .selectAll()
    .where("entente_id", "=", ententeId)
    .where("id", "=", id)
    .executeTakeFirst();
  return row === undefined ? undefined : toRecord(row);
}

function resourceServerUpdate(
  ententeId: string,
  id: string,
  input: ResourceServerInput,
  expectedVersion: number,
  actor: Actor,
): VersionedChange<IdentityDatabase, ResourceServerRecord> {
  return {
    what: RESOURCE_SERVER,
    id,
    expectedVersion,
    audit: { actor, ententeId, entity: ENTITY, action: "identity.resource_server.update" },
    load: (trx) => readOne(trx, ententeId, id),
    update: async (trx) => {
      const result = await trx
        .updateTable("resource_server")
        .set((eb) => ({ ...columns(input), row_version: eb("row_version", "+", 1) }))
        .where("id", "=", id)
        .where("entente_id", "=", ententeId)
        .where("row_version", "=", expectedVersion)
        .executeTakeFirst();
      return result.numUpdatedRows;
    },
  };
}

/**
 * Resource servers (`ResourceServerStore`) in `resource_server`: ids `rs_` + 96 random bits;
 * every write is one transaction with its audit event (`identity.resource_server.create|update|delete`),
 * updates are the platform's `runVersionedUpdate`. It writes what it is given: the registry
 * (src/identity/app/resource-server-registry.ts) applies the rules first.
 *
 * `findByAudience` (what the provider asks on every `resource=`) is cached on this node for
 * `cacheTtlMs` (default and at most `RESOURCE_SERVER_CACHE_TTL_MS`, 5 s; 0: no cache), unknown
 * audiences excepted; every write made on this node (any store on the same `db`) empties it at
 * once, so another node sees a disabled or deleted server within 5 s.
 */
export function createResourceServerStore(
  db: Kysely<IdentityDatabase>,
  options: { readonly newId?: () => string; readonly cacheTtlMs?: number; readonly now?: () => number } = {},
): ResourceServerStore {
  const newId = options.newId ?? (() => `rs_${randomBytes(12).toString("base64url")}`);
  const ttlMs = Math.min(options.cacheTtlMs ?? RESOURCE_SERVER_CACHE_TTL_MS, RESOURCE_SERVER_CACHE_TTL_MS);
  const now = options.now ?? Date.now;
  const cache = audienceCacheOf(db);
  const select = async (audience: string) => {
    const row = await db
      .selectFrom("resource_server")
      .selectAll()
      .where("audience", "=", audience)
      .executeTakeFirst();
    return row === undefined ? null : toRecord(row);
  };
  const written = <T>(result: T): T => {
    cache.clear();
    return result;
  };
  return {
    async findByAudience(audience) {
      const hit = cache.get(audience);
      if (ttlMs > 0 && hit !== undefined && hit.expiresAt > now()) return hit.row;
      const entry = { expiresAt: now() + ttlMs, row: select(audience) };
      if (ttlMs > 0) cache.set(audience, entry);
      const found = await entry.row.catch((error: unknown) => {
        cache.delete(audience);
        throw error;
      });
      if (found === null && cache.get(audience) === entry) cache.delete(audience);
      return found;
    },
    async listResourceServers(ententeId) {
      const rows = await db
        .selectFrom("resource_server")
        .selectAll()
        .where("entente_id", "=", ententeId)
        .orderBy("name")
        .orderBy("id")
        .execute();
      return rows.map(toRecord);
    },
    getResourceServer: async (ententeId, id) => (await readOne(db, ententeId, id)) ?? null,
    createResourceServer(ententeId, input, actor) {
      const created = db.transaction().execute(async (trx) => {
        const id = newId();
        await trx
          .insertInto("resource_server")
          .values({ id, entente_id: ententeId, ...columns(input) })
          .execute();
        const created = (await readOne(trx, ententeId, id)) as ResourceServerRecord;
        const audit = { actor, ententeId, entity: ENTITY, entityId: id };
        await recordAudit(trx, { ...audit, action: "identity.resource_server.create", after: created });
        return created;
      });
      return created.then(written);
    },
    updateResourceServer: (ententeId, id, input, expectedVersion, actor) =>
      runVersionedUpdate(db, resourceServerUpdate(ententeId, id, input, expectedVersion, actor)).then(
        written,
      ),
    deleteResourceServer(ententeId, id, actor) {
      const deleted = db.transaction().execute(async (trx) => {
        const before = await readOne(trx, ententeId, id);
        if (before === undefined) return false;
        await trx.deleteFrom("resource_server").where("id", "=", id).execute();
        const audit = { actor, ententeId, entity: ENTITY, entityId: id };
        await recordAudit(trx, { ...audit, action: "identity.resource_server.delete", before });
        return true;
      });
      return deleted.then(written);
    },
  };
}

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
 */
export function createResourceServerStore(
  db: Kysely<IdentityDatabase>,
  options: { readonly newId?: () => string } = {},
): ResourceServerStore {
  const newId = options.newId ?? (() => `rs_${randomBytes(12).toString("base64url")}`);
  return {
    async findByAudience(audience) {
      const row = await db
        .selectFrom("resource_server")
        .selectAll()
        .where("audience", "=", audience)
        .executeTakeFirst();
      return row === undefined ? null : toRecord(row);
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
      return db.transaction().execute(async (trx) => {
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
    },
    updateResourceServer: (ententeId, id, input, expectedVersion, actor) =>
      runVersionedUpdate(db, resourceServerUpdate(ententeId, id, input, expectedVersion, actor)),
    deleteResourceServer(ententeId, id, actor) {
      return db.transaction().execute(async (trx) => {
        const before = await readOne(trx, ententeId, id);
        if (before === undefined) return false;
        await trx.deleteFrom("resource_server").where("id", "=", id).execute();
        const audit = { actor, ententeId, entity: ENTITY, entityId: id };
        await recordAudit(trx, { ...audit, action: "identity.resource_server.delete", before });
        return true;
      });
    },
  };
}

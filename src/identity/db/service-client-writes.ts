import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import { recordAudit } from "../../platform/db/record-audit.ts";
import { throwStaleOrMissing } from "../../platform/db/stale-version.ts";
import type { Actor } from "../../shared/actor.ts";
import type { ServiceClientStore } from "../app/provider-ports.ts";
import { hashClientSecret, serviceClientColumns, toServiceClientRecord } from "./service-client-rows.ts";
import type { IdentityDatabase } from "./tables.ts";

const WHAT = { fr: "service", en: "service" };

const ENTITY = "service_client";
/** Who changed a service when the caller names nobody (tests, tools): the system. */
const SYSTEM: Actor = { id: "system", label: "system" };

/** A new secret: 256 random bits, base64url (43 characters). */
const newSecret = () => randomBytes(32).toString("base64url");

/**
 * The writes of `createServiceClientStore`: a new client id (`svc_` + 128 random bits) and, unless
 * public, a new secret returned once and stored hashed; an update guarded by `row_version` (the
 * row locked); a new secret replacing the old one; a deletion. `forget` drops this node's cached
 * record after each write. Each write records its audit event in its transaction, with the
 * service's settings (a `ServiceClientRecord` holds no secret nor hash) — never a secret.
 */
export function createServiceClientWrites(
  db: Kysely<IdentityDatabase>,
  forget: (clientId: string) => void,
): Pick<ServiceClientStore, "createClient" | "updateClient" | "rotateClientSecret" | "deleteClient"> {
  return {
    async createClient(ententeId, input, actor = SYSTEM) {
      const clientSecret = input.tokenEndpointAuthMethod === "none" ? null : newSecret();
      const clientId = `svc_${randomBytes(16).toString("base64url")}`;
      const row = await db.transaction().execute(async (trx) => {
        const inserted = await trx
          .insertInto("service_client")
          .values({
            client_id: clientId,
            entente_id: ententeId,
            ...serviceClientColumns(input),
            secret_hash: clientSecret === null ? null : hashClientSecret(clientSecret),
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        const after = toServiceClientRecord(inserted);
        await recordAudit(trx, {
          actor,
          ententeId,
          action: "create",
          entity: ENTITY,
          entityId: clientId,
          after,
        });
        return inserted;
      });
      forget(clientId);
      return { client: toServiceClientRecord(row), clientSecret };
    },
    async updateClient(ententeId, clientId, input, expectedRowVersion, actor = SYSTEM) {
      forget(clientId);
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
        const after = toServiceClientRecord(row);
        await recordAudit(trx, {
          actor,
          ententeId,
          action: "update",
          entity: ENTITY,
          entityId: clientId,
          after: after,
        });
        return after;
      });
      forget(clientId);
      return updated;
    },
    rotateClientSecret: (ententeId, clientId, actor = SYSTEM) =>
      rotateSecret(db, forget, ententeId, clientId, actor),
    deleteClient: (ententeId, clientId, actor = SYSTEM) =>
      deleteClient(db, forget, ententeId, clientId, actor),
  };
}

type Forget = (clientId: string) => void;

/** A new secret for a confidential service, audited (`rotate-secret`, never the secret). */
async function rotateSecret(
  db: Kysely<IdentityDatabase>,
  forget: Forget,
  ententeId: string,
  clientId: string,
  actor: Actor,
): Promise<string | null> {
  const secret = newSecret();
  const rotated = await db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable("service_client")
      .set((eb) => ({ secret_hash: hashClientSecret(secret), row_version: eb("row_version", "+", 1) }))
      .where("client_id", "=", clientId)
      .where("entente_id", "=", ententeId)
      .where("token_endpoint_auth_method", "!=", "none")
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return false;
    // The event says that the secret changed, never what it is.
    await recordAudit(trx, {
      actor,
      ententeId,
      action: "rotate-secret",
      entity: ENTITY,
      entityId: clientId,
    });
    return true;
  });
  forget(clientId);
  return rotated ? secret : null;
}

/** Deletes a service, audited (`delete`, its settings before). */
async function deleteClient(
  db: Kysely<IdentityDatabase>,
  forget: Forget,
  ententeId: string,
  clientId: string,
  actor: Actor,
): Promise<boolean> {
  const deleted = await db.transaction().execute(async (trx) => {
    const row = await trx
      .deleteFrom("service_client")
      .where("client_id", "=", clientId)
      .where("entente_id", "=", ententeId)
      .returningAll()
      .executeTakeFirst();
    if (row === undefined) return false;
    const before = toServiceClientRecord(row);
    await recordAudit(trx, {
      actor,
      ententeId,
      action: "delete",
      entity: ENTITY,
      entityId: clientId,
      before,
    });
    return true;
  });
  forget(clientId);
  return deleted;
}

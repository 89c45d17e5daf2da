import { createHash, randomBytes } from "node:crypto";
import type { Kysely, Selectable } from "kysely";
import { throwStaleOrMissing } from "../../platform/db/stale-version.ts";
import {
  ACR_ONE_FACTOR,
  ACR_TWO_FACTORS,
  type PersonRole,
  type ServiceClientAdmin,
  type ServiceClientInput,
  type ServiceClientRecord,
} from "../app/ports.ts";
import { validateServiceClient } from "../domain/service-client-rules.ts";
import { EntenteError, localized } from "../errors.ts";
import type { IdentityDatabase, ServiceClientTable } from "./tables.ts";

/**
 * Hash a client secret is stored as: SHA-256, base64url. A fast hash is enough for 256 random
 * bits (RFC 6819 §5.1.4.1.3); the OpenID Provider compares the presented secret's hash
 * (src/identity/oidc: `Client.prototype.compareClientSecret`, the library's documented seam).
 */
export function hashClientSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("base64url");
}

const WHAT = { fr: "service", en: "service" };

function toRecord(row: Selectable<ServiceClientTable>): ServiceClientRecord {
  return {
    clientId: row.client_id,
    ententeId: row.entente_id,
    name: row.name,
    redirectUris: row.redirect_uris,
    postLogoutRedirectUris: row.post_logout_redirect_uris,
    backchannelLogoutUri: row.backchannel_logout_uri,
    grantTypes: row.grant_types as ServiceClientRecord["grantTypes"],
    tokenEndpointAuthMethod: row.token_endpoint_auth_method,
    scopes: row.scopes,
    policy: {
      memberIds: row.policy_member_ids,
      roles: row.policy_roles as PersonRole[] | null,
      groups: row.policy_groups,
    },
    requiredAcr: row.required_acr,
    enabled: row.enabled,
    rowVersion: row.row_version,
  };
}

/**
 * A policy naming a member that does not exist would lock that member out without a word (a
 * typo in `--members`): refused, with the entente's member ids.
 * @throws EntenteError `identity.client_invalid` on `policy.memberIds`.
 */
async function assertPolicyMembersExist(
  db: Kysely<IdentityDatabase>,
  ententeId: string,
  memberIds: readonly string[] | null,
): Promise<void> {
  if (memberIds === null || memberIds.length === 0) return;
  const known = (
    await db.selectFrom("member").select("id").where("entente_id", "=", ententeId).execute()
  ).map((row) => row.id);
  const unknown = memberIds.filter((id) => !known.includes(id));
  if (unknown.length === 0) return;
  throw new EntenteError("identity.client_invalid", {
    field: "policy.memberIds",
    expected: localized(
      `membres inconnus : ${unknown.join(", ")} (membres de l'entente : ${known.join(", ") || "aucun"})`,
      `unknown members: ${unknown.join(", ")} (members of the entente: ${known.join(", ") || "none"})`,
    ),
  });
}

function toColumns(input: ServiceClientInput) {
  const valid = validateServiceClient(input, { acrValues: [ACR_ONE_FACTOR, ACR_TWO_FACTORS] });
  return {
    name: valid.name,
    redirect_uris: JSON.stringify(valid.redirectUris),
    post_logout_redirect_uris: JSON.stringify(valid.postLogoutRedirectUris),
    backchannel_logout_uri: valid.backchannelLogoutUri,
    grant_types: JSON.stringify(valid.grantTypes),
    token_endpoint_auth_method: valid.tokenEndpointAuthMethod,
    scopes: JSON.stringify(valid.scopes),
    policy_member_ids: valid.policy.memberIds === null ? null : JSON.stringify(valid.policy.memberIds),
    policy_roles: valid.policy.roles === null ? null : JSON.stringify(valid.policy.roles),
    policy_groups: valid.policy.groups === null ? null : JSON.stringify(valid.policy.groups),
    required_acr: valid.requiredAcr,
    enabled: valid.enabled,
  };
}

/** How long this node trusts a service record it read (milliseconds): ≤ 5 s, see `createServiceClientStore`. */
export const SERVICE_CACHE_TTL_MS = 5_000;

/** A service row as the provider reads it: the record and its secret hash, from one SELECT. */
interface CachedService {
  readonly expiresAt: number;
  readonly row: Promise<{ readonly record: ServiceClientRecord; readonly secretHash: string | null } | null>;
}

/**
 * The records read on this node, per database handle: every store made on the same `db` (the
 * provider's, the admin API's) shares them, so a write through any of them is seen at once here.
 */
const caches = new WeakMap<Kysely<IdentityDatabase>, Map<string, CachedService>>();

/** A new secret: 256 random bits, base64url (43 characters). */
const newSecret = () => randomBytes(32).toString("base64url");

/**
 * The services (relying parties) of the ententes in the database: `ServiceClientAdmin` of
 * src/app/identity/ports.ts. Client ids are generated (`svc_` + 128 random bits), secrets are
 * generated, returned once and stored hashed (`hashClientSecret`); `clientSecret()` returns the
 * hash, which the OpenID Provider compares against. Every write validates the input with
 * src/domain/service-client-rules.ts.
 *
 * Reads (`findClient`, `clientSecret`) are cached on this node for `cacheTtlMs` (default
 * `SERVICE_CACHE_TTL_MS`, 5 s; 0: no cache): the OpenID Provider looks a service up several times
 * per request, and the record and the secret hash come from one SELECT. Every write made on this
 * node (any store on the same `db`) drops the entry at once. Another node (or the CLI, another
 * process) sees a change within the TTL: a disabled, deleted or re-keyed service is refused
 * everywhere within 5 s. Unknown ids are not cached.
 * @throws EntenteError `identity.client_invalid` (bad input, field and expectation named),
 *   `conflict.stale_version`, `resource.not_found` (update), `identity.not_found` (other writes).
 */
export function createServiceClientStore(
  db: Kysely<IdentityDatabase>,
  options: { readonly cacheTtlMs?: number; readonly now?: () => number } = {},
): ServiceClientAdmin {
  const ttlMs = Math.min(options.cacheTtlMs ?? SERVICE_CACHE_TTL_MS, SERVICE_CACHE_TTL_MS);
  const now = options.now ?? Date.now;
  let cache = caches.get(db);
  if (cache === undefined) {
    cache = new Map();
    caches.set(db, cache);
  }
  const cached = cache;
  const notFound = (clientId: string) =>
    new EntenteError("identity.not_found", { what: localized("service", "service"), id: clientId });
  const select = async (clientId: string) => {
    const row = await db
      .selectFrom("service_client")
      .selectAll()
      .where("client_id", "=", clientId)
      .executeTakeFirst();
    return row === undefined ? null : { record: toRecord(row), secretHash: row.secret_hash };
  };
  /** The service and its secret hash: from this node's cache, else one SELECT (shared by concurrent callers). */
  const load = async (clientId: string) => {
    if (ttlMs <= 0) return select(clientId);
    const at = now();
    const hit = cached.get(clientId);
    if (hit !== undefined && hit.expiresAt > at) return hit.row;
    const entry: CachedService = { expiresAt: at + ttlMs, row: select(clientId) };
    cached.set(clientId, entry);
    try {
      const row = await entry.row;
      if (row === null && cached.get(clientId) === entry) cached.delete(clientId);
      return row;
    } catch (error) {
      if (cached.get(clientId) === entry) cached.delete(clientId);
      throw error;
    }
  };
  /** After a write: this node reads the row again at the next lookup. */
  const forget = (clientId: string) => {
    cached.delete(clientId);
  };
  return {
    async findClient(clientId) {
      return (await load(clientId))?.record ?? null;
    },
    async clientSecret(clientId) {
      return (await load(clientId))?.secretHash ?? null;
    },
    async listClients(ententeId) {
      const rows = await db
        .selectFrom("service_client")
        .selectAll()
        .where("entente_id", "=", ententeId)
        .orderBy("name")
        .orderBy("client_id")
        .execute();
      return rows.map(toRecord);
    },
    async createClient(ententeId, input) {
      const columns = toColumns(input);
      await assertPolicyMembersExist(db, ententeId, input.policy.memberIds);
      const clientSecret = input.tokenEndpointAuthMethod === "none" ? null : newSecret();
      const clientId = `svc_${randomBytes(16).toString("base64url")}`;
      const row = await db
        .insertInto("service_client")
        .values({
          client_id: clientId,
          entente_id: ententeId,
          ...columns,
          secret_hash: clientSecret === null ? null : hashClientSecret(clientSecret),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      forget(clientId);
      return { client: toRecord(row), clientSecret };
    },
    async updateClient(ententeId, clientId, input, expectedRowVersion) {
      const columns = toColumns(input);
      await assertPolicyMembersExist(db, ententeId, input.policy.memberIds);
      forget(clientId);
      const updated = await db.transaction().execute(async (trx) => {
        const current = await trx
          .selectFrom("service_client")
          .select(["row_version", "secret_hash", "token_endpoint_auth_method"])
          .where("client_id", "=", clientId)
          .where("entente_id", "=", ententeId)
          .forUpdate()
          .executeTakeFirst();
        if (current === undefined || current.row_version !== expectedRowVersion) {
          throwStaleOrMissing(WHAT, clientId, expectedRowVersion, current?.row_version);
        }
        if (input.tokenEndpointAuthMethod !== "none" && current.secret_hash === null) {
          throw new EntenteError("identity.client_invalid", {
            field: "tokenEndpointAuthMethod",
            expected: localized(
              "un client public reste public : enregistrez un nouveau service confidentiel (son secret sera créé)",
              "a public client stays public: register a new confidential service (its secret is created then)",
            ),
          });
        }
        const row = await trx
          .updateTable("service_client")
          .set({
            ...columns,
            secret_hash: input.tokenEndpointAuthMethod === "none" ? null : current.secret_hash,
            row_version: expectedRowVersion + 1,
          })
          .where("client_id", "=", clientId)
          .returningAll()
          .executeTakeFirstOrThrow();
        return toRecord(row);
      });
      forget(clientId);
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
      forget(clientId);
      if (Number(result.numUpdatedRows) === 0) throw notFound(clientId);
      return secret;
    },
    async deleteClient(ententeId, clientId) {
      const result = await db
        .deleteFrom("service_client")
        .where("client_id", "=", clientId)
        .where("entente_id", "=", ententeId)
        .executeTakeFirst();
      forget(clientId);
      if (Number(result.numDeletedRows) === 0) throw notFound(clientId);
    },
  };
}

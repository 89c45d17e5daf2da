import type { Kysely } from "kysely";
import type { Adapter, AdapterFactory, AdapterPayload } from "oidc-provider";
import type { IdentityDatabase } from "./tables.ts";

/**
 * The models that belong to a grant and die with it — oidc-provider's own list (its memory and
 * reference Redis adapters: `grantable`). Interactions and sessions carry a `grantId` too, but
 * outlive a revocation.
 */
export const GRANT_BOUND_MODELS: ReadonlySet<string> = new Set([
  "AccessToken",
  "AuthorizationCode",
  "RefreshToken",
  "DeviceCode",
  "BackchannelAuthenticationRequest",
  "PreAuthorizedCode",
]);

/**
 * oidc-provider's storage (its `Adapter` interface) on the database: one table `oidc_payload`
 * for every model (Session, Interaction, AuthorizationCode, AccessToken, RefreshToken, Grant,
 * ClientCredentials, …), keyed by (model, id). Any number of nodes share it, so a code issued by
 * one node is redeemed on another.
 *
 * - TTL: `expires_at` = now + `expiresIn` seconds; an expired row reads as missing and is
 *   deleted by `pruneOidcPayloads` (the provider calls it periodically).
 * - `consume` marks a code or refresh token used (oidc-provider then refuses a replay and
 *   revokes the grant).
 * - `revokeByGrantId` deletes the grant's codes and tokens (`GRANT_BOUND_MODELS`: grant-wide
 *   revocation, RFC 6749 §4.1.2 / §10.5 on code replay, and logout), never an Interaction or a
 *   Session that merely mentions the grant: `prompt=login` after another person's session revokes
 *   that person's grants while the interaction that refers to one is still running (issue 10).
 *
 * @example
 * new Provider(issuer, { adapter: createDatabaseOidcAdapter(db) })
 */
export function createDatabaseOidcAdapter(
  db: Kysely<IdentityDatabase>,
  now: () => Date = () => new Date(),
): AdapterFactory {
  return (model: string): Adapter => {
    const grantBound = GRANT_BOUND_MODELS.has(model);
    const live = () =>
      db
        .selectFrom("oidc_payload")
        .select(["payload", "consumed_at", "expires_at"])
        .where("model", "=", model)
        .where((eb) => eb.or([eb("expires_at", "is", null), eb("expires_at", ">", now())]));
    const toPayload = (
      row: { payload: Record<string, unknown>; consumed_at: Date | null } | undefined,
    ): AdapterPayload | undefined => {
      if (row === undefined) return undefined;
      const payload = row.payload as AdapterPayload;
      return row.consumed_at === null
        ? payload
        : { ...payload, consumed: Math.floor(row.consumed_at.getTime() / 1000) };
    };
    return {
      async upsert(id, payload, expiresIn) {
        const values = {
          payload: JSON.stringify(payload),
          grant_id: grantBound && typeof payload.grantId === "string" ? payload.grantId : null,
          user_code: typeof payload.userCode === "string" ? payload.userCode : null,
          uid: typeof payload.uid === "string" ? payload.uid : null,
          expires_at: typeof expiresIn === "number" ? new Date(now().getTime() + expiresIn * 1000) : null,
        };
        await db
          .insertInto("oidc_payload")
          .values({ model, id, ...values })
          .onConflict((oc) => oc.columns(["model", "id"]).doUpdateSet(values))
          .execute();
      },
      async find(id) {
        return toPayload(await live().where("id", "=", id).executeTakeFirst());
      },
      async findByUid(uid) {
        return toPayload(await live().where("uid", "=", uid).executeTakeFirst());
      },
      async findByUserCode(userCode) {
        return toPayload(await live().where("user_code", "=", userCode).executeTakeFirst());
      },
      async consume(id) {
        await db
          .updateTable("oidc_payload")
          .set({ consumed_at: now() })
          .where("model", "=", model)
          .where("id", "=", id)
          .execute();
      },
      async destroy(id) {
        await db.deleteFrom("oidc_payload").where("model", "=", model).where("id", "=", id).execute();
      },
      async revokeByGrantId(grantId) {
        await db
          .deleteFrom("oidc_payload")
          .where("grant_id", "=", grantId)
          .where("model", "in", [...GRANT_BOUND_MODELS])
          .execute();
      },
    };
  };
}

/** Deletes the expired rows of `oidc_payload`; returns how many. Safe to run on every node. */
export async function pruneOidcPayloads(
  db: Kysely<IdentityDatabase>,
  at: Date = new Date(),
): Promise<number> {
  const result = await db.deleteFrom("oidc_payload").where("expires_at", "<=", at).executeTakeFirst();
  return Number(result.numDeletedRows);
}

import type { Redis } from "ioredis";
import type { Adapter, AdapterFactory, AdapterPayload } from "oidc-provider";
import { GRANT_BOUND_MODELS } from "./oidc-adapter.ts";

/**
 * oidc-provider's storage on Redis (used when `REDIS_URL` is set), after the library's reference
 * Redis adapter: each model instance is a hash `<prefix><model>:<id>` (field `payload`, and
 * `consumed` once a code or refresh token is used) expiring with the model's TTL. Indexes:
 * `<prefix>grant:<grantId>` (a set of the grant's codes and tokens, `GRANT_BOUND_MODELS`, for
 * grant-wide revocation: an Interaction or a Session that mentions the grant outlives it),
 * `<prefix>uid:<model>:<uid>` (sessions), `<prefix>account:<sub>` (a person's session ids), `<prefix>user_code:<model>:<code>` (device flow).
 * Every node shares the same Redis, so a code issued by one node is redeemed on another.
 * `prefix` isolates deployments (and tests) sharing one Redis.
 */
/** The key prefix of the provider's storage on Redis in production. */
export const REDIS_OIDC_PREFIX = "oidc:";

export function createRedisOidcAdapter(redis: Redis, prefix = REDIS_OIDC_PREFIX): AdapterFactory {
  return (model: string): Adapter => {
    const key = (id: string) => `${prefix}${model}:${id}`;
    const grantKey = (grantId: string) => `${prefix}grant:${grantId}`;
    const uidKey = (uid: string) => `${prefix}uid:${model}:${uid}`;
    const userCodeKey = (code: string) => `${prefix}user_code:${model}:${code}`;
    const read = async (id: string): Promise<AdapterPayload | undefined> => {
      const hash = await redis.hgetall(key(id));
      if (hash.payload === undefined) return undefined;
      const payload = JSON.parse(hash.payload) as AdapterPayload;
      return hash.consumed === undefined ? payload : { ...payload, consumed: Number(hash.consumed) };
    };
    return {
      async upsert(id, payload, expiresIn) {
        const k = key(id);
        const multi = redis.multi().del(k).hset(k, "payload", JSON.stringify(payload));
        if (typeof expiresIn === "number") multi.expire(k, expiresIn);
        if (GRANT_BOUND_MODELS.has(model) && typeof payload.grantId === "string") {
          const g = grantKey(payload.grantId);
          multi.sadd(g, k);
          // The index lives as long as the longest-lived member (NX: a first expiry, GT: a later one).
          if (typeof expiresIn === "number") multi.expire(g, expiresIn, "NX").expire(g, expiresIn, "GT");
        }
        if (model === "Session" && typeof payload.accountId === "string") {
          // Sessions by person (`redisSessionIdsOf`): ending the sessions of a suspended source's persons.
          const a = `${prefix}account:${payload.accountId}`;
          multi.sadd(a, id);
          if (typeof expiresIn === "number") multi.expire(a, expiresIn, "NX").expire(a, expiresIn, "GT");
        }
        if (typeof payload.uid === "string") {
          if (typeof expiresIn === "number") multi.set(uidKey(payload.uid), id, "EX", expiresIn);
          else multi.set(uidKey(payload.uid), id);
        }
        if (typeof payload.userCode === "string") {
          if (typeof expiresIn === "number") multi.set(userCodeKey(payload.userCode), id, "EX", expiresIn);
          else multi.set(userCodeKey(payload.userCode), id);
        }
        await multi.exec();
      },
      find: read,
      async findByUid(uid) {
        const id = await redis.get(uidKey(uid));
        return id === null ? undefined : read(id);
      },
      async findByUserCode(userCode) {
        const id = await redis.get(userCodeKey(userCode));
        return id === null ? undefined : read(id);
      },
      async consume(id) {
        // Only an existing entry is marked (HSET on a missing key would create one without TTL).
        const k = key(id);
        if ((await redis.exists(k)) === 1) await redis.hset(k, "consumed", Math.floor(Date.now() / 1000));
      },
      async destroy(id) {
        await redis.del(key(id));
      },
      async revokeByGrantId(grantId) {
        const g = grantKey(grantId);
        const members = await redis.smembers(g);
        await redis.del(...members, g);
      },
    };
  };
}

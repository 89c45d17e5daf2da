// The provider's sessions of persons, found where the provider keeps them and ended by it: for the
// secretariat (a suspended source) and for provisioning (a person deprovisioned by its member).
import type { Redis } from "ioredis";
import type { Kysely } from "kysely";
import type {
  PersonSessionTerminator,
  SessionsEnded,
  SessionTerminator,
} from "./app/admin/identity-admin-ports.ts";
import { REDIS_OIDC_PREFIX } from "./db/redis-oidc-adapter.ts";
import { databaseSessionIdsOf, linkedSubsOfSource, redisSessionIdsOf } from "./db/source-sessions.ts";
import type { IdentityDatabase } from "./db/tables.ts";

/** Where the provider keeps its sessions: Redis when set, else the database (`oidc_payload`). */
export interface SessionStorage {
  readonly db: Kysely<IdentityDatabase>;
  readonly redis: Redis | null;
  readonly now: () => Date;
}

/**
 * One rule for every ending of sessions: the sessions of these persons are ended by the provider
 * (`endSessions`: back-channel logout to each service of the session, its grant, codes and tokens
 * revoked, the session destroyed).
 */
export function createSessionTerminator(
  storage: SessionStorage,
  provider: { endSessions(sessionIds: readonly string[]): Promise<SessionsEnded> },
): SessionTerminator & PersonSessionTerminator {
  const { db, redis } = storage;
  const endSessionsOf = async (subs: readonly string[]) =>
    provider.endSessions(
      redis === null
        ? await databaseSessionIdsOf(db, subs, storage.now())
        : await redisSessionIdsOf(redis, REDIS_OIDC_PREFIX, subs),
    );
  return {
    endSessionsOfSource: async (sourceId) => endSessionsOf(await linkedSubsOfSource(db, sourceId)),
    endSessionsOfPerson: (sub) => endSessionsOf([sub]),
  };
}

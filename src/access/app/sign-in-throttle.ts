import { createHash } from "node:crypto";
import {
  DEFAULT_THROTTLE_LIMITS,
  secondsToWait,
  type ThrottleLimits,
} from "../domain/sign-in-throttle-rule.ts";
import type { LoginFailureStore } from "./ports.ts";

/**
 * What one attempt is counted against: a scope (the console, a source's id, "mfa"), a login
 * (compared trimmed and lowercased, existing or not) and the client address the server's
 * trusted-proxy rule derived (`request.ip`; null when unknown: counted per login only).
 */
export interface ThrottleSubject {
  readonly scope: string;
  readonly login: string;
  readonly ip: string | null;
}

/** The throttle of sign-in attempts (passwords, second-factor codes), see `createLoginThrottle`. */
export interface LoginThrottle {
  /** Seconds to wait before the next attempt is allowed (0: allowed now). */
  secondsToWait(subject: ThrottleSubject, now: Date): Promise<number>;
  recordFailure(subject: ThrottleSubject, now: Date): Promise<void>;
  /**
   * After a success: forgets the failures of the login from this address and remembers the
   * address as known for the login (exempt from the soft limit). Not those of the address.
   */
  recordSuccess(subject: ThrottleSubject, now: Date): Promise<void>;
}

/**
 * Throttles sign-in attempts with the rule of `sign-in-throttle-rule.ts` (per address, per login
 * and address, a soft limit per login that known addresses pass), in a store every node shares.
 * Keys are SHA-256 hashes: the store holds no login and no address. One read and one write
 * (a transaction) per failed attempt; one read, one delete and one write per success.
 */
export function createLoginThrottle(
  store: LoginFailureStore,
  limits: ThrottleLimits = DEFAULT_THROTTLE_LIMITS,
): LoginThrottle {
  const since = (now: Date, seconds: number) => new Date(now.getTime() - seconds * 1000);
  const countsOf = async (subject: ThrottleSubject, now: Date) => {
    const keys = keysOf(subject);
    const window = since(now, limits.windowSeconds);
    const known = since(now, limits.knownAddressDays * 86400);
    const [byLogin = [], byAddress = [], byLoginAddress = [], knownAddress = []] = await store.failuresSince([
      { key: keys.login, since: window },
      ...(keys.address === null || keys.loginAddress === null || keys.known === null
        ? []
        : [
            { key: keys.address, since: window },
            { key: keys.loginAddress, since: window },
            { key: keys.known, since: known },
          ]),
    ]);
    return { byAddress, byLoginAddress, byLogin, knownAddress: knownAddress.length > 0 };
  };
  return {
    async secondsToWait(subject, now) {
      return secondsToWait(await countsOf(subject, now), limits, now);
    },
    async recordFailure(subject, now) {
      const keys = keysOf(subject);
      await store.recordFailure(
        [keys.login, keys.address, keys.loginAddress].filter((key) => key !== null),
        now,
      );
    },
    async recordSuccess(subject, now) {
      const keys = keysOf(subject);
      if (keys.loginAddress !== null) await store.clearFailures(keys.loginAddress);
      // The store keeps the latest entry of a key: the last success from this address.
      if (keys.known !== null) await store.recordFailure([keys.known], now);
    },
  };
}

/** The keys of a subject in the store; those of the address are null when it is unknown. */
function keysOf(subject: ThrottleSubject) {
  const login = `${subject.scope}\u0000${subject.login.trim().toLowerCase()}`;
  const ip = subject.ip;
  return {
    login: hashKey(`login\u0000${login}`),
    address: ip === null ? null : hashKey(`ip\u0000${ip}`),
    loginAddress: ip === null ? null : hashKey(`login-ip\u0000${login}\u0000${ip}`),
    known: ip === null ? null : hashKey(`known\u0000${login}\u0000${ip}`),
  };
}

function hashKey(text: string): string {
  return createHash("sha256").update(text).digest("base64url");
}

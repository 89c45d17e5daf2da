import { createHash } from "node:crypto";
import {
  DEFAULT_THROTTLE_LIMITS,
  secondsToWaitAfter,
  type ThrottleLimits,
} from "../domain/throttle-window.ts";
import type { LoginFailureStore } from "./mfa-ports.ts";

/** What one attempt is counted against. `login` is compared trimmed and lowercased. */
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
  /** After a success: forgets the failures of the login (not those of the IP). */
  recordSuccess(subject: ThrottleSubject): Promise<void>;
}

/**
 * Throttles password (and second-factor) attempts per login and per IP over a sliding window,
 * in a store every node shares. The same count applies whether the login exists or not, so the
 * answer never tells whether an account exists. Keys are SHA-256 hashes: the store holds no login.
 */
export function createLoginThrottle(
  store: LoginFailureStore,
  limits: ThrottleLimits = DEFAULT_THROTTLE_LIMITS,
): LoginThrottle {
  const keysOf = (subject: ThrottleSubject) => ({
    login: hashKey(`login\u0000${subject.scope}\u0000${subject.login.trim().toLowerCase()}`),
    ip: subject.ip === null ? null : hashKey(`ip\u0000${subject.ip}`),
  });
  const waitFor = async (key: string, limit: number, now: Date): Promise<number> => {
    const since = new Date(now.getTime() - limits.windowSeconds * 1000);
    return secondsToWaitAfter(await store.failuresSince(key, since), limit, limits.windowSeconds, now);
  };
  return {
    async secondsToWait(subject, now) {
      const keys = keysOf(subject);
      const byLogin = await waitFor(keys.login, limits.perLogin, now);
      const byIp = keys.ip === null ? 0 : await waitFor(keys.ip, limits.perIp, now);
      return Math.max(byLogin, byIp);
    },
    async recordFailure(subject, now) {
      const keys = keysOf(subject);
      await store.recordFailure(keys.login, now);
      if (keys.ip !== null) await store.recordFailure(keys.ip, now);
    },
    async recordSuccess(subject) {
      await store.clearFailures(keysOf(subject).login);
    },
  };
}

function hashKey(text: string): string {
  return createHash("sha256").update(text).digest("base64url");
}

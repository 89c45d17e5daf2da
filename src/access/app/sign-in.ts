import type { Principal } from "../domain/access-policy.ts";
import { EntenteError, type Localized, localized } from "../errors.ts";
import type { AccessDeps } from "./access-deps.ts";

/** The end of a lock as people read it (French time, as the entente's members are in France). */
function untilText(date: Date): Localized {
  const format = (locale: string) =>
    new Intl.DateTimeFormat(locale, {
      timeZone: "Europe/Paris",
      dateStyle: "short",
      timeStyle: "short",
    }).format(date);
  return localized(`${format("fr-FR")} (heure de Paris)`, `${format("en-GB")} (Paris time)`);
}

/** Failed attempts before an account is locked, and for how long (seconds). */
export const LOCKOUT = { maxFailures: 5, seconds: 15 * 60 } as const;

// Verified when the email is unknown, so that the answer takes as long as for a real account.
const DUMMY_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$2gkqb4m0qX3Wm3m9bJ1s0m9bXq3F2u4k6Yt9v8t7s6Q";

/**
 * Signs a person in with a local account. The same `auth.invalid_credentials` answers an unknown
 * email and a wrong password; after `LOCKOUT.maxFailures` failures in a row the account is locked
 * for `LOCKOUT.seconds` (`auth.locked`, even with the right password). Per-IP throttling is the
 * HTTP layer's (rate limit on the route).
 * @throws EntenteError auth.invalid_credentials | auth.locked
 */
export async function signIn(deps: AccessDeps, email: string, password: string): Promise<Principal> {
  const account = await deps.accounts.findByEmail(email);
  const now = deps.clock.now();
  if (account === null) {
    await deps.hasher.verify(DUMMY_HASH, password);
    throw new EntenteError("auth.invalid_credentials");
  }
  if (account.lockedUntil !== null && account.lockedUntil > now) {
    throw new EntenteError("auth.locked", { until: untilText(account.lockedUntil) });
  }
  if (!(await deps.hasher.verify(account.passwordHash, password))) {
    const failures = account.failedAttempts + 1;
    const lockUntil =
      failures >= LOCKOUT.maxFailures ? new Date(now.getTime() + LOCKOUT.seconds * 1000) : null;
    await deps.accounts.recordFailure(account.id, lockUntil);
    if (lockUntil !== null) throw new EntenteError("auth.locked", { until: untilText(lockUntil) });
    throw new EntenteError("auth.invalid_credentials");
  }
  await deps.accounts.recordSuccess(account.id);
  return {
    accountId: account.id,
    email: account.email,
    role: account.role,
    ententeId: account.ententeId,
    memberId: account.memberId,
    missionId: account.missionId,
  };
}

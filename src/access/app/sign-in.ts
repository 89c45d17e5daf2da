import type { Principal } from "../domain/access-policy.ts";
import { EntenteError, type Localized, localized } from "../errors.ts";
import type { AccessDeps } from "./access-deps.ts";
import { principalOf } from "./principal-of.ts";

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

/** The throttle's scope of the console's sign-in (a federation source's is its id). */
export const CONSOLE_SCOPE = "console";

// Verified when the email is unknown, so that the answer takes as long as for a real account.
const DUMMY_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$2gkqb4m0qX3Wm3m9bJ1s0m9bXq3F2u4k6Yt9v8t7s6Q";

/**
 * Signs a person in with a local account. The same `auth.invalid_credentials` answers an unknown
 * email and a wrong password, after the same argon2 work. Attempts go through the sign-in throttle
 * (sign-in-throttle-rule.ts: per client address, per email and address, a soft limit per email
 * that addresses where the person signed in before pass), counted alike for unknown and known
 * emails: while it says wait, `auth.locked` answers without checking the password, whoever the
 * email is. `ip` is the client address the server's trusted-proxy rule derived (`request.ip`).
 * @throws EntenteError auth.invalid_credentials | auth.locked
 */
export async function signIn(
  deps: AccessDeps,
  attempt: { readonly email: string; readonly password: string; readonly ip: string | null },
): Promise<Principal> {
  const now = deps.clock.now();
  const subject = { scope: CONSOLE_SCOPE, login: attempt.email, ip: attempt.ip };
  const wait = await deps.throttle.secondsToWait(subject, now);
  if (wait > 0)
    throw new EntenteError("auth.locked", { until: untilText(new Date(now.getTime() + wait * 1000)) });
  const account = await deps.accounts.findByEmail(attempt.email);
  const valid = await deps.hasher.verify(account?.passwordHash ?? DUMMY_HASH, attempt.password);
  if (account === null || !valid) {
    await deps.throttle.recordFailure(subject, now);
    throw new EntenteError("auth.invalid_credentials");
  }
  await deps.throttle.recordSuccess(subject, now);
  return principalOf(account);
}

/**
 * The rule of the sign-in throttle (passwords and second-factor codes, console and federation),
 * designed so that no client can turn it against others (issue 10 items 2 and 4):
 *
 * - **per client address** (`perAddress` failures, any login): an address that guesses too much
 *   waits; it blocks only itself. The address is the one the server's trusted-proxy rule derives
 *   (TRUSTED_PROXIES), so clients behind one proxy are counted apart.
 * - **per login and address** (`perLoginAddress`): a login tried too often *from one address* waits
 *   there only; its owner, elsewhere, is not locked out.
 * - **per login, every address together** (`perLoginSoft`, a soft limit): when a login is attacked
 *   from many addresses, only addresses from which it never signed in successfully (within
 *   `knownAddressDays`) wait; the person keeps signing in from their usual addresses.
 *
 * Logins are counted whether they exist or not, identically, so neither the answers nor the
 * waits tell which accounts exist. Sources: NIST SP 800-63B §5.2.2 (at most 100 consecutive
 * failures; waits, and accepting addresses that authenticated successfully before, as ways to
 * slow attacks without locking the subscriber out), OWASP ASVS 4.0 V2.2.1 (anti-automation that
 * does not deny service to the legitimate user), OWASP Authentication Cheat Sheet ("account
 * lockout": lockout by account is itself a denial of service).
 */

/** Failures allowed within a sliding window (seconds), per key of the throttle. */
export interface ThrottleLimits {
  readonly perAddress: number;
  readonly perLoginAddress: number;
  readonly perLoginSoft: number;
  readonly windowSeconds: number;
  /** How long an address that signed in successfully stays exempt from the soft limit (days). */
  readonly knownAddressDays: number;
}

/**
 * 50 failures per address, 5 per login and address, 20 per login (soft) within 15 minutes;
 * addresses known for 30 days. Under the 100 consecutive failures of NIST SP 800-63B §5.2.2.
 */
export const DEFAULT_THROTTLE_LIMITS: ThrottleLimits = {
  perAddress: 50,
  perLoginAddress: 5,
  perLoginSoft: 20,
  windowSeconds: 15 * 60,
  knownAddressDays: 30,
};

/** The failures counted for one attempt, each list oldest first, within the window. */
export interface ThrottleCounts {
  readonly byAddress: readonly Date[];
  readonly byLoginAddress: readonly Date[];
  readonly byLogin: readonly Date[];
  /** The address signed in successfully to this login within `knownAddressDays`. */
  readonly knownAddress: boolean;
}

/**
 * Seconds the attempt waits (0: allowed now), the longest of the three counts; the soft limit
 * does not apply to a known address.
 * @example secondsToWait({ byAddress: [], byLoginAddress: [], byLogin: twentyFailures, knownAddress: true }, limits, now) // 0
 */
export function secondsToWait(counts: ThrottleCounts, limits: ThrottleLimits, now: Date): number {
  const wait = (failures: readonly Date[], limit: number) =>
    secondsToWaitAfter(failures, limit, limits.windowSeconds, now);
  return Math.max(
    wait(counts.byAddress, limits.perAddress),
    wait(counts.byLoginAddress, limits.perLoginAddress),
    counts.knownAddress ? 0 : wait(counts.byLogin, limits.perLoginSoft),
  );
}

/**
 * Seconds to wait before the next attempt (0: allowed now), given the failures counted in the
 * window (oldest first) and the limit; at least 1 second while blocked.
 * @example secondsToWaitAfter([t0, t1, t2, t3, t4], 5, 900, t4) // the seconds until t0 + 900 s
 */
export function secondsToWaitAfter(
  failures: readonly Date[],
  limit: number,
  windowSeconds: number,
  now: Date,
): number {
  if (failures.length < limit) return 0;
  // The window frees a place when the oldest failure that still counts leaves it.
  const oldest = failures[failures.length - limit];
  if (oldest === undefined) return 0;
  return Math.max(1, Math.ceil((oldest.getTime() + windowSeconds * 1000 - now.getTime()) / 1000));
}

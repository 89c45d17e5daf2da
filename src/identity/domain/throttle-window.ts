/**
 * The sliding window of the sign-in throttle (OWASP Authentication Cheat Sheet, "account
 * lockout"): so many failures are allowed within the window; the next attempt waits until the
 * oldest failure that still counts leaves it.
 */

/** Limits of the password throttle: failures allowed within a sliding window (seconds). */
export interface ThrottleLimits {
  readonly perLogin: number;
  readonly perIp: number;
  readonly windowSeconds: number;
}

/** 5 failures per source + login and 50 per IP address within 15 minutes. */
export const DEFAULT_THROTTLE_LIMITS: ThrottleLimits = { perLogin: 5, perIp: 50, windowSeconds: 15 * 60 };

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

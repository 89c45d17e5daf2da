/**
 * When a failed delivery is tried again: exponential backoff from `baseSeconds`, doubled at each
 * attempt, capped at `maxSeconds`; after `maxAttempts` the delivery is `failed` and waits for an
 * operator's replay (and, being unfinished, holds back the person's later events for that
 * connector: events are delivered in order per person).
 */
export interface RetryPolicy {
  readonly baseSeconds: number;
  readonly maxSeconds: number;
  readonly maxAttempts: number;
}

/** 10 s, 20 s, 40 s … capped at one hour; about two days of attempts before giving up. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { baseSeconds: 10, maxSeconds: 3600, maxAttempts: 50 };

/**
 * The time of the next attempt after attempt number `attempts` (1 = the first) failed at `now`,
 * or null when the policy gives up.
 * @example nextAttemptAt(3, new Date("2026-01-01T00:00:00Z"), DEFAULT_RETRY_POLICY) // → 00:00:40
 */
export function nextAttemptAt(attempts: number, now: Date, policy: RetryPolicy): Date | null {
  if (attempts >= policy.maxAttempts) return null;
  const delay = Math.min(policy.maxSeconds, policy.baseSeconds * 2 ** Math.max(0, attempts - 1));
  return new Date(now.getTime() + delay * 1000);
}

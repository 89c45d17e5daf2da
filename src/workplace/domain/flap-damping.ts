import type { ProbeResult, ProbeState } from "./service-status.ts";

/**
 * Flap damping (issue 11 §6): one lost packet must not turn a service red on every tile. The
 * shown state turns `down` only after `failuresToDown` consecutive failures, and back up only
 * after `successesToUp` consecutive successes — the "max_check_attempts" of Nagios/Icinga and the
 * "retries" of Uptime Kuma. The raw results are still counted in the day's uptime.
 */

/** The settings' bounds: 1 (no damping) to 10 consecutive results. */
export const DAMPING_MIN = 1;
export const DAMPING_MAX = 10;
/** Defaults when the secretariat sets none. */
export const DEFAULT_FAILURES_TO_DOWN = 2;
export const DEFAULT_SUCCESSES_TO_UP = 2;

export interface DampingSettings {
  /** Consecutive failures that turn the service `down` (1 to 10). */
  readonly failuresToDown: number;
  /** Consecutive successes that bring a `down` service back up (1 to 10). */
  readonly successesToUp: number;
}

/** The damped state and the current run of raw results (one of the two counts is 0). */
export interface DampedState {
  /** The state shown; null: nothing decided yet (fewer failures than needed since the first probe). */
  readonly state: ProbeState | null;
  readonly failures: number;
  readonly successes: number;
}

/**
 * The damped state after one more raw `result`:
 * - a failure adds to the failures (successes back to 0); at `failuresToDown` the state is `down`,
 *   before it the state stays what it was;
 * - a success (operational or degraded) adds to the successes (failures back to 0); a service
 *   that is not `down` takes the result at once (operational ↔ degraded is no flap), a `down`
 *   one only at `successesToUp`; the very first success is shown at once (nothing to recover from);
 * - a failure inside a planned maintenance (`maintenance`) changes nothing: it is neither an
 *   outage nor a recovery.
 * Runs are counted up to `DAMPING_MAX` (enough for any setting).
 * @example
 * dampState({ state: "operational", failures: 0, successes: 3 }, "down", { failuresToDown: 2, successesToUp: 2 });
 * // → { state: "operational", failures: 1, successes: 0 }
 */
export function dampState(
  previous: DampedState | null,
  result: ProbeResult,
  settings: DampingSettings,
): DampedState {
  const before = previous ?? { state: null, failures: 0, successes: 0 };
  if (result === "maintenance") return before;
  if (result === "down") {
    const failures = Math.min(before.failures + 1, DAMPING_MAX);
    return { state: failures >= settings.failuresToDown ? "down" : before.state, failures, successes: 0 };
  }
  const successes = Math.min(before.successes + 1, DAMPING_MAX);
  const recovered = before.state !== "down" || successes >= settings.successesToUp;
  return { state: recovered ? result : "down", failures: 0, successes };
}

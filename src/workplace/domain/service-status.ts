/**
 * A service's status (issue 11 §6): what its probe found, what the secretariat declared
 * (incidents and maintenance), and its uptime per day over 90 days. Pure rules.
 */

export const SERVICE_STATES = ["operational", "degraded", "down", "maintenance", "unknown"] as const;
export type ServiceState = (typeof SERVICE_STATES)[number];

/** What a probe can find: a probe never finds `maintenance` nor `unknown`. */
export type ProbeState = "operational" | "degraded" | "down";

/**
 * One probe's raw result as recorded: its state, or `maintenance` for a failure inside a
 * maintenance window covering the service (a planned stop is not an outage).
 */
export type ProbeResult = ProbeState | "maintenance";

/** One probe's outcome: `ok` false with a short reason (never a secret, never a body). */
export interface ProbeOutcome {
  readonly ok: boolean;
  /** Time to the answer, in milliseconds. */
  readonly elapsedMs: number;
  readonly detail: string | null;
}

/** Days of uptime kept and shown. */
export const UPTIME_DAYS = 90;

/**
 * The state a probe outcome means: down when it failed; degraded when it answered after more
 * than half its timeout (slow); operational otherwise.
 */
export function probeState(outcome: ProbeOutcome, timeoutMs: number): ProbeState {
  if (!outcome.ok) return "down";
  return outcome.elapsedMs > timeoutMs / 2 ? "degraded" : "operational";
}

/**
 * The raw result of an outcome: `maintenance` when it failed inside a maintenance window
 * covering the service (`domain/maintenance-window.ts` `isCoveredAt`), else `probeState`.
 */
export function probeResult(outcome: ProbeOutcome, timeoutMs: number, inMaintenance: boolean): ProbeResult {
  const state = probeState(outcome, timeoutMs);
  return state === "down" && inMaintenance ? "maintenance" : state;
}

/** What the secretariat declared that is in force now for a service. */
export interface DeclaredImpact {
  readonly impact: "degraded" | "down" | "maintenance";
}

const SEVERITY: Record<ServiceState, number> = {
  unknown: 0,
  operational: 1,
  degraded: 2,
  maintenance: 3,
  down: 4,
};

/**
 * The state shown: a maintenance in progress shows `maintenance` (a planned stop is not an
 * outage); otherwise the worse of the probe's state and the open incidents' impacts; `unknown`
 * when there is no probe result and nothing declared.
 */
export function currentState(probe: ProbeState | null, declared: readonly DeclaredImpact[]): ServiceState {
  if (declared.some((d) => d.impact === "maintenance")) return "maintenance";
  let state: ServiceState = probe ?? "unknown";
  for (const d of declared) if (SEVERITY[d.impact] > SEVERITY[state]) state = d.impact;
  return state;
}

/**
 * One UTC day's probes: how many count (`checks`), how many of those found the service up, and
 * how many ran inside a maintenance window covering it (`maintenance`: left out of `checks`).
 */
export interface UptimeDay {
  readonly day: string;
  readonly checks: number;
  readonly up: number;
  readonly maintenance: number;
}

/**
 * A bar of the 90-day chart: the day, its uptime in per-ten-thousand (null: no counted probe
 * that day), and the minutes of planned maintenance in it (0: none).
 */
export interface UptimeBar {
  readonly day: string;
  readonly permyriad: number | null;
  readonly maintenanceMinutes: number;
}

/** `YYYY-MM-DD` of `date` in UTC. */
export const utcDay = (date: Date): string => date.toISOString().slice(0, 10);

/** The first UTC day kept: `UPTIME_DAYS - 1` days before `now`'s. */
export function firstKeptDay(now: Date): string {
  return utcDay(new Date(now.getTime() - (UPTIME_DAYS - 1) * 86_400_000));
}

/**
 * The 90 bars ending with `now`'s UTC day, oldest first, and the uptime over them in
 * per-ten-thousand (null: no probe). Rounding: down (floor) to the per-ten-thousand, so that 99.995 %
 * never shows as 100 %: 100 % means every probe found the service up.
 *
 * Planned maintenance does not count against uptime (as Atlassian Statuspage and Cachet): the
 * probes run inside a maintenance window covering the service are not in `checks` (the
 * denominator) nor in `up` — a success there is left out too, so a maintenance neither lowers
 * nor raises the figure; `maintenanceMinutes` (by UTC day, `maintenanceMinutesByDay`) marks the
 * bar. Days are UTC days, as the counters (`utcDay`).
 */
export function uptimeBars(
  days: readonly UptimeDay[],
  now: Date,
  maintenanceMinutes: ReadonlyMap<string, number> = new Map(),
): { readonly bars: UptimeBar[]; readonly permyriad: number | null } {
  const byDay = new Map(days.map((d) => [d.day, d]));
  const bars: UptimeBar[] = [];
  let checks = 0;
  let up = 0;
  for (let i = UPTIME_DAYS - 1; i >= 0; i--) {
    const day = utcDay(new Date(now.getTime() - i * 86_400_000));
    const found = byDay.get(day);
    const minutes = maintenanceMinutes.get(day) ?? 0;
    if (found === undefined || found.checks === 0)
      bars.push({ day, permyriad: null, maintenanceMinutes: minutes });
    else {
      checks += found.checks;
      up += found.up;
      const permyriad = Math.floor((found.up * 10_000) / found.checks);
      bars.push({ day, permyriad, maintenanceMinutes: minutes });
    }
  }
  return { bars, permyriad: checks === 0 ? null : Math.floor((up * 10_000) / checks) };
}

import type { Incident } from "./incident.ts";
import { utcDay } from "./service-status.ts";

/**
 * Planned maintenance windows and uptime (issue 11 §6): the time a maintenance the secretariat
 * planned covers a service does not count against its uptime (Atlassian Statuspage, Cachet).
 * Days are UTC days — the rule of the uptime counters (`utcDay`, migration 0125), not
 * Europe/Paris: a window from 23:30 to 01:00 UTC lies over two bars.
 */

/** The interval a maintenance covers its services: [startsAt, endsAt), endsAt null: still open. */
export interface MaintenanceWindow {
  readonly startsAt: Date;
  readonly endsAt: Date | null;
  readonly clientIds: readonly string[];
}

const MINUTE = 60_000;
const DAY = 86_400_000;

/**
 * The window of each maintenance among `incidents` (incidents are not windows). A maintenance
 * closed (`completed`) ends at its end, or at its closing update when that came first (a closed
 * maintenance covers nothing after it closed).
 */
export function maintenanceWindows(incidents: readonly Incident[]): MaintenanceWindow[] {
  return incidents
    .filter((i) => i.kind === "maintenance")
    .map((i) => {
      if (i.status !== "completed") return { startsAt: i.startsAt, endsAt: i.endsAt, clientIds: i.clientIds };
      const closedAt = i.updates.findLast((u) => u.status === "completed")?.at ?? i.endsAt;
      const ends = [i.endsAt, closedAt].filter((d) => d !== null).map((d) => d.getTime());
      const end =
        ends.length === 0 ? i.startsAt : new Date(Math.max(i.startsAt.getTime(), Math.min(...ends)));
      return { startsAt: i.startsAt, endsAt: end, clientIds: i.clientIds };
    });
}

/** Whether a window covering `clientId` contains `at` (start included, end excluded). */
export function isCoveredAt(windows: readonly MaintenanceWindow[], clientId: string, at: Date): boolean {
  return windows.some(
    (w) => w.clientIds.includes(clientId) && w.startsAt <= at && (w.endsAt === null || at < w.endsAt),
  );
}

/** The windows of `clientId` cut to [from, to), sorted and merged where they overlap or touch. */
function mergedIntervals(
  windows: readonly MaintenanceWindow[],
  clientId: string,
  from: number,
  to: number,
): [number, number][] {
  const cut = windows
    .filter((w) => w.clientIds.includes(clientId))
    .map((w): [number, number] => [
      Math.max(w.startsAt.getTime(), from),
      Math.min(w.endsAt?.getTime() ?? to, to),
    ])
    .filter(([start, end]) => start < end)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of cut) {
    const last = merged.at(-1);
    if (last !== undefined && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/**
 * Minutes of planned maintenance of `clientId` per UTC day, from the day `fromDay`
 * (`YYYY-MM-DD`) to `now` (what is still to come is not counted): overlapping windows count
 * once; a window across midnight is split between its days; minutes are rounded up, so a short
 * maintenance still marks its day. Days without maintenance are absent.
 * @example
 * // 23:30–01:00 UTC: 30 minutes on the first day, 60 on the second
 * maintenanceMinutesByDay([{ startsAt: new Date("2026-03-09T23:30:00Z"), endsAt: new Date("2026-03-10T01:00:00Z"), clientIds: ["visio"] }], "visio", "2026-03-01", new Date("2026-03-11T00:00:00Z"));
 * // → Map { "2026-03-09" => 30, "2026-03-10" => 60 }
 */
export function maintenanceMinutesByDay(
  windows: readonly MaintenanceWindow[],
  clientId: string,
  fromDay: string,
  now: Date,
): Map<string, number> {
  const byDay = new Map<string, number>();
  const from = Date.parse(`${fromDay}T00:00:00Z`);
  for (const [start, end] of mergedIntervals(windows, clientId, from, now.getTime())) {
    for (let dayStart = start - (start % DAY); dayStart < end; dayStart += DAY) {
      const ms = Math.min(end, dayStart + DAY) - Math.max(start, dayStart);
      const day = utcDay(new Date(dayStart));
      byDay.set(day, (byDay.get(day) ?? 0) + ms);
    }
  }
  return new Map([...byDay].map(([day, ms]) => [day, Math.ceil(ms / MINUTE)]));
}

import type { CatalogueEntry } from "../domain/catalogue-entry.ts";
import { compareCatalogueEntries } from "../domain/catalogue-entry.ts";
import { current, type Incident, inForce } from "../domain/incident.ts";
import { maintenanceMinutesByDay, maintenanceWindows } from "../domain/maintenance-window.ts";
import {
  currentState,
  firstKeptDay,
  type ServiceState,
  type UptimeBar,
  uptimeBars,
} from "../domain/service-status.ts";
import type { CatalogueStore, MemberReader } from "./ports.ts";
import type { StatusDeps } from "./status-ports.ts";

/** One catalogued service's status, as the portal's tiles and the status page show it. */
export interface ServiceStatus {
  readonly clientId: string;
  readonly name: string;
  readonly status: ServiceState;
  /** Since when the probe found its (damped) state; null: never probed, or not decided yet. */
  readonly since: Date | null;
  readonly checkedAt: Date | null;
}

/** The deps of the status views: the status stores and the catalogue. */
export type StatusViewDeps = StatusDeps & {
  readonly catalogue: CatalogueStore;
  readonly members: MemberReader;
};

/** The incidents in force at `now` affecting `clientId`. */
const affecting = (incidents: readonly Incident[], clientId: string, now: Date) =>
  incidents.filter((i) => i.clientIds.includes(clientId) && inForce(i, now));

async function statusesOf(
  deps: StatusViewDeps,
  ententeId: string,
  entries: readonly Pick<CatalogueEntry, "clientId" | "name">[],
  incidents: readonly Incident[],
): Promise<ServiceStatus[]> {
  const now = deps.clock.now();
  const states = new Map((await deps.probes.states(ententeId)).map((s) => [s.clientId, s]));
  return entries.map((entry) => {
    const probed = states.get(entry.clientId) ?? null;
    return {
      clientId: entry.clientId,
      name: entry.name,
      status: currentState(probed?.state ?? null, affecting(incidents, entry.clientId, now)),
      since: probed?.state == null ? null : probed.since,
      checkedAt: probed?.checkedAt ?? null,
    };
  });
}

const enabledEntries = async (deps: StatusViewDeps, ententeId: string) =>
  (await deps.catalogue.list(ententeId)).filter((e) => e.enabled).sort(compareCatalogueEntries);

/**
 * The current status of each enabled catalogue service of an entente, in catalogue order: what
 * the agents' portal shows on its tiles (`status`: operational, degraded, down, maintenance or
 * unknown — rules in domain/service-status.ts `currentState`). Public information: no access
 * check (the status page shows the same).
 */
export async function currentServiceStatuses(
  deps: StatusViewDeps,
  ententeId: string,
): Promise<ServiceStatus[]> {
  const now = deps.clock.now();
  const incidents = await deps.incidents.list(ententeId, now);
  return statusesOf(deps, ententeId, await enabledEntries(deps, ententeId), incidents);
}

/**
 * The statuses of `clientIds` of an entente (those in its catalogue, enabled), by client id: the
 * shape of the portal's `ServiceStatusReader.statusOf` (a service absent shows no badge).
 */
export async function serviceStatusesOf(
  deps: StatusViewDeps,
  ententeId: string,
  clientIds: readonly string[],
): Promise<ReadonlyMap<string, ServiceState>> {
  const wanted = new Set(clientIds);
  const all = await currentServiceStatuses(deps, ententeId);
  return new Map(all.filter((s) => wanted.has(s.clientId)).map((s) => [s.clientId, s.status]));
}

/** The hub's entry on the status page (the page shows its own words for it: `kind`). */
export const HUB_ENTRY_NAME = "Fédération d'identité";

/** What the public status page and its JSON show. */
export interface StatusPage {
  readonly ententeId: string;
  readonly ententeName: string;
  readonly generatedAt: Date;
  /** The hub first (when registered, `kind` "hub"), then the catalogue's services in its order. */
  readonly services: readonly (ServiceStatus & {
    readonly kind: "hub" | "service";
    readonly uptimePermyriad: number | null;
    readonly bars: readonly UptimeBar[];
  })[];
  /** Incidents and maintenance in force or planned, newest first, with affected members' names. */
  readonly current: readonly (Incident & { readonly memberNames: readonly string[] })[];
  /** Those closed or ended within the last 7 days. */
  readonly recent: readonly (Incident & { readonly memberNames: readonly string[] })[];
}

/**
 * The public status page of an entente; null when there is no such entente. The days' bars
 * leave planned maintenance out of uptime and mark its minutes (domain/maintenance-window.ts).
 */
export async function statusPage(deps: StatusViewDeps, ententeId: string): Promise<StatusPage | null> {
  const ententeName = await deps.ententes.name(ententeId);
  if (ententeName === null) return null;
  const now = deps.clock.now();
  const hub = (await deps.probes.components(ententeId)).map((c) => ({
    clientId: c.id,
    name: HUB_ENTRY_NAME,
  }));
  const entries = [...hub, ...(await enabledEntries(deps, ententeId))];
  const fromDay = firstKeptDay(now);
  const all = await deps.incidents.list(ententeId, new Date(`${fromDay}T00:00:00Z`));
  const weekAgo = new Date(now.getTime() - 7 * 86_400_000);
  const incidents = all.filter((i) => current(i, now) || i.endsAt === null || i.endsAt >= weekAgo);
  const statuses = await statusesOf(deps, ententeId, entries, incidents);
  const days = await deps.probes.uptimeDays(ententeId, fromDay);
  const windows = maintenanceWindows(all);
  const hubIds = new Set(hub.map((h) => h.clientId));
  const named = await Promise.all(
    incidents.map(async (incident) => ({
      ...incident,
      memberNames: (
        await Promise.all(
          incident.memberIds.map(async (id) => (await deps.members.find(ententeId, id))?.name ?? id),
        )
      ).sort((a, b) => a.localeCompare(b, "fr")),
    })),
  );
  const shown = new Set(entries.map((e) => e.clientId));
  const visible = named.filter((i) => i.clientIds.some((id) => shown.has(id)));
  return {
    ententeId,
    ententeName,
    generatedAt: now,
    services: statuses.map((s) => {
      const minutes = maintenanceMinutesByDay(windows, s.clientId, fromDay, now);
      const uptime = uptimeBars(days.get(s.clientId) ?? [], now, minutes);
      const kind = hubIds.has(s.clientId) ? ("hub" as const) : ("service" as const);
      return { ...s, kind, uptimePermyriad: uptime.permyriad, bars: uptime.bars };
    }),
    current: visible.filter((i) => current(i, now)),
    recent: visible.filter((i) => !current(i, now)),
  };
}

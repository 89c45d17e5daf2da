import type { Announcement } from "../domain/announcement.ts";
import { isShownTo } from "../domain/announcement.ts";
import { type PortalTile, togglePin } from "../domain/portal-tiles.ts";
import { decideSubscribedAccess } from "../domain/subscription.ts";
import { EntenteError } from "../errors.ts";
import { dayOf, logoUrl } from "./launcher-feed.ts";
import type {
  AnnouncementStore,
  PortalPerson,
  PortalPreferences,
  PortalStore,
  ServiceStatusReader,
} from "./portal-ports.ts";
import type { MemberRef, WorkplaceDeps } from "./ports.ts";

/** What the portal's use cases need beyond the workplace's deps. */
export interface PortalDeps
  extends Pick<WorkplaceDeps, "catalogue" | "subscriptions" | "members" | "clock" | "publicUrl"> {
  readonly portal: PortalStore;
  readonly announcements: AnnouncementStore;
  /** The status probes' answer (issue 11 §6); absent: tiles show no status. */
  readonly status?: ServiceStatusReader;
}

export interface PortalAnnouncement extends Announcement {
  readonly acknowledged: boolean;
}

export interface PortalHome {
  readonly member: MemberRef;
  readonly tiles: readonly (PortalTile & { readonly displayOrder: number })[];
  readonly preferences: PortalPreferences;
  readonly announcements: readonly PortalAnnouncement[];
}

/**
 * The tiles a person may use: the entente's enabled catalogue entries for which their member's
 * subscription in force today lets them in — `decideSubscribedAccess`, the very rule the hub
 * applies at sign-in — with their pin and, when the status hook answers, their status.
 */
async function tilesOf(deps: PortalDeps, person: PortalPerson, preferences: PortalPreferences) {
  const day = dayOf(deps.clock.now());
  const entries = (await deps.catalogue.list(person.ententeId)).filter((e) => e.enabled);
  const subscriptions = new Map(
    (await deps.subscriptions.listForMember(person.ententeId, person.memberId)).map((s) => [s.clientId, s]),
  );
  const usable = entries.filter(
    (e) => decideSubscribedAccess(subscriptions.get(e.clientId) ?? null, person, day).allowed,
  );
  const statuses =
    (await deps.status?.statusOf(
      person.ententeId,
      usable.map((e) => e.clientId),
    )) ?? new Map();
  return usable.map((e) => {
    const status = statuses.get(e.clientId);
    return {
      clientId: e.clientId,
      name: e.name,
      description: e.description,
      url: e.url,
      kind: e.kind,
      maturity: e.maturity,
      displayOrder: e.displayOrder,
      logoUrl: e.logoType === null ? null : logoUrl(deps.publicUrl, e.clientId, e.rowVersion),
      pinned: preferences.pinned.includes(e.clientId),
      ...(status === undefined ? {} : { status }),
    };
  });
}

/** The announcements shown to the person today (`isShownTo`), newest first, with whether they acknowledged each. */
export async function announcementsFor(
  deps: PortalDeps,
  person: PortalPerson,
): Promise<PortalAnnouncement[]> {
  const day = dayOf(deps.clock.now());
  const shown = (await deps.announcements.list(person.ententeId)).filter((a) => isShownTo(a, person, day));
  const acknowledged = await deps.announcements.acknowledgedBy(
    shown.map((a) => a.id),
    person.sub,
  );
  return shown.map((a) => ({ ...a, acknowledged: acknowledged.has(a.id) }));
}

/** Everything the portal's first page shows to `person`. @throws `workplace.not_found` when their member is gone. */
export async function portalHome(deps: PortalDeps, person: PortalPerson): Promise<PortalHome> {
  const member = await deps.members.find(person.ententeId, person.memberId);
  if (member === null) throw new EntenteError("workplace.not_found", { what: "member", id: person.memberId });
  const preferences = await deps.portal.preferencesOf(person.ententeId, person.sub);
  const [tiles, announcements] = await Promise.all([
    tilesOf(deps, person, preferences),
    announcementsFor(deps, person),
  ]);
  return { member, tiles, preferences, announcements };
}

/**
 * Pins or unpins a service the person may use. Pins of services they can no longer use are
 * dropped on the way. @throws `workplace.not_found` when the service is not one of their tiles.
 */
export async function setPin(
  deps: PortalDeps,
  person: PortalPerson,
  clientId: string,
  pin: boolean,
): Promise<void> {
  const preferences = await deps.portal.preferencesOf(person.ententeId, person.sub);
  const tiles = await tilesOf(deps, person, preferences);
  if (!tiles.some((t) => t.clientId === clientId))
    throw new EntenteError("workplace.not_found", { what: "service", id: clientId });
  const usable = new Set(tiles.map((t) => t.clientId));
  const pinned = togglePin(preferences.pinned, clientId, pin).filter((id) => usable.has(id));
  await deps.portal.savePreferences(person.ententeId, person.sub, { ...preferences, pinned });
}

/** Saves whether services open in a new tab. */
export async function setOpenInNewTab(
  deps: PortalDeps,
  person: PortalPerson,
  openInNewTab: boolean,
): Promise<void> {
  const preferences = await deps.portal.preferencesOf(person.ententeId, person.sub);
  await deps.portal.savePreferences(person.ententeId, person.sub, { ...preferences, openInNewTab });
}

/**
 * Records that the person acknowledged an announcement shown to them (isolation: one of another
 * member, another entente or out of its dates is `workplace.not_found`, as if it did not exist).
 */
export async function acknowledgeAnnouncement(
  deps: PortalDeps,
  person: PortalPerson,
  id: string,
): Promise<void> {
  const shown = await announcementsFor(deps, person);
  const found = shown.find((a) => a.id === id);
  if (found === undefined || !found.requiresAck)
    throw new EntenteError("workplace.not_found", { what: "announcement", id });
  await deps.announcements.acknowledge(id, {
    sub: person.sub,
    memberId: person.memberId,
    displayName: person.displayName,
    email: person.email,
    acknowledgedAt: deps.clock.now(),
  });
}

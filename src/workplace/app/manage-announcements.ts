import { assertCan, canPerform, type Principal } from "../../access/index.ts";
import { type Announcement, type AnnouncementFields, validateAnnouncement } from "../domain/announcement.ts";
import { EntenteError } from "../errors.ts";
import type { PortalDeps } from "./portal-home.ts";
import type { Acknowledgement } from "./portal-ports.ts";

/**
 * The portal's announcements in the console (issue 11 §3). The secretariat (`manage-identity`,
 * as the catalogue) writes for any member, role or group; a member's finance officer
 * (`edit-member` of their member) writes for their own member's persons only, and sees only
 * their member's announcements. Another entente's principal gets `entente.not_found` (404).
 */

type Deps = Pick<PortalDeps, "announcements" | "members">;

/** The member a principal writes for: null for the secretariat. @throws `access.forbidden`. */
function authorOf(principal: Principal, ententeId: string): string | null {
  assertCan(principal, { kind: "read", ententeId });
  if (canPerform(principal, { kind: "manage-identity", ententeId })) return null;
  const memberId = principal.memberId;
  if (memberId !== null && canPerform(principal, { kind: "edit-member", ententeId, memberId }))
    return memberId;
  throw new EntenteError("access.forbidden", { action: "manage-announcements", role: principal.role });
}

/** The announcements the principal manages, newest first. */
export async function listAnnouncements(
  deps: Deps,
  principal: Principal,
  ententeId: string,
): Promise<Announcement[]> {
  const author = authorOf(principal, ententeId);
  const all = await deps.announcements.list(ententeId);
  return author === null ? all : all.filter((a) => a.authorMemberId === author);
}

/**
 * Writes an announcement. @throws ValidationError (`workplace.announcement_invalid`: unknown
 * members, a member's officer naming another member, dates…), `access.forbidden`.
 */
export async function createAnnouncement(
  deps: Deps,
  principal: Principal,
  ententeId: string,
  draft: AnnouncementFields,
): Promise<Announcement> {
  const author = authorOf(principal, ententeId);
  const named = [...new Set(draft.memberIds ?? [])];
  const found = await Promise.all(named.map((id) => deps.members.find(ententeId, id)));
  const known = named.filter((_, i) => found[i] !== null);
  const fields = validateAnnouncement(draft, author === null ? known : [author], author);
  return deps.announcements.create(ententeId, fields, { memberId: author, label: principal.email });
}

async function managed(
  deps: Deps,
  principal: Principal,
  ententeId: string,
  id: string,
): Promise<Announcement> {
  const author = authorOf(principal, ententeId);
  const found = await deps.announcements.find(ententeId, id);
  if (found === null || (author !== null && found.authorMemberId !== author))
    throw new EntenteError("workplace.not_found", { what: "announcement", id });
  return found;
}

/** Removes an announcement (and its acknowledgements). @throws `workplace.not_found`. */
export async function removeAnnouncement(deps: Deps, principal: Principal, ententeId: string, id: string) {
  await managed(deps, principal, ententeId, id);
  await deps.announcements.remove(ententeId, id, { id: principal.email, label: principal.email });
}

/** Who acknowledged an announcement, earliest first. @throws `workplace.not_found`. */
export async function listAcknowledgements(
  deps: Deps,
  principal: Principal,
  ententeId: string,
  id: string,
): Promise<Acknowledgement[]> {
  await managed(deps, principal, ententeId, id);
  return deps.announcements.acknowledgements(id);
}

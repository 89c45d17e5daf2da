import { localized } from "../../shared/errors.ts";
import { EntenteError, type Issue, ValidationError } from "../errors.ts";
import { audienceRefusal, isIsoDay, PERSON_ROLES, type Subscriber } from "./subscription.ts";

/**
 * An announcement on the agents' and élus' portal (issue 11 §3): written by the secretariat
 * (`authorMemberId` null) or by a member for its own persons, shown from `shownFrom` to
 * `shownUntil` (days, both included), to the persons of the members, roles and groups it names
 * (null: everyone), optionally to be acknowledged.
 */
export interface AnnouncementFields {
  readonly title: string;
  /** Plain text (no markup), at most 4000 characters; line breaks kept. */
  readonly body: string;
  /** First day shown, `YYYY-MM-DD`. */
  readonly shownFrom: string;
  /** Last day shown (included), `YYYY-MM-DD`; null: until removed. */
  readonly shownUntil: string | null;
  readonly memberIds: readonly string[] | null;
  readonly roles: readonly string[] | null;
  readonly groups: readonly string[] | null;
  readonly requiresAck: boolean;
}

export interface Announcement extends AnnouncementFields {
  readonly id: string;
  readonly ententeId: string;
  /** The member that wrote it; null: the secretariat. */
  readonly authorMemberId: string | null;
  readonly createdBy: string;
  readonly createdAt: Date;
}

export const MAX_TITLE = 200;
export const MAX_BODY = 4000;

const issue = (field: string, fr: string, en: string): Issue => ({
  code: "workplace.announcement_invalid",
  path: [field],
  details: { field, expected: localized(fr, en) },
});

function textIssues(draft: AnnouncementFields): Issue[] {
  const issues: Issue[] = [];
  if (draft.title.trim() === "" || draft.title.trim().length > MAX_TITLE)
    issues.push(
      issue("title", `un titre de 1 à ${MAX_TITLE} caractères`, `a title of 1 to ${MAX_TITLE} characters`),
    );
  if (draft.body.length > MAX_BODY)
    issues.push(issue("body", `au plus ${MAX_BODY} caractères`, `at most ${MAX_BODY} characters`));
  return issues;
}

function dateIssues(draft: AnnouncementFields): Issue[] {
  if (!isIsoDay(draft.shownFrom))
    return [issue("shownFrom", "un jour écrit AAAA-MM-JJ", "a day written YYYY-MM-DD")];
  if (draft.shownUntil === null) return [];
  if (!isIsoDay(draft.shownUntil))
    return [issue("shownUntil", "un jour écrit AAAA-MM-JJ, ou null", "a day written YYYY-MM-DD, or null")];
  if (draft.shownUntil < draft.shownFrom)
    return [
      issue(
        "shownUntil",
        `un jour égal ou postérieur au premier jour affiché (${draft.shownFrom})`,
        `a day on or after the first day shown (${draft.shownFrom})`,
      ),
    ];
  return [];
}

function audienceIssues(draft: AnnouncementFields, knownMembers: readonly string[]): Issue[] {
  const issues: Issue[] = [];
  const unknown = draft.memberIds?.filter((m) => !knownMembers.includes(m)) ?? [];
  if (unknown.length > 0 || draft.memberIds?.length === 0)
    issues.push(
      issue(
        "memberIds",
        `null (tous les membres) ou des membres de l'entente (inconnus : ${unknown.join(", ") || "une liste vide"})`,
        `null (every member) or members of the entente (unknown: ${unknown.join(", ") || "an empty list"})`,
      ),
    );
  if (
    draft.roles !== null &&
    (draft.roles.length === 0 || draft.roles.some((r) => !PERSON_ROLES.some((k) => k === r)))
  )
    issues.push(
      issue(
        "roles",
        `null (tout le monde) ou une liste parmi ${PERSON_ROLES.join(", ")}`,
        `null (everyone) or a list of ${PERSON_ROLES.join(", ")}`,
      ),
    );
  if (
    draft.groups !== null &&
    (draft.groups.length === 0 || draft.groups.some((g) => g.trim() === "" || g.length > 200))
  )
    issues.push(
      issue(
        "groups",
        "null (tout le monde) ou une liste de noms de groupes (1 à 200 caractères)",
        "null (everyone) or a list of group names (1 to 200 characters)",
      ),
    );
  return issues;
}

/**
 * Checks an announcement; every problem is reported at once. A member's announcement
 * (`authorMemberId` set) may target its own persons only: `memberIds` becomes `[authorMemberId]`
 * and naming any other member — one that exists or not, which the member's officer need not
 * know — is refused first, as an access refusal (403), not as an unknown member.
 * @throws EntenteError `workplace.announcement_member_forbidden` (403, field `memberIds`);
 *   ValidationError with one `workplace.announcement_invalid` issue per wrong field.
 */
export function validateAnnouncement(
  draft: AnnouncementFields,
  knownMembers: readonly string[],
  authorMemberId: string | null,
): AnnouncementFields {
  const others = authorMemberId === null ? [] : (draft.memberIds ?? []).filter((m) => m !== authorMemberId);
  if (authorMemberId !== null && others.length > 0)
    throw new EntenteError(
      "workplace.announcement_member_forbidden",
      { field: "memberIds", memberId: authorMemberId, others: [...new Set(others)].join(", ") },
      { path: ["memberIds"] },
    );
  const issues = [...textIssues(draft), ...dateIssues(draft), ...audienceIssues(draft, knownMembers)];
  if (issues.length > 0) throw new ValidationError(issues);
  const unique = (list: readonly string[] | null) =>
    list === null ? null : [...new Set(list.map((v) => v.trim()))];
  return {
    ...draft,
    title: draft.title.trim(),
    memberIds: authorMemberId !== null ? [authorMemberId] : unique(draft.memberIds),
    roles: unique(draft.roles),
    groups: unique(draft.groups),
  };
}

/**
 * Whether the portal shows `announcement` to `person` on `day`: in its dates (both included), of
 * a member it names (null: every member), and in its audience of roles and groups — the same
 * rule as subscriptions (`audienceRefusal`).
 */
export function isShownTo(
  announcement: Pick<AnnouncementFields, "shownFrom" | "shownUntil" | "memberIds" | "roles" | "groups">,
  person: Subscriber,
  day: string,
): boolean {
  if (day < announcement.shownFrom) return false;
  if (announcement.shownUntil !== null && day > announcement.shownUntil) return false;
  if (announcement.memberIds !== null && !announcement.memberIds.includes(person.memberId)) return false;
  return audienceRefusal(announcement, person) === null;
}

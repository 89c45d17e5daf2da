import { localized } from "../../shared/errors.ts";
import { type Issue, ValidationError } from "../errors.ts";
import { type MigrationWave, waveIssues } from "./migration-wave.ts";
import { isSeatCount, type Quantity, storageBytes } from "./quota.ts";

/**
 * A member's subscription to a service (issue 11 §2). Subscriptions *are* the access policy of
 * a catalogued service: a person is let in when their member has a subscription in force that
 * day, and their role and groups are among those the subscription names (null: everyone).
 */

export const PERSON_ROLES = ["agent", "elu"] as const;
export type SubscriberRole = (typeof PERSON_ROLES)[number];

export interface SubscriptionQuotas {
  /** Accounts the member may open (unit: accounts); null: not limited. */
  readonly seats: number | null;
  /** Storage per account, bytes; null: not limited. */
  readonly storagePerAccount: bigint | null;
  /** Storage for the whole member, bytes; null: not limited. */
  readonly storagePerMember: bigint | null;
}

export interface Subscription {
  readonly clientId: string;
  readonly ententeId: string;
  readonly memberId: string;
  /** First day in force, `YYYY-MM-DD`. */
  readonly startsOn: string;
  /** Last day in force (included), `YYYY-MM-DD`; null: open-ended. */
  readonly endsOn: string | null;
  readonly roles: readonly SubscriberRole[] | null;
  readonly groups: readonly string[] | null;
  readonly quotas: SubscriptionQuotas;
  /** The member's migration wave to the service; null: none planned. */
  readonly wave: MigrationWave | null;
  readonly rowVersion: number;
}

/** A subscription as the API sends it, before `validateSubscription`. */
export interface SubscriptionDraft {
  readonly startsOn: string;
  readonly endsOn: string | null;
  readonly roles: readonly string[] | null;
  readonly groups: readonly string[] | null;
  /** `{ value, unit: "accounts" }`, or the number of accounts as a read gives it. */
  readonly seats: Quantity | number | null;
  readonly storagePerAccount: Quantity | null;
  readonly storagePerMember: Quantity | null;
  readonly wave?: MigrationWave | null | undefined;
}

/** Seats as `{ value, unit }`: a bare number (as a read gives it) counts accounts. */
const seatsOf = (seats: Quantity | number | null): Quantity | null =>
  typeof seats === "number" ? { value: seats, unit: "accounts" } : seats;

export type SubscriptionFields = Omit<Subscription, "clientId" | "ententeId" | "memberId" | "rowVersion">;

const issue = (field: string, fr: string, en: string): Issue => ({
  code: "workplace.subscription_invalid",
  path: [field],
  details: { field, expected: localized(fr, en) },
});

/** Whether `text` is a real calendar day written `YYYY-MM-DD`. */
export function isIsoDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

function dateIssues(draft: SubscriptionDraft): Issue[] {
  const issues: Issue[] = [];
  if (!isIsoDay(draft.startsOn))
    issues.push(issue("startsOn", "un jour écrit AAAA-MM-JJ", "a day written YYYY-MM-DD"));
  if (draft.endsOn !== null && !isIsoDay(draft.endsOn))
    issues.push(issue("endsOn", "un jour écrit AAAA-MM-JJ, ou null", "a day written YYYY-MM-DD, or null"));
  else if (draft.endsOn !== null && draft.endsOn < draft.startsOn) {
    issues.push(
      issue(
        "endsOn",
        `un jour égal ou postérieur au début (${draft.startsOn})`,
        `a day on or after the start (${draft.startsOn})`,
      ),
    );
  }
  return issues;
}

function audienceIssues(draft: SubscriptionDraft): Issue[] {
  const issues: Issue[] = [];
  if (draft.roles?.some((r) => !PERSON_ROLES.some((known) => known === r))) {
    issues.push(
      issue(
        "roles",
        `null (tout le monde) ou une liste parmi ${PERSON_ROLES.join(", ")}`,
        `null (everyone) or a list of ${PERSON_ROLES.join(", ")}`,
      ),
    );
  }
  if (draft.groups?.some((g) => g.trim() === "" || g.length > 200)) {
    issues.push(
      issue(
        "groups",
        "null (tout le monde) ou une liste de noms de groupes (1 à 200 caractères)",
        "null (everyone) or a list of group names (1 to 200 characters)",
      ),
    );
  }
  return issues;
}

function quotaIssues(draft: SubscriptionDraft, bytes: Map<string, bigint>): Issue[] {
  const issues: Issue[] = [];
  const seats = seatsOf(draft.seats);
  if (seats !== null && (seats.unit !== "accounts" || !isSeatCount(seats.value))) {
    issues.push(
      issue(
        "seats",
        'un entier positif ou nul avec l\'unité "accounts" (ou ce nombre seul), ou null',
        'a non-negative integer with the unit "accounts" (or that number alone), or null',
      ),
    );
  }
  for (const field of ["storagePerAccount", "storagePerMember"] as const) {
    const quantity = draft[field];
    if (quantity === null) continue;
    const result = storageBytes(quantity);
    if ("problem" in result) issues.push(issue(field, result.problem.fr, result.problem.en));
    else bytes.set(field, result.bytes);
  }
  return issues;
}

/**
 * Checks a subscription: real days, the end not before the start, known roles, non-empty group
 * names, quotas non-negative integers with units (`quota.ts`), the migration wave's days and
 * counts (`migration-wave.ts`). Every problem reported at once.
 * @throws ValidationError with one `workplace.subscription_invalid` issue per wrong field.
 */
export function validateSubscription(draft: SubscriptionDraft): SubscriptionFields {
  const bytes = new Map<string, bigint>();
  const wave = draft.wave ?? null;
  const issues = [
    ...dateIssues(draft),
    ...audienceIssues(draft),
    ...quotaIssues(draft, bytes),
    ...(wave === null ? [] : waveIssues(wave)),
  ];
  if (issues.length > 0) throw new ValidationError(issues);
  return {
    startsOn: draft.startsOn,
    endsOn: draft.endsOn,
    roles: draft.roles === null ? null : [...new Set(draft.roles as SubscriberRole[])],
    groups: draft.groups === null ? null : [...new Set(draft.groups.map((g) => g.trim()))],
    quotas: {
      seats: seatsOf(draft.seats)?.value ?? null,
      storagePerAccount: bytes.get("storagePerAccount") ?? null,
      storagePerMember: bytes.get("storagePerMember") ?? null,
    },
    wave:
      wave === null
        ? null
        : {
            label: wave.label.trim(),
            plannedStart: wave.plannedStart,
            plannedEnd: wave.plannedEnd,
            actualStart: wave.actualStart,
            actualEnd: wave.actualEnd,
            accountsPlanned: wave.accountsPlanned,
            accountsMigrated: wave.accountsMigrated,
          },
  };
}

/** Whether the subscription is in force on `day` (`YYYY-MM-DD`), its first and last days included. */
export function isInForce(subscription: Pick<Subscription, "startsOn" | "endsOn">, day: string): boolean {
  return subscription.startsOn <= day && (subscription.endsOn === null || day <= subscription.endsOn);
}

/** Who asks for a service: the person acting for a member. */
export interface Subscriber {
  readonly memberId: string;
  readonly role: string;
  readonly groups: readonly string[];
}

/** Why a catalogued service lets a person in or not. */
export type SubscribedAccess =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly reason: "not_subscribed" | "role" | "group" };

const groupKey = (g: string) => g.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();

/**
 * The access policy of a catalogued service (issue 11 §2: "subscriptions are the access
 * policy"): refused with `not_subscribed` when the member has no subscription in force on `day`,
 * `role` when the subscription names roles and not the person's, `group` when it names groups
 * and the person is in none of them (compared case-insensitively after NFC and whitespace
 * normalisation).
 */
export function decideSubscribedAccess(
  subscription: Subscription | null,
  subscriber: Subscriber,
  day: string,
): SubscribedAccess {
  if (
    subscription === null ||
    subscription.memberId !== subscriber.memberId ||
    !isInForce(subscription, day)
  ) {
    return { allowed: false, reason: "not_subscribed" };
  }
  const refusal = audienceRefusal(subscription, subscriber);
  return refusal === null ? { allowed: true } : { allowed: false, reason: refusal };
}

/**
 * Whether a person is in an audience named by roles and groups (null: everyone): `role` when the
 * audience names roles and not the person's, `group` when it names groups and the person is in
 * none of them (compared case-insensitively after NFC and whitespace normalisation); null: in it.
 * The one rule of subscriptions and of the portal's announcements.
 */
export function audienceRefusal(
  audience: { readonly roles: readonly string[] | null; readonly groups: readonly string[] | null },
  person: Pick<Subscriber, "role" | "groups">,
): "role" | "group" | null {
  if (audience.roles !== null && !audience.roles.some((r) => r === person.role)) return "role";
  if (audience.groups !== null) {
    const held = new Set(person.groups.map(groupKey));
    if (!audience.groups.some((g) => held.has(groupKey(g)))) return "group";
  }
  return null;
}

/**
 * A subscription lies within its member's membership (issue 11 §2), which finance keeps by
 * exercise: from 1 January of `fromYear` to 31 December of `toYear` (null: from the start / still
 * a member). A start before the member joins, or an end after it leaves — or no end while it
 * leaves — is refused with the field named.
 * @throws ValidationError with a `workplace.subscription_invalid` issue on `startsOn` or `endsOn`.
 * @example assertWithinMembership({ startsOn: "2024-06-01", endsOn: null }, { fromYear: 2025, toYear: null })
 * // throws: startsOn, "a day on or after 2025-01-01 (the member joins in exercise 2025)"
 */
export function assertWithinMembership(
  dates: Pick<SubscriptionFields, "startsOn" | "endsOn">,
  membership: { readonly fromYear: number | null; readonly toYear: number | null },
): void {
  const outside = (field: string, fr: string, en: string): Issue => ({
    code: "workplace.subscription_invalid",
    path: [field],
    details: { field, expected: localized(fr, en) },
  });
  const issues: Issue[] = [];
  const { fromYear, toYear } = membership;
  if (fromYear !== null && dates.startsOn < `${fromYear}-01-01`) {
    issues.push(
      outside(
        "startsOn",
        `un jour à partir du ${fromYear}-01-01 (le membre adhère à l'exercice ${fromYear})`,
        `a day on or after ${fromYear}-01-01 (the member joins in exercise ${fromYear})`,
      ),
    );
  }
  if (toYear !== null && (dates.endsOn === null || dates.endsOn > `${toYear}-12-31`)) {
    issues.push(
      outside(
        "endsOn",
        `un jour jusqu'au ${toYear}-12-31 au plus tard (le membre quitte l'entente à la fin de l'exercice ${toYear})`,
        `a day on or before ${toYear}-12-31 (the member leaves at the end of exercise ${toYear})`,
      ),
    );
  }
  if (issues.length > 0) throw new ValidationError(issues);
}

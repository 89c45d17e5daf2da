import { localized } from "../../shared/errors.ts";
import { type Issue, ValidationError } from "../errors.ts";
import { isIsoDay } from "./subscription.ts";

/**
 * Incidents and planned maintenance the secretariat writes (issue 11 §6): the services and
 * members affected, start and end, a status, and a timeline of dated updates. Statuses follow
 * the usual status-page vocabulary (Atlassian Statuspage): an incident is investigating →
 * identified → monitoring → resolved; a maintenance is scheduled → in_progress → completed.
 */

export const INCIDENT_KINDS = ["incident", "maintenance"] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];
export const INCIDENT_STATUSES = {
  incident: ["investigating", "identified", "monitoring", "resolved"],
  maintenance: ["scheduled", "in_progress", "completed"],
} as const;
export const IMPACTS = ["degraded", "down", "maintenance"] as const;
export type Impact = (typeof IMPACTS)[number];

/** Statuses after which the incident or maintenance is over. */
const CLOSED = new Set(["resolved", "completed"]);

export interface IncidentUpdate {
  readonly at: Date;
  readonly status: string;
  readonly message: string;
  readonly author: string;
}

export interface IncidentFields {
  readonly kind: IncidentKind;
  readonly title: string;
  readonly impact: Impact;
  readonly status: string;
  readonly startsAt: Date;
  readonly endsAt: Date | null;
  readonly clientIds: readonly string[];
  readonly memberIds: readonly string[];
}

export interface Incident extends IncidentFields {
  readonly id: string;
  readonly ententeId: string;
  readonly createdAt: Date;
  readonly updates: readonly IncidentUpdate[];
  readonly rowVersion: number;
}

export interface IncidentDraft {
  readonly kind: string;
  readonly title: string;
  readonly impact: string;
  readonly status: string;
  readonly startsAt: string;
  readonly endsAt: string | null;
  readonly clientIds: readonly string[];
  readonly memberIds: readonly string[];
  readonly message: string;
}

const issue = (field: string, fr: string, en: string): Issue => ({
  code: "workplace.incident_invalid",
  path: [field],
  details: { field, expected: localized(fr, en) },
});

const instant = (value: string | null): Date | null | undefined => {
  if (value === null) return null;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(value))
    return undefined;
  // `new Date` would silently roll an impossible day (2026-02-30) over to the next month.
  if (!isIsoDay(value.slice(0, 10))) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
};

/** Whether `status` is one of `kind`'s. */
export function statusFits(kind: IncidentKind, status: string): boolean {
  return (INCIDENT_STATUSES[kind] as readonly string[]).includes(status);
}

/**
 * The earliest start of an incident or maintenance: no shared service of an entente ran before
 * 2000 (the platform's ententes are conventions of the 2020s), so an earlier date — 1970-01-01,
 * the zero of a clock — is a mistake, not an incident.
 */
export const EARLIEST_INCIDENT_START = new Date("2000-01-01T00:00:00Z");

/**
 * Checks an incident or maintenance; every problem is reported at once. Dates are ISO 8601 with
 * an offset; a maintenance's impact is `maintenance`, an incident's `degraded` or `down`.
 * Which services and members exist is checked by the use case.
 * @throws ValidationError with one `workplace.incident_invalid` issue per wrong field.
 */
export function validateIncident(draft: IncidentDraft): IncidentFields & { readonly message: string } {
  const issues: Issue[] = [];
  const kind = INCIDENT_KINDS.find((k) => k === draft.kind);
  const impact = IMPACTS.find((i) => i === draft.impact);
  if (kind === undefined) issues.push(issue("kind", "incident ou maintenance", "incident or maintenance"));
  if (impact === undefined || (kind === "maintenance") !== (impact === "maintenance")) {
    issues.push(
      issue(
        "impact",
        kind === "maintenance" ? "maintenance" : "degraded ou down",
        kind === "maintenance" ? "maintenance" : "degraded or down",
      ),
    );
  }
  if (kind !== undefined && !statusFits(kind, draft.status)) {
    issues.push(
      issue(
        "status",
        `l'une des valeurs ${INCIDENT_STATUSES[kind].join(", ")}`,
        `one of ${INCIDENT_STATUSES[kind].join(", ")}`,
      ),
    );
  }
  const title = draft.title.trim();
  if (title.length === 0 || title.length > 200)
    issues.push(issue("title", "1 à 200 caractères", "1 to 200 characters"));
  const message = draft.message.trim();
  if (message.length === 0 || message.length > 4000)
    issues.push(issue("message", "1 à 4000 caractères", "1 to 4000 characters"));
  const startsAt = instant(draft.startsAt);
  const endsAt = instant(draft.endsAt);
  const isoFr = "une date et heure réelles ISO 8601 avec leur décalage (2026-03-01T08:00:00+01:00)";
  const iso = "a real ISO 8601 date and time with its offset (2026-03-01T08:00:00+01:00)";
  if (startsAt === undefined || startsAt === null) issues.push(issue("startsAt", isoFr, iso));
  else if (startsAt < EARLIEST_INCIDENT_START)
    issues.push(issue("startsAt", "un moment à partir du 1er janvier 2000", "a time from 1 January 2000 on"));
  if (endsAt === undefined) issues.push(issue("endsAt", `null ou ${isoFr}`, `null or ${iso}`));
  else if (endsAt !== null && startsAt instanceof Date && endsAt < startsAt) {
    issues.push(issue("endsAt", "un moment après startsAt", "a time after startsAt"));
  }
  if (draft.clientIds.length === 0)
    issues.push(
      issue("clientIds", "au moins un service du catalogue", "at least one service of the catalogue"),
    );
  if (kind === undefined || impact === undefined || !(startsAt instanceof Date) || endsAt === undefined) {
    throw new ValidationError(issues);
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return {
    kind,
    title,
    impact,
    status: draft.status,
    startsAt,
    endsAt,
    clientIds: [...new Set(draft.clientIds)],
    memberIds: [...new Set(draft.memberIds)],
    message,
  };
}

/**
 * Whether the incident or maintenance is in force at `now`: started, not ended, not closed; a
 * scheduled maintenance is in force from its start to its end.
 */
export function inForce(incident: IncidentFields, now: Date): boolean {
  if (CLOSED.has(incident.status)) return false;
  if (incident.startsAt > now) return false;
  return incident.endsAt === null || incident.endsAt > now;
}

/** Whether it is still to be shown (in force, or a maintenance planned for later, not closed). */
export function current(incident: IncidentFields, now: Date): boolean {
  if (CLOSED.has(incident.status)) return false;
  return incident.endsAt === null || incident.endsAt > now;
}

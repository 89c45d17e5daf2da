import { formatDateInWords } from "../../shared/date-in-words.ts";
import { EntenteError, localized } from "../errors.ts";

/** What the chronology reads of a conference decision: the version it approves and its deliberations. */
export interface DecisionDates {
  readonly budgetVersionId: string | null;
  readonly ratifications: readonly { readonly status: string; readonly deliberatedOn: string | null }[];
}

/**
 * The day a budget version was adopted: the last member's deliberation of a decision approving
 * it that every member ratified (délibérations concordantes, CGCT L5221-2); null when no
 * decision adopted it (a version imported as adopted, say).
 */
export function adoptionDate(decisions: readonly DecisionDates[], versionId: string): string | null {
  let adoptedOn: string | null = null;
  for (const d of decisions) {
    if (d.budgetVersionId !== versionId || d.ratifications.length === 0) continue;
    if (!d.ratifications.every((r) => r.status === "ratified" && r.deliberatedOn !== null)) continue;
    for (const r of d.ratifications)
      if (r.deliberatedOn !== null && (adoptedOn === null || r.deliberatedOn > adoptedOn))
        adoptedOn = r.deliberatedOn;
  }
  return adoptedOn;
}

const inWords = (lang: "fr-FR" | "en-GB", iso: string) =>
  formatDateInWords(
    new Intl.DateTimeFormat(lang, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }),
    new Date(`${iso}T00:00:00Z`),
  );

/**
 * A décision modificative comes after the version it amends: the conference approving it meets
 * no earlier than the day that version was adopted (its last deliberation), so DM n° 2 is never
 * adopted dated before DM n° 1. Each member's deliberation is then dated no earlier than the
 * conference (ratification.ts). Nothing to check when the previous version's adoption is unknown.
 * @param previous the adopted version the DM amends (budget primitif or previous DM), with its
 *   adoption day (ISO), or null.
 * @throws EntenteError `amending.before_previous_adoption` (422, at `conferenceDate`).
 */
export function assertAfterPreviousAdoption(
  conferenceDate: string,
  previous: { readonly label: string; readonly adoptedOn: string | null } | null,
): void {
  if (previous === null || previous.adoptedOn === null || conferenceDate >= previous.adoptedOn) return;
  throw new EntenteError(
    "amending.before_previous_adoption",
    {
      date: localized(inWords("fr-FR", conferenceDate), inWords("en-GB", conferenceDate)),
      previous: previous.label,
      adoptedOn: localized(inWords("fr-FR", previous.adoptedOn), inWords("en-GB", previous.adoptedOn)),
    },
    { path: ["conferenceDate"] },
  );
}

import { latestDateAllowed } from "../../shared/limits.ts";
import { EntenteError, localized } from "../errors.ts";

/** The earliest date accepted: the first year of the entente file's years (1900–2200). */
export const EARLIEST_DATE = "1900-01-01";

/**
 * A date a person enters (conference, deliberation, payment, due date) lies between 1900-01-01
 * and the end of the year after `today` (limits.ts `latestDateAllowed`): a budget is voted before
 * its year starts, never two years ahead, so a later date is a typing mistake (2204 for 2024)
 * that would otherwise be stored and printed on every document. ISO dates compare as text.
 * @param today the clock's date, `AAAA-MM-JJ`.
 * @param field the request field, named in the error.
 * @throws EntenteError `date.out_of_range` at `field`, with the bounds.
 * @example assertDateInRange("2204-05-01", "2026-12-06", "paidOn") // throws, max 2027-12-31
 */
export function assertDateInRange(date: string | null, today: string, field: string): void {
  if (date === null) return;
  const max = latestDateAllowed(today);
  if (date < EARLIEST_DATE || date > max)
    throw new EntenteError("date.out_of_range", { field, date, min: EARLIEST_DATE, max }, { path: [field] });
}

/** Today's date (UTC) of a clock's instant, `AAAA-MM-JJ`. */
export function isoDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** What each dated act is, as the `date.in_future` message names it. */
const ACTS = {
  deliberatedOn: { fr: "une délibération", en: "a deliberation" },
  paidOn: { fr: "un paiement reçu", en: "a payment received" },
  refundedOn: { fr: "un remboursement de trop-perçu", en: "a refund of an overpayment" },
} as const;

/**
 * An act that has taken place — a member's deliberation (`deliberatedOn`), a payment received
 * (`paidOn`), a trop-perçu refunded (`refundedOn`, a mandat de remboursement) — is dated no later
 * than today: a future date would complete an adoption, settle a call or pay back a member before
 * the act exists. Also within assertDateInRange's bounds.
 * @param today the injected clock's date, `AAAA-MM-JJ`.
 * @throws EntenteError `date.in_future` at `field`; `date.out_of_range`.
 * @example assertNotInFuture("2026-12-08", "2026-12-07", "paidOn") // throws date.in_future
 */
export function assertNotInFuture(date: string | null, today: string, field: keyof typeof ACTS): void {
  assertDateInRange(date, today, field);
  if (date !== null && date > today)
    throw new EntenteError(
      "date.in_future",
      { field, date, today, what: localized(ACTS[field].fr, ACTS[field].en) },
      { path: [field] },
    );
}

/**
 * The limits every write checks, derived so that any total a read computes from valid inputs
 * fits what the reads return (issue 9, "Bad input"): an amount accepted at write can never make
 * a budget, a dashboard, a report or an export fail later.
 *
 * Write side: an amount has at most {@link MAX_AMOUNT_INTEGER_DIGITS} digits before the point
 * (< 1 000 000 000 000 €, a thousand times the largest French local budget); an exercise holds
 * at most {@link MAX_BUDGET_LINES} lines, {@link MAX_ADVANCES} advances and
 * {@link MAX_ADJUSTMENTS} adjustments. Read side: every figure of one exercise (a section total,
 * a member's share, recall, adjustments, fund call) is a sum of at most
 * {@link MAX_SUMMANDS_PER_EXERCISE} amounts plus the prior year's recall, so it stays under
 * {@link MAX_EXERCISE_FIGURE_CENTS}, which PostgreSQL's `bigint` stores (fund calls) with room to
 * spare; a figure over every exercise the file format allows ({@link MAX_EXERCISES}) stays under
 * {@link MAX_READ_CENTS}, whose digits ({@link READ_AMOUNT_INTEGER_DIGITS}) are what the API's
 * response schemas accept. `limits.test.ts` checks the derivation.
 */

/** Digits before the decimal point of any amount written (API, console, entente file, CLI). */
export const MAX_AMOUNT_INTEGER_DIGITS = 12;

/** The largest amount written, in cents: 999 999 999 999,99 €. */
export const MAX_AMOUNT_CENTS = 10n ** BigInt(MAX_AMOUNT_INTEGER_DIGITS + 2) - 1n;

/** Lines (expenses and receipts) of one budget version. */
export const MAX_BUDGET_LINES = 2000;
/** Advances of one exercise. */
export const MAX_ADVANCES = 200;
/** Adjustments of one exercise (each one amount per member). */
export const MAX_ADJUSTMENTS = 200;
/** Members of one entente (the benchmarks run 20 000). */
export const MAX_MEMBERS = 50_000;
/** Missions of one entente. */
export const MAX_MISSIONS = 1000;
/** Keys of one entente. */
export const MAX_KEYS = 1000;
/** Criteria of one key. */
export const MAX_CRITERIA = 50;

/** Exercises one entente may hold: the years 1900–2200 of the file format. */
export const MAX_EXERCISES = 301;

/** Amounts summed into one figure of one exercise (its lines, advances, adjustments). */
export const MAX_SUMMANDS_PER_EXERCISE = MAX_BUDGET_LINES + MAX_ADVANCES + MAX_ADJUSTMENTS;

/** Bound of any figure of one exercise, the prior year's recall included (× 2), in cents. */
export const MAX_EXERCISE_FIGURE_CENTS = MAX_AMOUNT_CENTS * BigInt(MAX_SUMMANDS_PER_EXERCISE) * 2n;

/** Bound of any figure summed over all the exercises of an entente, in cents. */
export const MAX_READ_CENTS = MAX_EXERCISE_FIGURE_CENTS * BigInt(MAX_EXERCISES);

/** Digits before the decimal point of the amounts the API answers (19). */
export const READ_AMOUNT_INTEGER_DIGITS = String(MAX_READ_CENTS / 100n).length;

/** PostgreSQL's `bigint` (stored cents): 2^63 − 1. */
export const PG_BIGINT_MAX = 2n ** 63n - 1n;

/** Longest name (member, mission, entente, key), in characters. */
export const MAX_NAME_LENGTH = 200;
/** Longest label (budget line, advance, adjustment, conference, criterion), in characters. */
export const MAX_LABEL_LENGTH = 300;
/** Longest short reference (deliberation number, payment reference, M57 nature, assembly), in characters. */
export const MAX_REFERENCE_LENGTH = 100;
/** Longest free text (description, note, decision subject, key source, legal basis line), in characters. */
export const MAX_TEXT_LENGTH = 2000;
/** Longest service plan text (scope, resources), in characters. */
export const MAX_PLAN_TEXT_LENGTH = 20_000;
/** Items of a short list (legal basis, milestones, steering committee). */
export const MAX_LIST_ITEMS = 200;

/**
 * How far ahead a deliberation, a conference or a payment may be dated: the end of the year after
 * the current one (a budget is voted before its year starts; a date beyond is a typing mistake
 * such as 2204 for 2024). Returns the latest date allowed, `AAAA-MM-JJ`.
 * @example latestDateAllowed("2026-12-06") // "2027-12-31"
 */
export function latestDateAllowed(today: string): string {
  return `${Number(today.slice(0, 4)) + 1}-12-31`;
}

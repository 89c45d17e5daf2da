import { unitInCents } from "../../shared/money.ts";
import { EntenteError } from "../errors.ts";
import { allocateLargestRemainder } from "./allocate-largest-remainder.ts";
import { assertValidEntente } from "./assert-valid-entente.ts";
import type { BudgetReport } from "./budget-report.ts";
import { buildAnnex } from "./build-annex.ts";
import { computeFundCalls } from "./compute-fund-calls.ts";
import { createSharesLookup } from "./create-shares-lookup.ts";
import type { Entente, Exercise } from "./entente.ts";
import { ententeForYear } from "./entente-for-year.ts";
import { ententeAtYear } from "./key-at-year.ts";
import type { ReportContext } from "./report-context.ts";
import { reportYears } from "./report-years.ts";
import { settleExercise } from "./settle-exercise.ts";

/** Keys resolved once, and splitting at the entente's rounding unit (largest remainder). */
function createReportContext(entente: Entente): ReportContext {
  const unit = unitInCents(entente.rounding.unit);
  return {
    entente,
    sharesOf: createSharesLookup(entente),
    split: (total, shares) => allocateLargestRemainder(total / unit, shares).map((units) => units * unit),
  };
}

/**
 * The exercise a report of `year` is about. A year may be only a call year (an exercise called
 * in a year the file has no budget for): its report then has an empty annex and gathers the
 * recalls.
 * @throws EntenteError `exercise.not_found` when `year` is neither an exercise nor a call year.
 */
function reportedExercise(entente: Entente, year: number): Exercise {
  const own = entente.exercises.find((e) => e.year === year);
  if (own !== undefined) return own;
  if (entente.exercises.some((e) => e.calledIn === year))
    return { year, calledIn: year, lines: [], advances: [], adjustments: [], path: [] };
  throw new EntenteError("exercise.not_found", { year, known: reportYears(entente).join(", ") || "—" });
}

/**
 * Computes everything the deliberation tables of `year` need: the budget annex, the split of the
 * year's contributions by key (largest remainder at the entente's rounding unit, ties broken by
 * member order), the exercises called this year with their advances and adjustments (the
 * seed's "Partenaires" table), and each member's fund call.
 *
 * Invariants (tested): every allocation sums exactly to its total; adjustments sum to zero;
 * the fund calls sum to the contributions and adjustments called in the year.
 *
 * @throws ValidationError when the exercise `year` or one called in it breaks a rule of `validateEntente`
 *   (`ententeForYear`: the other exercises do not matter).
 * @throws EntenteError `exercise.not_found` when the file has no exercise `year`.
 * @example computeBudgetReport(lyon, 2023).fundCalls[0].total // 30579700n (305 797 €, seed line 1° b)
 */
export function computeBudgetReport(whole: Entente, year: number): BudgetReport {
  // Only what the year's figures are made of is checked: a later draft never blocks them.
  const entente = ententeForYear(whole, year);
  assertValidEntente(entente);
  const exercise = reportedExercise(whole, year);
  const memberOrder = entente.members.map((m) => m.id);
  // Each exercise is settled with the keys of its own year (a recall keeps its year's keys).
  const context = createReportContext(ententeAtYear(entente, year));
  const allocation = settleExercise(context, exercise);
  // The exercises called this year, oldest first: earlier ones (recalls) and this one if called now.
  const settlements = entente.exercises
    .filter((e) => e.calledIn === year && e !== exercise)
    .concat(exercise.calledIn === year && entente.exercises.includes(exercise) ? [exercise] : [])
    .sort((a, b) => a.year - b.year)
    .map((e) =>
      e === exercise ? allocation : settleExercise(createReportContext(ententeAtYear(entente, e.year)), e),
    );
  return {
    entente: entente.name,
    year,
    roundingUnit: entente.rounding.unit,
    memberOrder,
    memberNames: new Map(entente.members.map((m) => [m.id, m.name])),
    annex: buildAnnex(entente, exercise),
    allocation,
    settlements,
    ...computeFundCalls(memberOrder, settlements, year),
  };
}

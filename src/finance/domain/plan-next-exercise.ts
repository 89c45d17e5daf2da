import type { Cents } from "../../shared/money.ts";
import { EntenteError } from "../errors.ts";
import type { ReceiptKind, Section } from "./entente.ts";

/** A line of a budget version as the exercise opening reads and writes it (amount in cents). */
export interface CarriedLine {
  readonly missionId: string | null;
  readonly label: string;
  readonly section: Section;
  readonly direction: "expense" | "receipt";
  readonly receiptKind: ReceiptKind | null;
  readonly amountCents: Cents;
  readonly nature: string | null;
}

/** What opening exercise N+1 from N reads of N. */
export interface PreviousExercise {
  readonly year: number;
  /** The lines of N's latest budget version (the adopted one, or its draft). */
  readonly lines: readonly CarriedLine[];
}

/** The choices of the secretariat when it opens N+1. */
export interface NextExerciseOptions {
  /** Year in which N+1's contributions are called: N+1 (default) or N+2 (then recalled, as 2022 in 2023). */
  readonly calledIn?: number;
  /**
   * N's result per section (résultat de clôture of the compte de gestion), in cents: a surplus
   * (positive) is carried over as a receipt, a deficit (negative) as an expense. Zero or absent:
   * no line.
   */
  readonly carryOver?: Partial<Readonly<Record<Section, Cents>>>;
}

/** Exercise N+1 as it opens: its year, its call year and the lines of its first draft. */
export interface NextExercisePlan {
  readonly year: number;
  readonly calledIn: number;
  readonly lines: readonly CarriedLine[];
}

/**
 * M57 chapters of the result carried over (instruction budgétaire et comptable M57, tome II):
 * 001 « solde d'exécution de la section d'investissement reporté », 002 « résultat de
 * fonctionnement reporté ».
 */
const CARRY_OVER_CHAPTER: Readonly<Record<Section, string>> = {
  investissement: "001",
  fonctionnement: "002",
};

/** Whether a line of N is N's own carry-over: a carry-over receipt, or a deficit carried over (001, 002). */
function isCarryOver(line: CarriedLine): boolean {
  if (line.direction === "receipt") return line.receiptKind === "carry-over";
  return (
    line.nature === CARRY_OVER_CHAPTER.investissement || line.nature === CARRY_OVER_CHAPTER.fonctionnement
  );
}

/** The lines of N that carry over: all but N's own carry-over (replaced by N's result). */
function carriedLines(previous: PreviousExercise): CarriedLine[] {
  return previous.lines.filter((line) => !isCarryOver(line));
}

/** N's result of one section as a line of N+1: a receipt (surplus) or an expense (deficit). */
function resultLine(year: number, section: Section, cents: Cents): CarriedLine | null {
  if (cents === 0n) return null;
  const surplus = cents > 0n;
  return {
    missionId: null,
    label: surplus ? `Report de l'exercice ${year} (excédent)` : `Report de l'exercice ${year} (déficit)`,
    section,
    direction: surplus ? "receipt" : "expense",
    receiptKind: surplus ? "carry-over" : null,
    amountCents: surplus ? cents : -cents,
    nature: CARRY_OVER_CHAPTER[section],
  };
}

/**
 * @throws EntenteError `exercise.called_in_invalid` unless `calledIn` is the new year or the
 *   next one (a contribution is called in its year, or recalled the year after, as the seed's
 *   2022 in 2023, délibération n° 2022-1356 § III).
 */
function checkCalledIn(year: number, calledIn: number): void {
  if (calledIn !== year && calledIn !== year + 1)
    throw new EntenteError(
      "exercise.called_in_invalid",
      { year, calledIn, allowed: `${year}, ${year + 1}` },
      { path: ["calledIn"] },
    );
}

/**
 * Plans exercise N+1 from N: N's budget lines carried over as N+1's first draft (budget
 * primitif), without N's own carry-over receipts, plus N's result per section as a carry-over
 * line (chapter 001 / 002); advances and adjustments are N's own and do not carry over. Missions,
 * keys and service plans belong to the entente, not to a year: they stay as they are. N itself
 * is only read: an adopted N never moves. The draft may be out of balance until the secretariat
 * adjusts the contributions (the console shows the balance).
 *
 * @throws EntenteError `exercise.already_exists` when N+1 exists, `exercise.called_in_invalid`.
 * @example planNextExercise({ year: 2023, lines }, [2022, 2023], { carryOver: { fonctionnement: 1_000_00n } })
 * // → { year: 2024, calledIn: 2024, lines: [...lines of 2023, « Report de l'exercice 2023 (excédent) » 1 000 €] }
 */
export function planNextExercise(
  previous: PreviousExercise,
  existingYears: readonly number[],
  options: NextExerciseOptions = {},
): NextExercisePlan {
  const year = previous.year + 1;
  if (existingYears.includes(year)) throw new EntenteError("exercise.already_exists", { year });
  const calledIn = options.calledIn ?? year;
  checkCalledIn(year, calledIn);
  const results = (["investissement", "fonctionnement"] as const)
    .map((section) => resultLine(previous.year, section, options.carryOver?.[section] ?? 0n))
    .filter((line): line is CarriedLine => line !== null);
  return { year, calledIn, lines: [...carriedLines(previous), ...results] };
}

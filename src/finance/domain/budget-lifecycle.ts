import { EntenteError, localized } from "../errors.ts";
import { type BudgetStatus, budgetStatusLabel } from "./budget-status.ts";
import type { Entente } from "./entente.ts";

/** What the lifecycle rules read of a budget version. */
export interface BudgetVersionState {
  readonly year: number;
  /** 1 for the budget primitif, then one more per décision modificative. */
  readonly number: number;
  readonly status: BudgetStatus;
}

/**
 * Only a draft is edited: once the conference approved a version it is read-only (approved,
 * ratifying, adopted), and a change needs an amending budget.
 * @throws EntenteError `budget.not_editable`.
 */
export function assertBudgetEditable(budget: BudgetVersionState): void {
  if (budget.status !== "draft")
    throw new EntenteError("budget.not_editable", {
      year: budget.year,
      number: budget.number,
      status: budgetStatusLabel(budget.status),
    });
}

/**
 * A décision modificative opens from the adopted version only, as the next version number; the
 * adopted one stays in force until the new one is itself approved and ratified.
 * @returns the new version's number and label (« Décision modificative n° 1 2023 »).
 * @throws EntenteError `budget.amend_not_adopted` when the latest version is not adopted.
 */
export function planAmendingBudget(current: BudgetVersionState): { number: number; label: string } {
  if (current.status !== "adopted")
    throw new EntenteError("budget.amend_not_adopted", {
      year: current.year,
      number: current.number,
      status: budgetStatusLabel(current.status),
    });
  const number = current.number + 1;
  return { number, label: `Décision modificative n° ${number - 1} ${current.year}` };
}

/**
 * The status a budget takes when the conference approves it: the members then ratify it
 * (délibérations concordantes, CGCT L5221-2).
 */
export function statusOnApproval(): BudgetStatus {
  return "ratifying";
}

/**
 * The exercises whose budgets a change alters: `years` (`"all"` for keys and missions, which
 * every exercise uses) and the years they are called in, since a year's figures include the
 * recalls of the exercises called in it. Sorted.
 */
export function yearsAltered(entente: Entente, years: readonly number[] | "all"): number[] {
  const affected = new Set<number>();
  for (const exercise of entente.exercises) {
    if (years === "all" || years.includes(exercise.year)) {
      affected.add(exercise.year);
      affected.add(exercise.calledIn);
    }
  }
  return [...affected].sort((a, b) => a - b);
}

/** What to do about a frozen year, in both languages: it depends on what the change touches. */
function frozenAdvice(year: number, status: BudgetStatus, next: number | undefined) {
  if (next !== undefined)
    return localized(
      `Une clé ou une mission ne change jamais un exercice approuvé ou adopté, même par une décision modificative : une période de clé ne peut commencer qu'à un exercice non adopté. Appliquez ce changement à partir de l'exercice ${next}.`,
      `A key or a mission never changes an approved or adopted exercise, not even through an amending budget: a key period can start only from an exercise not adopted. Apply this change from exercise ${next}.`,
    );
  return status === "adopted"
    ? localized(
        `Ouvrez d'abord une décision modificative pour ${year}.`,
        `Open an amending budget for ${year} first.`,
      )
    : localized(
        `Une décision modificative de ${year} s'ouvre une fois ce budget adopté par tous les membres.`,
        `An amending budget of ${year} opens once every member has adopted this budget.`,
      );
}

/**
 * Deliberated amounts never change under the members' feet: the figures of a year whose budget
 * the conference approved (or the members adopted) are frozen. Lines, advances and adjustments
 * change through an amending budget (a new draft version) once the year is adopted; keys and
 * missions (`next`: the first exercise they may start from) never change a deliberated year.
 * @throws EntenteError `budget.figures_frozen` (at `field`), whose advice says which of the two applies.
 */
export function assertYearFiguresOpen(
  year: number,
  budget: Pick<BudgetVersionState, "status"> | null,
  next?: number,
  field: readonly (string | number)[] = [],
): void {
  if (budget !== null && budget.status !== "draft")
    throw new EntenteError(
      "budget.figures_frozen",
      { year, status: budgetStatusLabel(budget.status), advice: frozenAdvice(year, budget.status, next) },
      { path: field },
    );
}

/**
 * Keys and missions belong to no budget version: changing them alters the figures in force of
 * every exercise they feed. An exercise with an adopted version keeps its adopted figures for
 * ever (an amending budget changes its lines, advances and adjustments only), so such a change
 * applies from a later exercise: `next`, the first not adopted (year + 1 by default).
 * @throws EntenteError `budget.adopted_figures_frozen` at `field`, naming that exercise.
 */
export function assertAdoptedFiguresUntouched(
  year: number,
  hasAdoptedVersion: boolean,
  field: readonly (string | number)[],
  next: number = year + 1,
): void {
  if (hasAdoptedVersion)
    throw new EntenteError("budget.adopted_figures_frozen", { year, next }, { path: field });
}

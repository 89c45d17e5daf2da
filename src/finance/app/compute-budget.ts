import type { BudgetReport } from "../domain/budget-report.ts";
import { computeBudgetReport } from "../domain/compute-budget-report.ts";
import type { Entente } from "../domain/entente.ts";

/**
 * Use case: the budget report of one exercise of an entente (default: the latest exercise).
 * Shared by the CLI and, later, the HTTP API.
 *
 * @throws EntenteError `exercise.not_found` when `year` is neither an exercise nor a call year;
 * ValidationError when the entente breaks a rule (see validateEntente).
 */
export function computeBudget(entente: Entente, year?: number): BudgetReport {
  const chosen = year ?? Math.max(...entente.exercises.map((e) => e.year));
  return computeBudgetReport(entente, chosen);
}

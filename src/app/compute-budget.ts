import { type BudgetReport, computeBudgetReport } from "../domain/compute-budget-report.ts";
import type { Entente } from "../domain/entente.ts";
import { EntenteError } from "../domain/errors.ts";

/**
 * Use case: the budget report of one exercise of an entente (default: the latest exercise).
 * Shared by the CLI and, later, the HTTP API.
 *
 * @throws EntenteError `exercise.not_found` when `year` is not an exercise of the entente;
 * ValidationError when the entente breaks a rule (see validateEntente).
 */
export function computeBudget(entente: Entente, year?: number): BudgetReport {
  const years = entente.exercises.map((e) => e.year);
  const chosen = year ?? Math.max(...years);
  if (!years.includes(chosen))
    throw new EntenteError("exercise.not_found", { year: chosen, known: years.join(", ") || "—" });
  return computeBudgetReport(entente, chosen);
}

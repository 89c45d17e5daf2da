import type { BudgetReport } from "../domain/budget-report.ts";
import { computeBudgetReport } from "../domain/compute-budget-report.ts";
import type { Entente } from "../domain/entente.ts";
import { validateEntente } from "../domain/validate-entente.ts";
import type { Issue } from "../errors.ts";

// The engine's results per entente model. A model is immutable, and the entente store hands out
// the same one until a change stamps the entente (entente-store.ts), then a new one: results
// keyed by the model object are never stale, and are dropped with it (WeakMap). The dashboard of
// a 1 000-member entente went from ~60–120 ms of CPU per request to a lookup (bench/dashboard).
const problemsOf = new WeakMap<Entente, readonly Issue[]>();
const reportsOf = new WeakMap<Entente, Map<number, BudgetReport>>();

/** `validateEntente(entente)`, computed once per model. */
export function cachedProblems(entente: Entente): readonly Issue[] {
  let problems = problemsOf.get(entente);
  if (problems === undefined) {
    problems = validateEntente(entente);
    problemsOf.set(entente, problems);
  }
  return problems;
}

/** `computeBudgetReport(entente, year)`, computed once per model and year. */
export function cachedReport(entente: Entente, year: number): BudgetReport {
  let reports = reportsOf.get(entente);
  if (reports === undefined) {
    reports = new Map();
    reportsOf.set(entente, reports);
  }
  let report = reports.get(year);
  if (report === undefined) {
    report = computeBudgetReport(entente, year);
    reports.set(year, report);
  }
  return report;
}

import type { BudgetReport } from "../domain/budget-report.ts";
import { computeBudgetReport } from "../domain/compute-budget-report.ts";
import type { Entente } from "../domain/entente.ts";
import { ententeForYear } from "../domain/entente-for-year.ts";
import { validateEntente } from "../domain/validate-entente.ts";
import type { Issue } from "../errors.ts";

// The engine's results per entente model. A model is immutable, and the entente store hands out
// the same one until a change stamps the entente (entente-store.ts), then a new one: results
// keyed by the model object are never stale, and are dropped with it (WeakMap). The dashboard of
// a 1 000-member entente went from ~60–120 ms of CPU per request to a lookup (bench/dashboard).
const problemsOf = new WeakMap<Entente, Map<number, readonly Issue[]>>();
const reportsOf = new WeakMap<Entente, Map<number, BudgetReport>>();

/**
 * What breaks a rule in what `year`'s figures are made of (`validateEntente(ententeForYear(…))`:
 * another year's draft does not hide them), computed once per model and year.
 */
export function cachedProblems(entente: Entente, year: number): readonly Issue[] {
  let byYear = problemsOf.get(entente);
  if (byYear === undefined) {
    byYear = new Map();
    problemsOf.set(entente, byYear);
  }
  let problems = byYear.get(year);
  if (problems === undefined) {
    problems = validateEntente(ententeForYear(entente, year));
    byYear.set(year, problems);
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

import type { Principal } from "../../access/index.ts";
import type { BudgetReport } from "../domain/budget-report.ts";
import { computeBudgetReport } from "../domain/compute-budget-report.ts";
import { EntenteError } from "../errors.ts";
import type { FinanceDeps } from "./finance-deps.ts";
import { readBudget } from "./read-budget.ts";

/**
 * The deliberation tables of a year (annex, split, recalls, fund calls), as the CLI prints them,
 * for whoever may read the year's budget.
 */
export async function readBudgetReport(
  deps: Pick<FinanceDeps, "ententes" | "budgets">,
  principal: Principal,
  ententeId: string,
  year: number,
): Promise<BudgetReport> {
  await readBudget(deps, principal, ententeId, year).catch((error: unknown) => {
    // A year that is only a call year has no budget of its own: its report is still readable.
    if (error instanceof EntenteError && error.code === "resource.not_found") return null;
    throw error;
  });
  return computeBudgetReport(await deps.ententes.loadEntente(ententeId), year);
}

import { assertCan, canPerform, type Principal } from "../../access/index.ts";
import type { BudgetReport } from "../domain/budget-report.ts";
import { computeBudgetReport } from "../domain/compute-budget-report.ts";
import { EntenteError, localized } from "../errors.ts";
import type { ConsoleDeps } from "./console-deps.ts";
import type { BudgetVersionRecord } from "./ports.ts";

/**
 * The year's latest budget version with its lines. A draft is the secretariat's working copy;
 * others read it only once the conference has approved it.
 */
export async function readBudget(
  deps: ConsoleDeps,
  principal: Principal,
  ententeId: string,
  year: number,
): Promise<BudgetVersionRecord> {
  assertCan(principal, { kind: "read", ententeId });
  const budget = await deps.console.getBudget(ententeId, year);
  if (budget === null)
    throw new EntenteError("resource.not_found", {
      what: localized("exercice", "exercise"),
      id: String(year),
    });
  if (budget.status === "draft" && !canPerform(principal, { kind: "read-drafts", ententeId })) {
    throw new EntenteError("access.forbidden", { action: "read-drafts", role: principal.role });
  }
  return budget;
}

/** The deliberation tables of a year (annex, split, recalls, fund calls), as the CLI prints them. */
export async function readBudgetReport(
  deps: ConsoleDeps,
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

import { assertCan, canPerform, type Principal } from "../../access/index.ts";
import { EntenteError } from "../errors.ts";
import type { FinanceDeps } from "./finance-deps.ts";
import type { BudgetVersionRecord } from "./ports/budget-store.ts";
import { requireExercise } from "./require-exercise.ts";

/**
 * The year's latest budget version with its lines. A draft is the secretariat's working copy;
 * others read it only once the conference has approved it.
 */
export async function readBudget(
  deps: Pick<FinanceDeps, "budgets">,
  principal: Principal,
  ententeId: string,
  year: number,
): Promise<BudgetVersionRecord> {
  assertCan(principal, { kind: "read", ententeId });
  const budget = requireExercise(await deps.budgets.latest(ententeId, year), year);
  if (budget.status === "draft" && !canPerform(principal, { kind: "read-drafts", ententeId })) {
    throw new EntenteError("access.forbidden", { action: "read-drafts", role: principal.role });
  }
  return budget;
}

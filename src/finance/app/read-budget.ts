import { assertCan, canPerform, type Principal } from "../../access/index.ts";
import { EntenteError } from "../errors.ts";
import type { FinanceDeps } from "./finance-deps.ts";
import type { BudgetVersionRecord } from "./ports/budget-store.ts";
import { requireExercise } from "./require-exercise.ts";

/**
 * The year's budget with its lines. Those who may read drafts (the secretariat) get the latest
 * version, their working copy (an amending budget being prepared included). Everyone else gets
 * the version in force: while a décision modificative is drafted, approved or ratified, the
 * adopted budget (issue 9: no one loses access to the adopted year); a budget primitif that is
 * still a draft is refused (`access.forbidden`, read-drafts) until the conference approves it.
 */
export async function readBudget(
  deps: Pick<FinanceDeps, "budgets">,
  principal: Principal,
  ententeId: string,
  year: number,
): Promise<BudgetVersionRecord> {
  assertCan(principal, { kind: "read", ententeId });
  const readsDrafts = canPerform(principal, { kind: "read-drafts", ententeId });
  const budget = requireExercise(
    await (readsDrafts ? deps.budgets.latest(ententeId, year) : deps.budgets.inForce(ententeId, year)),
    year,
  );
  if (budget.status === "draft" && !readsDrafts) {
    throw new EntenteError("access.forbidden", { action: "read-drafts", role: principal.role });
  }
  return budget;
}

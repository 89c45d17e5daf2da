import { assertCan, type Principal } from "../../access/index.ts";
import { planAmendingBudget } from "../domain/budget-lifecycle.ts";
import { actorOf } from "./actor-of.ts";
import type { FinanceDeps } from "./finance-deps.ts";
import type { BudgetVersionRecord } from "./ports/budget-store.ts";

/**
 * Opens a décision modificative: a new draft version of the year's budget, copying the adopted
 * one, which stays as adopted until the new version is itself approved and ratified.
 * @throws EntenteError budget.amend_not_adopted when the latest version is not adopted (checked
 *   in the transaction that opens the new version).
 */
export async function createAmendingBudget(
  deps: Pick<FinanceDeps, "budgets">,
  principal: Principal,
  ententeId: string,
  year: number,
): Promise<BudgetVersionRecord> {
  assertCan(principal, { kind: "edit-budget", ententeId });
  return deps.budgets.openAmending(ententeId, year, actorOf(principal), planAmendingBudget);
}

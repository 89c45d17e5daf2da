import { assertCan, type Principal } from "../../access/index.ts";
import { assertBudgetEditable } from "../domain/budget-lifecycle.ts";
import { assertBudgetLines } from "../domain/budget-line-rules.ts";
import { actorOf } from "./actor-of.ts";
import { assertFiguresOpen } from "./assert-figures-open.ts";
import type { FinanceDeps } from "./finance-deps.ts";
import type { BudgetLineRecord, BudgetVersionRecord } from "./ports/budget-store.ts";

/**
 * Replaces the lines of the year's draft budget in one transaction. A draft may be out of balance
 * (the console shows it); missions must exist and receipts need a kind. Approved, ratifying or
 * adopted versions are read-only (`budget.not_editable`): checked first, and again in the
 * transaction of the write.
 */
export async function saveBudget(
  deps: Pick<FinanceDeps, "ententes" | "budgets" | "missions">,
  principal: Principal,
  ententeId: string,
  year: number,
  lines: readonly BudgetLineRecord[],
  rowVersion: number,
): Promise<BudgetVersionRecord> {
  assertCan(principal, { kind: "edit-budget", ententeId });
  // The year's own budget must be a draft; a recall it feeds into an approved year may not change.
  const current = await deps.budgets.latest(ententeId, year);
  if (current !== null) assertBudgetEditable(current);
  await assertFiguresOpen(deps, ententeId, [year], { kind: "lines" });
  assertBudgetLines(lines, new Set((await deps.missions.list(ententeId)).map((m) => m.id)));
  return deps.budgets.replaceLines(
    ententeId,
    year,
    lines,
    rowVersion,
    actorOf(principal),
    assertBudgetEditable,
  );
}

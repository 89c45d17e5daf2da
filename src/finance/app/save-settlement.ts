import { assertCan, type Principal } from "../../access/index.ts";
import { assertBudgetEditable } from "../domain/budget-lifecycle.ts";
import { type SettlementChange, settlementChangeIssues } from "../domain/settlement-change.ts";
import { ValidationError } from "../errors.ts";
import { actorOf } from "./actor-of.ts";
import { assertFiguresOpen } from "./assert-figures-open.ts";
import type { FinanceDeps } from "./finance-deps.ts";
import type { SettlementRecord } from "./ports/settlement-store.ts";
import { requireExercise } from "./require-exercise.ts";

/**
 * Replaces the advances (avances) and adjustments (régularisations) of an exercise in one
 * transaction. The rules of the finance engine apply (DESIGN.md): unique ids, known members and
 * keys, an advance made by a member of its key, adjustments summing to zero, whole rounding
 * units — every problem is reported at once with its field (`advances[0].memberId`), nothing
 * stored. Only while the exercise's latest budget version is a draft (a budget primitif being
 * prepared or an amending budget, which thus carries a régularisation): they belong to that
 * version, and an adopted version keeps its own (migration 0177).
 */
export async function saveSettlement(
  deps: Pick<FinanceDeps, "ententes" | "budgets" | "settlements">,
  principal: Principal,
  ententeId: string,
  year: number,
  settlement: SettlementChange,
  rowVersion: number,
): Promise<SettlementRecord> {
  assertCan(principal, { kind: "edit-budget", ententeId });
  const latest = requireExercise(await deps.budgets.latest(ententeId, year), year);
  // What is wrong with the change itself first (each problem at its field), then whether it may be made.
  const issues = settlementChangeIssues(await deps.ententes.loadEntente(ententeId), year, settlement);
  if (issues.length > 0) throw new ValidationError(issues);
  assertBudgetEditable(latest);
  // Advances and adjustments are versioned with the budget (0177): like its lines, only the latest
  // (draft) version changes — possibly an amending budget, whose adopted predecessor keeps its own.
  await assertFiguresOpen(deps, ententeId, [year], { kind: "lines" });
  return deps.settlements.replace(ententeId, year, settlement, rowVersion, actorOf(principal));
}

import { assertCan, type Principal } from "../../access/index.ts";
import { type NextExerciseOptions, planNextExercise } from "../domain/plan-next-exercise.ts";
import { actorOf } from "./actor-of.ts";
import type { FinanceDeps } from "./finance-deps.ts";
import type { BudgetVersionRecord } from "./ports/budget-store.ts";

/**
 * Opens exercise N+1 from N (`from`): N's budget lines as N+1's draft budget primitif, N's result
 * carried over, the call year chosen (N+1, or N+2 as a recall). Secretariat only. The plan
 * (`planNextExercise`) runs in the transaction that inserts the exercise; N never changes.
 * @throws EntenteError `resource.not_found` (no exercise `from`), `exercise.already_exists`,
 *   `exercise.called_in_invalid`, `access.forbidden`.
 */
export async function openExercise(
  deps: Pick<FinanceDeps, "budgets">,
  principal: Principal,
  ententeId: string,
  from: number,
  options: NextExerciseOptions,
): Promise<BudgetVersionRecord> {
  assertCan(principal, { kind: "edit-budget", ententeId });
  return deps.budgets.openExercise(ententeId, from, actorOf(principal), ({ previous, years }) =>
    planNextExercise({ year: from, lines: previous.lines }, years, options),
  );
}

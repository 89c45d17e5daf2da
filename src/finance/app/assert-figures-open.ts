import { assertYearFiguresOpen, yearsAltered } from "../domain/budget-lifecycle.ts";
import type { FinanceDeps } from "./finance-deps.ts";

/**
 * Deliberated amounts never change under the members' feet: a change that would alter the
 * figures of a budget the conference approved (ratifying) or the members adopted is refused
 * (`budget.figures_frozen`) until an amending budget (a new draft version) is opened for it.
 *
 * `years`: the exercises whose figures the change alters; `"all"` for keys and missions, which
 * every exercise uses. A year's figures include the recalls of the exercises called in it, so
 * changing exercise Y also alters its call year. Checked before the change's transaction.
 */
export async function assertFiguresOpen(
  deps: Pick<FinanceDeps, "ententes" | "budgets">,
  ententeId: string,
  years: readonly number[] | "all",
): Promise<void> {
  const entente = await deps.ententes.loadEntente(ententeId);
  for (const year of yearsAltered(entente, years)) {
    assertYearFiguresOpen(year, await deps.budgets.latest(ententeId, year));
  }
}

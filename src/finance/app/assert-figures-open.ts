import { budgetStatusLabel } from "../domain/budget-status.ts";
import { EntenteError } from "../errors.ts";
import type { ConsoleDeps } from "./console-deps.ts";

/**
 * Deliberated amounts never change under the members' feet: a change that would alter the
 * figures of a budget the conference approved (ratifying) or the members adopted is refused
 * (`budget.figures_frozen`) until an amending budget (a new draft version) is opened for it.
 *
 * `years`: the exercises whose figures the change alters; `"all"` for keys and missions, which
 * every exercise uses. A year's figures include the recalls of the exercises called in it, so
 * changing exercise Y also alters its call year.
 */
export async function assertFiguresOpen(
  deps: ConsoleDeps,
  ententeId: string,
  years: readonly number[] | "all",
): Promise<void> {
  const entente = await deps.ententes.loadEntente(ententeId);
  const affected = new Set<number>();
  for (const exercise of entente.exercises) {
    if (years === "all" || years.includes(exercise.year)) {
      affected.add(exercise.year);
      affected.add(exercise.calledIn);
    }
  }
  for (const year of [...affected].sort()) {
    const budget = await deps.console.getBudget(ententeId, year);
    if (budget !== null && budget.status !== "draft") {
      throw new EntenteError("budget.figures_frozen", { year, status: budgetStatusLabel(budget.status) });
    }
  }
}

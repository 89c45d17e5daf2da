import {
  assertAdoptedFiguresUntouched,
  assertYearFiguresOpen,
  yearsAltered,
} from "../domain/budget-lifecycle.ts";
import type { FinanceDeps } from "./finance-deps.ts";

/**
 * Deliberated amounts never change under the members' feet: a change that would alter the
 * figures of a budget the conference approved (ratifying) or the members adopted is refused
 * (`budget.figures_frozen`) until an amending budget (a new draft version) is opened for it.
 *
 * `years`: the exercises whose figures the change alters; `"all"` for keys and missions, which
 * every exercise uses. A year's figures include the recalls of the exercises called in it, so
 * changing exercise Y also alters its call year. Checked before the change's transaction.
 *
 * `what`: `"lines"` when only the latest version's lines, advances or adjustments change (a
 * draft, possibly an amending budget: the version in force — and so what everyone reads — stays
 * as adopted — but the exercise that recalls it must have no adopted version, whose figures in
 * force would move); `"shared"` for keys and missions, which no version owns: they alter the
 * adopted figures, so a year with an adopted version refuses them even while a DM is open
 * (`budget.adopted_figures_frozen`, at `field`).
 */
export async function assertFiguresOpen(
  deps: Pick<FinanceDeps, "ententes" | "budgets">,
  ententeId: string,
  years: readonly number[] | "all",
  what: { readonly kind: "lines" | "shared"; readonly field?: readonly (string | number)[] } = {
    kind: "shared",
  },
): Promise<void> {
  const entente = await deps.ententes.loadEntente(ententeId);
  const versions = await deps.budgets.listVersions(ententeId);
  const adopted = new Set(versions.filter((v) => v.status === "adopted").map((v) => v.year));
  // Lines of an amending budget: only its own draft changes, nothing in force.
  const changing = what.kind === "lines" && years !== "all" ? years.filter((y) => !adopted.has(y)) : years;
  const altered = yearsAltered(entente, changing);
  // Keys and missions: the first exercise they may start from, after every deliberated one they touch.
  const deliberated = altered.filter((y) => versions.some((v) => v.year === y && v.status !== "draft"));
  const next = what.kind === "shared" && deliberated.length > 0 ? Math.max(...deliberated) + 1 : undefined;
  for (const year of altered) {
    assertYearFiguresOpen(year, await deps.budgets.latest(ententeId, year), next, what.field ?? []);
    // A draft's lines feed the exercise that recalls it: when that one is adopted, its figures in
    // force would move (even while a DM of it is open), so the draft must wait for a DM of its own.
    if (what.kind === "shared" || adopted.has(year))
      assertAdoptedFiguresUntouched(year, adopted.has(year), what.field ?? [], next);
  }
}

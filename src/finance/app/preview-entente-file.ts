import { assertCan, type Principal } from "../../access/index.ts";
import { yearsAltered } from "../domain/budget-lifecycle.ts";
import { budgetStatusLabel } from "../domain/budget-status.ts";
import { diffEntentes, type EntenteChange } from "../domain/diff-ententes.ts";
import type { Entente } from "../domain/entente.ts";
import type { Issue } from "../errors.ts";
import type { FinanceDeps } from "./finance-deps.ts";

/** What applying an entente file would do: every change, and those refused. */
export interface EntentePreview {
  readonly changes: readonly EntenteChange[];
  /**
   * `entente.removal_refused` at each member, key or exercise the file lacks (a mission the file
   * lacks is removed, refused only where its lines are in a frozen year), and
   * `budget.figures_frozen` at each change that would alter a year whose budget is approved or
   * adopted (an adopted figure never moves), the field named; empty when the file may be applied.
   */
  readonly refused: readonly Issue[];
}

/**
 * A change that removes a member, key or exercise (its name, label or call year is gone): refused.
 * A member that leaves keeps its record with a leave date (`to`); a mission may go (see below).
 */
const REMOVAL = /^(members\[[^\]]+\]\.name|keys\[[^\]]+\]\.label|exercises\[\d+\]\.calledIn)$/;

/**
 * The changes with, for a mission the file removes, the years its removal alters: those whose
 * stored lines name it (the diff says "every year" for a mission's members and keys, true while
 * it stays). A mission without lines in a frozen year may go; its service plans go with it.
 */
function withMissionRemovals(
  current: Entente,
  next: Entente,
  changes: readonly EntenteChange[],
): EntenteChange[] {
  const kept = new Set(next.missions.map((m) => m.id));
  const removed = current.missions.filter((m) => !kept.has(m.id)).map((m) => m.id);
  if (removed.length === 0) return [...changes];
  const yearsOf = (mission: string) =>
    current.exercises.filter((e) => e.lines.some((l) => l.mission === mission)).map((e) => e.year);
  return changes.map((change) => {
    const mission = removed.find((id) => change.field.startsWith(`missions[${id}].`));
    return mission === undefined ? change : { ...change, years: yearsOf(mission) };
  });
}

function removals(changes: readonly EntenteChange[]): Issue[] {
  return changes
    .filter((change) => change.after === null && REMOVAL.test(change.field))
    .map((change) => ({
      code: "entente.removal_refused",
      path: [change.field],
      details: { field: change.field.replace(/\.(name|label|calledIn)$/, "") },
    }));
}

/** The frozen years' statuses, each year asked once. */
async function frozenYears(
  deps: Pick<FinanceDeps, "budgets">,
  ententeId: string,
  years: readonly number[],
): Promise<Map<number, Issue["details"]["status"]>> {
  const frozen = new Map<number, Issue["details"]["status"]>();
  for (const year of years) {
    // As the apply's rule: a year with an adopted version stays adopted while a DM is prepared.
    const latest = await deps.budgets.latest(ententeId, year);
    const inForce = await deps.budgets.inForce(ententeId, year);
    const status = inForce?.status === "adopted" ? "adopted" : latest?.status;
    if (status !== undefined && status !== "draft") frozen.set(year, budgetStatusLabel(status));
  }
  return frozen;
}

/**
 * Compares the stored entente with `next` (an entente file read by the caller) and says what
 * applying it would change, refusing every change that would alter the figures of a year the
 * conference approved or the members adopted (CGCT L5221-2; a change of a year also alters the
 * year it is called in). Stores nothing.
 */
export async function previewEntenteFile(
  deps: Pick<FinanceDeps, "ententes" | "budgets">,
  principal: Principal,
  ententeId: string,
  next: Entente,
): Promise<EntentePreview> {
  assertCan(principal, { kind: "read-drafts", ententeId });
  const current = await deps.ententes.loadEntente(ententeId);
  const changes = withMissionRemovals(current, next, diffEntentes(current, next));
  const touched = (years: EntenteChange["years"]) => [
    ...new Set([...yearsAltered(current, years), ...yearsAltered(next, years)]),
  ];
  const frozen = await frozenYears(deps, ententeId, touched("all"));
  const refused = changes.flatMap((change): Issue[] => {
    const year = touched(change.years).find((y) => frozen.has(y));
    if (year === undefined) return [];
    return [
      {
        code: "budget.figures_frozen",
        path: [change.field],
        details: { year, status: frozen.get(year) ?? "" },
      },
    ];
  });
  return { changes, refused: [...removals(changes), ...refused] };
}

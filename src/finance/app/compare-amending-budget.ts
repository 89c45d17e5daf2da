import { assertCan, type Principal } from "../../access/index.ts";
import { type LineDelta, lineDeltas, type MemberDelta, memberDeltas } from "../domain/amending-delta.ts";
import { yearsAltered } from "../domain/budget-lifecycle.ts";
import { computeBudgetReport } from "../domain/compute-budget-report.ts";
import { ententeForYear } from "../domain/entente-for-year.ts";
import { validateEntente } from "../domain/validate-entente.ts";
import { EntenteError, type Issue } from "../errors.ts";
import type { FinanceDeps } from "./finance-deps.ts";
import type { BudgetVersionSummary } from "./ports/budget-store.ts";
import { requireExercise } from "./require-exercise.ts";

/** An amending budget beside the budget in force (see compareAmendingBudget). Amounts in cents. */
export interface AmendingComparison {
  readonly year: number;
  readonly adopted: Omit<BudgetVersionSummary, "rowVersion">;
  readonly amended: BudgetVersionSummary;
  readonly lines: readonly LineDelta[];
  /** Per call year its figures feed, each member's figure before and after; empty while `problems`. */
  readonly members: readonly MemberDelta[];
  readonly memberNames: Readonly<Record<string, string>>;
  /** Why the amended figures cannot be computed yet (a draft out of balance…). */
  readonly problems: readonly Issue[];
}

const summary = ({ id, year, number, label, status }: BudgetVersionSummary) => ({
  id,
  year,
  number,
  label,
  status,
});

/**
 * Exercise `year`'s latest amending budget (décision modificative, any status) beside the
 * version in force before it (the adopted one while the DM is prepared; once the DM is adopted,
 * the one it replaced): every line with its delta, and each member's figure of every call year
 * the exercise feeds with its delta — the complementary call or reduction it will produce where
 * calls were issued. For those who may read drafts only (the secretariat).
 * @throws EntenteError `access.forbidden`, `resource.not_found` (exercise), `amending.none_open`.
 */
export async function compareAmendingBudget(
  deps: Pick<FinanceDeps, "ententes" | "budgets">,
  principal: Principal,
  ententeId: string,
  year: number,
): Promise<AmendingComparison> {
  assertCan(principal, { kind: "read-drafts", ententeId });
  const amended = requireExercise(await deps.budgets.latest(ententeId, year), year);
  const before = (await deps.budgets.listVersions(ententeId)).filter(
    (v) => v.year === year && v.number < amended.number && v.status === "adopted",
  );
  const base = before.at(-1);
  if (amended.number === 1 || base === undefined)
    throw new EntenteError("amending.none_open", { year, label: amended.label });
  const baseVersion = requireExercise(await deps.budgets.version(ententeId, year, base.number), year);
  // Both with the exercise read from the named version, whichever is in force.
  const [adoptedEntente, draft] = await Promise.all([
    deps.ententes.loadEntenteDraft(ententeId, year, base.number),
    deps.ententes.loadEntenteDraft(ententeId, year, amended.number),
  ]);
  const problems = validateEntente(ententeForYear(draft, year));
  const members =
    problems.length > 0
      ? []
      : yearsAltered(draft, [year]).flatMap((y) =>
          memberDeltas(
            y,
            computeBudgetReport(adoptedEntente, y).fundCalls,
            computeBudgetReport(draft, y).fundCalls,
          ),
        );
  return {
    year,
    adopted: summary(base),
    amended,
    lines: lineDeltas(baseVersion.lines, amended.lines),
    members,
    memberNames: Object.fromEntries(draft.members.map((m) => [m.id, m.name])),
    problems,
  };
}

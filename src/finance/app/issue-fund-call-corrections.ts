import { assertCan, type Principal } from "../../access/index.ts";
import { yearsAltered } from "../domain/budget-lifecycle.ts";
import { budgetStatusLabel } from "../domain/budget-status.ts";
import { computeBudgetReport } from "../domain/compute-budget-report.ts";
import { assertDateInRange, isoDay } from "../domain/date-rules.ts";
import { assertCorrectionsNotIssued, planCorrections } from "../domain/fund-call-corrections.ts";
import { EntenteError } from "../errors.ts";
import { actorOf } from "./actor-of.ts";
import type { FinanceDeps } from "./finance-deps.ts";
import type { FundCallRecord } from "./ports/fund-call-store.ts";
import { requireExercise } from "./require-exercise.ts";

/**
 * Issues the complementary calls (titres complémentaires) and reductions (réductions de titre)
 * of exercise `year`'s latest amending budget, once every member adopted it: for every year
 * whose calls its figures feed (the exercise and the year it is called in) and whose calls were
 * issued, each member's figure under the amended budget minus what it was called
 * (domain/fund-call-corrections.ts: rule, rounding, references). Issued calls are never
 * rewritten. One transaction, audited (`fund_call_correction`, `2023#2`); once per amending
 * budget (checked in the transaction).
 * @returns the calls of those years with their corrections (empty when none was issued).
 * @throws EntenteError `amending.none_open` (the latest version is the budget primitif),
 *   `fund_call.amending_not_adopted`, `fund_call.corrections_already_issued`,
 *   `fund_call.correction_without_call`, `date.*` (dueOn).
 */
export async function issueFundCallCorrections(
  deps: Pick<FinanceDeps, "ententes" | "budgets" | "fundCalls" | "clock">,
  principal: Principal,
  ententeId: string,
  year: number,
  dueOn: string | null,
): Promise<FundCallRecord[]> {
  return (await issueAmendingCorrections(deps, principal, ententeId, year, dueOn)).calls;
}

/**
 * issueFundCallCorrections, with the amending budget whose corrections were issued, so that a
 * caller tells what this run issued (`correctionsIssuedBy`) from what earlier DMs had.
 */
export async function issueAmendingCorrections(
  deps: Pick<FinanceDeps, "ententes" | "budgets" | "fundCalls" | "clock">,
  principal: Principal,
  ententeId: string,
  year: number,
  dueOn: string | null,
): Promise<{ budget: { year: number; number: number; label: string }; calls: FundCallRecord[] }> {
  assertCan(principal, { kind: "issue-fund-calls", ententeId });
  const now = deps.clock.now();
  assertDateInRange(dueOn, isoDay(now), "dueOn");
  const budget = requireExercise(await deps.budgets.latest(ententeId, year), year);
  if (budget.number === 1) throw new EntenteError("amending.none_open", { year, label: budget.label });
  if (budget.status !== "adopted")
    throw new EntenteError("fund_call.amending_not_adopted", {
      label: budget.label,
      status: budgetStatusLabel(budget.status),
    });
  const entente = await deps.ententes.loadEntente(ententeId);
  const callYears = yearsAltered(entente, [year]);
  const targets = new Map(callYears.map((y) => [y, computeBudgetReport(entente, y).fundCalls]));
  const calls = await deps.fundCalls.issueCorrections(
    ententeId,
    budget,
    callYears,
    now,
    actorOf(principal),
    (issued) => {
      assertCorrectionsNotIssued(budget, issued);
      return callYears.flatMap((y) =>
        planCorrections(y, targets.get(y) ?? [], issued, budget).map((c) => ({ ...c, dueOn })),
      );
    },
  );
  return { budget: { year: budget.year, number: budget.number, label: budget.label }, calls };
}

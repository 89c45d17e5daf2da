import { assertCan, type Principal } from "../../access/index.ts";
import { computeBudgetReport } from "../domain/compute-budget-report.ts";
import { assertDateInRange, isoDay } from "../domain/date-rules.ts";
import {
  assertDueOnGiven,
  assertFundCallsMayBeIssued,
  assertFundCallsNotIssued,
  fundCallReference,
} from "../domain/fund-call-rules.ts";
import { actorOf } from "./actor-of.ts";
import type { FinanceDeps } from "./finance-deps.ts";
import type { FundCallRecord, NewFundCall } from "./ports/fund-call-store.ts";

/**
 * Issues the year's fund calls (appels de fonds) from the computed figures: current share,
 * recalls and adjustments of every exercise called that year. Only once the year's budget is
 * adopted (every member ratified, CGCT L5221-2), and only once per year (checked in the
 * transaction of the issue), with their due date. A member without a share gets a 0,00 € call,
 * settled at once (fundCallStatus). Dated by the injected clock (a payment is not received
 * before its call is issued: assertNotBeforeIssue).
 * @throws EntenteError fund_call.budget_not_adopted | fund_call.due_on_required |
 *   fund_call.already_issued
 */
export async function issueFundCalls(
  deps: Pick<FinanceDeps, "ententes" | "budgets" | "fundCalls" | "clock">,
  principal: Principal,
  ententeId: string,
  year: number,
  dueOn: string | null,
): Promise<FundCallRecord[]> {
  assertCan(principal, { kind: "issue-fund-calls", ententeId });
  const now = deps.clock.now();
  assertDateInRange(dueOn, isoDay(now), "dueOn");
  assertFundCallsMayBeIssued(year, await deps.budgets.inForce(ententeId, year));
  assertDueOnGiven(year, dueOn);
  const report = computeBudgetReport(await deps.ententes.loadEntente(ententeId), year);
  const calls = report.fundCalls.map(
    (row): NewFundCall => ({
      memberId: row.member,
      amountCents: row.total,
      dueOn,
      reference: fundCallReference(year, row.member),
    }),
  );
  return deps.fundCalls.issue(ententeId, year, calls, now, actorOf(principal), (issued) =>
    assertFundCallsNotIssued(year, issued),
  );
}

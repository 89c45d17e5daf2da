import { assertCan, type Principal } from "../../access/index.ts";
import { assertNotInFuture, isoDay } from "../domain/date-rules.ts";
import {
  assertDeliberationIdentified,
  assertMemberOfDecisionYear,
  assertRatificationOpen,
  budgetStatusAfter,
} from "../domain/ratification.ts";
import { actorOf } from "./actor-of.ts";
import type { FinanceDeps } from "./finance-deps.ts";
import type { DecisionRecord, RatificationChange } from "./ports/decision-store.ts";

/**
 * Records a member's deliberation on a decision (délibération concordante): refused once the
 * budget it approves is adopted, and a deliberation that decides must be identified. In the
 * transaction of the write, the budget the decision approves becomes `adopted` when every member
 * has ratified (`ratifying` otherwise, CGCT L5221-2). Only a member of the entente in the
 * decision's year deliberates (`ratification.not_member`).
 */
export async function recordRatification(
  deps: Pick<FinanceDeps, "ententes" | "budgets" | "decisions" | "clock">,
  principal: Principal,
  ententeId: string,
  decisionId: string,
  memberId: string,
  change: RatificationChange,
  rowVersion: number,
): Promise<DecisionRecord> {
  assertCan(principal, { kind: "record-ratification", ententeId, memberId });
  assertNotInFuture(change.deliberatedOn, isoDay(deps.clock.now()), "deliberatedOn");
  const decision = (await deps.decisions.list(ententeId)).find((d) => d.id === decisionId);
  if (decision !== undefined) {
    const latest =
      decision.budgetYear === null ? null : await deps.budgets.latest(ententeId, decision.budgetYear);
    assertRatificationOpen(decision, latest);
    const member = (await deps.ententes.loadEntente(ententeId)).members.find((m) => m.id === memberId);
    if (member !== undefined) assertMemberOfDecisionYear(member, decision);
    assertDeliberationIdentified(change, decision.conferenceDate);
  }
  return deps.decisions.updateRatification(
    ententeId,
    decisionId,
    memberId,
    change,
    rowVersion,
    actorOf(principal),
    budgetStatusAfter,
  );
}

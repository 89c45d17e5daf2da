import { assertCan, type Principal } from "../../access/index.ts";
import type { Cents } from "../../shared/money.ts";
import { assertNotInFuture, isoDay } from "../domain/date-rules.ts";
import {
  assertNotBeforeIssue,
  assertPaymentPositive,
  assertPaymentWithinDue,
} from "../domain/fund-call-rules.ts";
import { actorOf } from "./actor-of.ts";
import type { FinanceDeps } from "./finance-deps.ts";
import type { FundCallRecord } from "./ports/fund-call-store.ts";

/**
 * Records a payment received against a member's fund call (amount in cents, > 0, at most what is
 * still due — checked in the transaction of the write, on the call's payments as they stand),
 * dated no later than today and no earlier than the day the call was issued.
 * @throws EntenteError `payment.not_positive`, `date.*` (paidOn), `resource.not_found`,
 *   `payment.before_issue` (paidOn), `payment.exceeds_due`.
 */
export async function recordPayment(
  deps: Pick<FinanceDeps, "fundCalls" | "clock">,
  principal: Principal,
  ententeId: string,
  year: number,
  memberId: string,
  payment: { amountCents: Cents; paidOn: string; reference: string | null },
): Promise<FundCallRecord> {
  assertCan(principal, { kind: "record-payment", ententeId, memberId });
  assertPaymentPositive(payment.amountCents);
  assertNotInFuture(payment.paidOn, isoDay(deps.clock.now()), "paidOn");
  return deps.fundCalls.addPayment(ententeId, year, memberId, payment, actorOf(principal), (call) => {
    assertNotBeforeIssue(call, payment.paidOn, "paidOn");
    assertPaymentWithinDue(call, payment.amountCents);
  });
}

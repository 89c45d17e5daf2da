import { assertCan, type Principal } from "../../access/index.ts";
import type { Cents } from "../../shared/money.ts";
import { assertNotInFuture, isoDay } from "../domain/date-rules.ts";
import {
  assertNotBeforeIssue,
  assertRefundPositive,
  assertRefundReferenceFree,
  assertRefundWithinOverpayment,
} from "../domain/fund-call-rules.ts";
import { actorOf } from "./actor-of.ts";
import type { FinanceDeps } from "./finance-deps.ts";
import type { FundCallRecord } from "./ports/fund-call-store.ts";

/**
 * Records the refund of a trop-perçu to a member (mandat de remboursement, issue 9 item 5):
 * after an amending budget lowered its share, the member paid more than it is now called for the
 * year; the entente's budget holder pays the difference back. Amount in cents (> 0, at `amount`:
 * `refund.not_positive`), at most the trop-perçu — checked in the transaction of the write on the
 * call as it stands (`refund.exceeds_overpayment`, at `amount`); the date no later than the
 * clock's today (`date.in_future`, at `refundedOn`) and no earlier than the day the call was
 * issued (`refund.before_issue`, at `refundedOn`) — but not after the payment it pays back (a
 * trop-perçu is the call's, not one payment's); its mandat reference not already one of the
 * call's refunds (`refund.reference_taken`, 409 at `reference`: a replayed request).
 * Net paid = payments − refunds, so the dashboard still adds up (due = called − paid).
 *
 * The secretariat's only, as issuing titres is (`issue-fund-calls`): a refund is a mandat of the
 * entente's budget, not something a member records for itself. Audited (`fund_call_refund`).
 * @throws EntenteError `access.forbidden`, `refund.not_positive`, `date.*`, `resource.not_found`,
 *   `refund.before_issue`, `refund.reference_taken`, `refund.exceeds_overpayment`.
 */
export async function recordRefund(
  deps: Pick<FinanceDeps, "fundCalls" | "clock">,
  principal: Principal,
  ententeId: string,
  year: number,
  memberId: string,
  refund: { amountCents: Cents; refundedOn: string; reference: string },
): Promise<FundCallRecord> {
  assertCan(principal, { kind: "issue-fund-calls", ententeId });
  assertRefundPositive(refund.amountCents);
  assertNotInFuture(refund.refundedOn, isoDay(deps.clock.now()), "refundedOn");
  return deps.fundCalls.addRefund(ententeId, year, memberId, refund, actorOf(principal), (call) => {
    assertNotBeforeIssue(call, refund.refundedOn, "refundedOn");
    assertRefundReferenceFree(call, refund.reference);
    assertRefundWithinOverpayment(call, refund.amountCents);
  });
}

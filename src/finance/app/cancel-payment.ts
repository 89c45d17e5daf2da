import { assertCan, type Principal } from "../../access/index.ts";
import { assertCancellationCoversRefunds } from "../domain/fund-call-rules.ts";
import { EntenteError, localized } from "../errors.ts";
import { actorOf } from "./actor-of.ts";
import type { FinanceDeps } from "./finance-deps.ts";
import type { FundCallRecord } from "./ports/fund-call-store.ts";

/**
 * Cancels a payment recorded by mistake (wrong amount, wrong member): the fund call's due amount
 * goes back up; the audit trail keeps the payment and the reason. Secretariat only. Refused while
 * the payments left would not cover what was refunded on the call — checked in the transaction
 * of the delete, on the call's row locked as a refund locks it, so that a refund and a
 * cancellation at once cannot both pass.
 * @throws EntenteError resource.not_found for a payment of another entente or none;
 *   `payment.cancel_below_refunds`.
 */
export async function cancelPayment(
  deps: Pick<FinanceDeps, "fundCalls">,
  principal: Principal,
  ententeId: string,
  paymentId: string,
  reason: string,
): Promise<FundCallRecord> {
  assertCan(principal, { kind: "issue-fund-calls", ententeId });
  const call = await deps.fundCalls.cancelPayment(
    ententeId,
    paymentId,
    reason,
    actorOf(principal),
    (current) => assertCancellationCoversRefunds(current, paymentId),
  );
  if (call === null)
    throw new EntenteError("resource.not_found", { what: localized("paiement", "payment"), id: paymentId });
  return call;
}

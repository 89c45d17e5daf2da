import { assertCan, type Principal } from "../../access/index.ts";
import { EntenteError, localized } from "../errors.ts";
import { actorOf } from "./actor-of.ts";
import type { FinanceDeps } from "./finance-deps.ts";
import type { FundCallRecord } from "./ports/fund-call-store.ts";

/**
 * Cancels a payment recorded by mistake (wrong amount, wrong member): the fund call's due amount
 * goes back up; the audit trail keeps the payment and the reason. Secretariat only.
 * @throws EntenteError resource.not_found for a payment of another entente or none.
 */
export async function cancelPayment(
  deps: Pick<FinanceDeps, "fundCalls">,
  principal: Principal,
  ententeId: string,
  paymentId: string,
  reason: string,
): Promise<FundCallRecord> {
  assertCan(principal, { kind: "issue-fund-calls", ententeId });
  const call = await deps.fundCalls.cancelPayment(ententeId, paymentId, reason, actorOf(principal));
  if (call === null)
    throw new EntenteError("resource.not_found", { what: localized("paiement", "payment"), id: paymentId });
  return call;
}

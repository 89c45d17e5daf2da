import { assertCan, canPerform, type Principal } from "../../access/index.ts";
import { type Cents, formatEuros } from "../../shared/money.ts";
import { budgetStatusLabel } from "../domain/budget-status.ts";
import { computeBudgetReport } from "../domain/compute-budget-report.ts";
import { EntenteError, localized } from "../errors.ts";
import type { ConsoleDeps } from "./console-deps.ts";
import type { FundCallRecord } from "./ports.ts";
import { actorOf } from "./update-member.ts";

/** Fund calls of the entente (one year or all); a finance officer sees its member's only. */
export async function listFundCalls(
  deps: ConsoleDeps,
  principal: Principal,
  ententeId: string,
  year: number | null,
): Promise<FundCallRecord[]> {
  assertCan(principal, { kind: "read", ententeId });
  const calls = await deps.console.listFundCalls(ententeId, year);
  if (principal.role === "finance" && !canPerform(principal, { kind: "read-drafts", ententeId })) {
    return calls.filter((c) => c.memberId === principal.memberId);
  }
  return calls;
}

/**
 * Issues the year's fund calls (appels de fonds) from the computed figures: current share,
 * recalls and adjustments of every exercise called that year. Only once the year's budget is
 * adopted (every member ratified, CGCT L5221-2), and only once per year.
 * @throws EntenteError fund_call.budget_not_adopted | fund_call.already_issued
 */
export async function issueFundCalls(
  deps: ConsoleDeps,
  principal: Principal,
  ententeId: string,
  year: number,
  dueOn: string | null,
): Promise<FundCallRecord[]> {
  assertCan(principal, { kind: "issue-fund-calls", ententeId });
  const budget = await deps.console.getBudget(ententeId, year);
  if (budget !== null && budget.status !== "adopted")
    throw new EntenteError("fund_call.budget_not_adopted", {
      year,
      status: budgetStatusLabel(budget.status),
    });
  const report = computeBudgetReport(await deps.ententes.loadEntente(ententeId), year);
  return deps.console.issueFundCalls(
    ententeId,
    year,
    report.fundCalls.map((row) => ({ memberId: row.member, amountCents: row.total })),
    dueOn,
    actorOf(principal),
  );
}

/** Records a payment received against a member's fund call (amount in cents, > 0). */
export async function recordPayment(
  deps: ConsoleDeps,
  principal: Principal,
  ententeId: string,
  year: number,
  memberId: string,
  payment: { amountCents: Cents; paidOn: string; reference: string | null },
): Promise<FundCallRecord> {
  assertCan(principal, { kind: "record-payment", ententeId, memberId });
  if (payment.amountCents <= 0n)
    throw new EntenteError("amount.negative", { value: String(payment.amountCents) }, { path: ["amount"] });
  const call = (await deps.console.listFundCalls(ententeId, year)).find((c) => c.memberId === memberId);
  if (call !== undefined) {
    const due = call.amountCents - call.payments.reduce((sum, p) => sum + p.amountCents, 0n);
    if (payment.amountCents > due) {
      throw new EntenteError(
        "payment.exceeds_due",
        { amount: `${formatEuros(payment.amountCents)} €`, due: `${formatEuros(due)} €` },
        { path: ["amount"] },
      );
    }
  }
  return deps.console.addPayment(ententeId, year, memberId, payment, actorOf(principal));
}

/**
 * Cancels a payment recorded by mistake (wrong amount, wrong member): the fund call's due amount
 * goes back up; the audit trail keeps the payment and the reason. Secretariat only.
 * @throws EntenteError resource.not_found for a payment of another entente or none.
 */
export async function cancelPayment(
  deps: ConsoleDeps,
  principal: Principal,
  ententeId: string,
  paymentId: string,
  reason: string,
): Promise<FundCallRecord> {
  assertCan(principal, { kind: "issue-fund-calls", ententeId });
  const call = await deps.console.cancelPayment(ententeId, paymentId, reason, actorOf(principal));
  if (call === null)
    throw new EntenteError("resource.not_found", { what: localized("paiement", "payment"), id: paymentId });
  return call;
}

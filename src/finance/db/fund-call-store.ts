import type { Kysely } from "kysely";
import { recordAudit } from "../../platform/db/record-audit.ts";
import type { Actor } from "../../shared/actor.ts";
import type {
  FundCallRecord,
  FundCallStore,
  NewFundCall,
  PaymentRecord,
} from "../app/ports/fund-call-store.ts";
import type { InTransactionRule } from "../app/ports/in-transaction-rule.ts";
import { EntenteError, localized } from "../errors.ts";
import { addRefund } from "./add-refund.ts";
import { issueCorrections } from "./issue-corrections.ts";
import { readFundCall, readFundCalls } from "./read-fund-calls.ts";
import type { FinanceDatabase } from "./tables.ts";

/** @throws EntenteError `resource.not_found` for the call of a member and year. */
function fundCallNotFound(year: number, memberId: string): never {
  throw new EntenteError("resource.not_found", {
    what: localized("appel de fonds", "fund call"),
    id: `${year}/${memberId}`,
  });
}

/** Issues a year's calls in one transaction with their audit event, once the rule allowed it. */
function issue(
  db: Kysely<FinanceDatabase>,
  target: { ententeId: string; year: number; issuedAt: Date; actor: Actor },
  calls: readonly NewFundCall[],
  rule: InTransactionRule<readonly FundCallRecord[]>,
): Promise<FundCallRecord[]> {
  const { ententeId, year, issuedAt, actor } = target;
  return db.transaction().execute(async (trx) => {
    rule(await readFundCalls(trx, ententeId, year));
    await trx
      .insertInto("fund_call")
      .values(
        calls.map((c) => ({
          entente_id: ententeId,
          year,
          member_id: c.memberId,
          amount_cents: c.amountCents,
          due_on: c.dueOn,
          reference: c.reference,
          issued_at: issuedAt,
        })),
      )
      .execute();
    const issued = await readFundCalls(trx, ententeId, year);
    await recordAudit(trx, {
      actor,
      ententeId,
      action: "issue",
      entity: "fund_call",
      entityId: String(year),
      after: issued.map((c) => ({ member: c.memberId, amount: c.amountCents })),
    });
    return issued;
  });
}

/** Records a payment in one transaction with its audit event, once the rule accepted it. */
function addPayment(
  db: Kysely<FinanceDatabase>,
  target: { ententeId: string; year: number; memberId: string; actor: Actor },
  payment: Omit<PaymentRecord, "id">,
  rule: InTransactionRule<FundCallRecord>,
): Promise<FundCallRecord> {
  const { ententeId, year, memberId, actor } = target;
  return db.transaction().execute(async (trx) => {
    const call = (await readFundCall(trx, ententeId, year, memberId)) ?? fundCallNotFound(year, memberId);
    rule(call);
    const inserted = await trx
      .insertInto("payment")
      .values({
        fund_call_id: BigInt(call.id),
        amount_cents: payment.amountCents,
        paid_on: payment.paidOn,
        reference: payment.reference,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor,
      ententeId,
      action: "create",
      entity: "payment",
      entityId: String(inserted.id),
      after: { fundCall: call.id, ...payment },
    });
    return (await readFundCall(trx, ententeId, year, memberId)) ?? fundCallNotFound(year, memberId);
  });
}

/**
 * Deletes a payment recorded by mistake once `rule` accepted it on its call as it stands; the
 * audit event keeps it with the reason. The call's row is locked first, as addRefund locks it,
 * so that a refund and a cancellation at once are checked one after the other.
 */
function cancelPayment(
  db: Kysely<FinanceDatabase>,
  target: { ententeId: string; paymentId: string; reason: string; actor: Actor },
  rule: InTransactionRule<FundCallRecord>,
): Promise<FundCallRecord | null> {
  const { ententeId, paymentId, reason, actor } = target;
  return db.transaction().execute(async (trx) => {
    const payment = await trx
      .selectFrom("payment")
      .innerJoin("fund_call", "fund_call.id", "payment.fund_call_id")
      .select([
        "payment.id",
        "payment.amount_cents",
        "payment.paid_on",
        "payment.reference",
        "fund_call.year",
        "fund_call.member_id",
      ])
      .where("payment.id", "=", BigInt(paymentId))
      .where("fund_call.entente_id", "=", ententeId)
      .forUpdate("fund_call")
      .executeTakeFirst();
    if (payment === undefined) return null;
    // Read after the lock: the refunds and payments as they stand (another cancellation of this
    // payment may have deleted it while this one waited).
    const call = await readFundCall(trx, ententeId, payment.year, payment.member_id);
    if (call === undefined || !call.payments.some((p) => p.id === paymentId)) return null;
    rule(call);
    await trx.deleteFrom("payment").where("id", "=", payment.id).execute();
    await recordAudit(trx, {
      actor,
      ententeId,
      action: "cancel",
      entity: "payment",
      entityId: paymentId,
      before: {
        member: payment.member_id,
        year: payment.year,
        amountCents: payment.amount_cents,
        paidOn: payment.paid_on,
        reference: payment.reference,
      },
      after: { reason },
    });
    return (await readFundCall(trx, ententeId, payment.year, payment.member_id)) ?? null;
  });
}

/** PostgreSQL/PGlite implementation of `FundCallStore`. */
export function createFundCallStore(db: Kysely<FinanceDatabase>): FundCallStore {
  return {
    list: (ententeId, year) => readFundCalls(db, ententeId, year),
    issue: (ententeId, year, calls, issuedAt, actor, rule) =>
      issue(db, { ententeId, year, issuedAt, actor }, calls, rule),
    addPayment: (ententeId, year, memberId, payment, actor, rule) =>
      addPayment(db, { ententeId, year, memberId, actor }, payment, rule),
    addRefund: (ententeId, year, memberId, refund, actor, rule) =>
      addRefund(db, { ententeId, year, memberId, actor }, refund, rule),
    issueCorrections: (ententeId, budget, callYears, issuedAt, actor, rule) =>
      issueCorrections(db, { ententeId, budget, callYears, issuedAt, actor }, rule),
    async cancelPayment(ententeId, paymentId, reason, actor, rule) {
      if (!/^\d+$/.test(paymentId)) return null;
      return cancelPayment(db, { ententeId, paymentId, reason, actor }, rule);
    },
  };
}

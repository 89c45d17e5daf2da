import type { Kysely } from "kysely";
import type { FundCallRecord } from "../app/ports/fund-call-store.ts";
import type { FinanceDatabase } from "./tables.ts";

/** The payments of some calls, by date then id. */
function readPayments(db: Kysely<FinanceDatabase>, callIds: readonly bigint[]) {
  return db
    .selectFrom("payment")
    .selectAll()
    .where("fund_call_id", "in", callIds)
    .orderBy("paid_on")
    .orderBy("id")
    .execute();
}

/** The complementary calls and reductions of some calls, by id. */
function readCorrections(db: Kysely<FinanceDatabase>, callIds: readonly bigint[]) {
  return db
    .selectFrom("fund_call_correction")
    .selectAll()
    .where("fund_call_id", "in", callIds)
    .orderBy("id")
    .execute();
}

/** The refunds of a trop-perçu of some calls, by date then id. */
function readRefunds(db: Kysely<FinanceDatabase>, callIds: readonly bigint[]) {
  return db
    .selectFrom("fund_call_refund")
    .selectAll()
    .where("fund_call_id", "in", callIds)
    .orderBy("refunded_on")
    .orderBy("id")
    .execute();
}

/** The fund calls of one year (every year when null), by year then member order, with their payments. */
export async function readFundCalls(
  db: Kysely<FinanceDatabase>,
  ententeId: string,
  year: number | null,
): Promise<FundCallRecord[]> {
  let query = db
    .selectFrom("fund_call")
    .innerJoin("member", (j) =>
      j
        .onRef("member.entente_id", "=", "fund_call.entente_id")
        .onRef("member.id", "=", "fund_call.member_id"),
    )
    .selectAll("fund_call")
    .where("fund_call.entente_id", "=", ententeId)
    .orderBy("fund_call.year")
    .orderBy("member.position");
  if (year !== null) query = query.where("fund_call.year", "=", year);
  const calls = await query.execute();
  if (calls.length === 0) return [];
  const ids = calls.map((c) => c.id);
  const [payments, corrections, refunds] = await Promise.all([
    readPayments(db, ids),
    readCorrections(db, ids),
    readRefunds(db, ids),
  ]);
  return calls.map((c) => ({
    id: String(c.id),
    year: c.year,
    memberId: c.member_id,
    amountCents: c.amount_cents,
    dueOn: c.due_on,
    reference: c.reference,
    issuedAt: new Date(c.issued_at),
    corrections: corrections
      .filter((x) => x.fund_call_id === c.id)
      .map((x) => ({
        id: String(x.id),
        budgetYear: x.budget_year,
        budgetNumber: x.budget_number,
        amountCents: x.amount_cents,
        dueOn: x.due_on,
        reference: x.reference,
        issuedAt: new Date(x.issued_at),
      })),
    payments: payments
      .filter((p) => p.fund_call_id === c.id)
      .map((p) => ({
        id: String(p.id),
        amountCents: p.amount_cents,
        paidOn: p.paid_on,
        reference: p.reference,
      })),
    refunds: refunds
      .filter((r) => r.fund_call_id === c.id)
      .map((r) => ({
        id: String(r.id),
        amountCents: r.amount_cents,
        refundedOn: r.refunded_on,
        reference: r.reference,
      })),
  }));
}

/** A member's call of a year, or undefined. */
export async function readFundCall(
  db: Kysely<FinanceDatabase>,
  ententeId: string,
  year: number,
  memberId: string,
): Promise<FundCallRecord | undefined> {
  return (await readFundCalls(db, ententeId, year)).find((c) => c.memberId === memberId);
}

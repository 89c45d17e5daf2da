import type { Kysely } from "kysely";
import { recordAudit } from "../../platform/db/record-audit.ts";
import type { Actor } from "../../shared/actor.ts";
import type { FundCallRecord, NewFundCallCorrection } from "../app/ports/fund-call-store.ts";
import type { InTransactionRule } from "../app/ports/in-transaction-rule.ts";
import { EntenteError } from "../errors.ts";
import { readFundCalls } from "./read-fund-calls.ts";
import type { FinanceDatabase } from "./tables.ts";

/** The calls of some years, with their corrections and payments. */
async function callsOf(db: Kysely<FinanceDatabase>, ententeId: string, years: readonly number[]) {
  const all = await Promise.all(years.map((year) => readFundCalls(db, ententeId, year)));
  return all.flat();
}

/**
 * Issues an amending budget's complementary calls and reductions in one transaction with its
 * audit event: `rule` plans them on the calls of `callYears` as they stand, then each is stored
 * against its member's call (nothing stored when one fails).
 */
export function issueCorrections(
  db: Kysely<FinanceDatabase>,
  target: {
    ententeId: string;
    budget: { year: number; number: number };
    callYears: readonly number[];
    issuedAt: Date;
    actor: Actor;
  },
  rule: InTransactionRule<readonly FundCallRecord[], readonly NewFundCallCorrection[]>,
): Promise<FundCallRecord[]> {
  const { ententeId, budget, callYears, issuedAt, actor } = target;
  return db.transaction().execute(async (trx) => {
    // Two issues at once: the second waits for the first, then its rule sees the first's corrections.
    if (callYears.length > 0)
      await trx
        .selectFrom("fund_call")
        .select("id")
        .where("entente_id", "=", ententeId)
        .where("year", "in", [...callYears])
        .forUpdate()
        .execute();
    const before = await callsOf(trx, ententeId, callYears);
    const planned = rule(before);
    if (planned.length > 0)
      await trx
        .insertInto("fund_call_correction")
        .values(
          planned.map((c) => {
            const call = before.find((x) => x.year === c.callYear && x.memberId === c.memberId);
            if (call === undefined)
              throw new EntenteError("fund_call.correction_without_call", {
                member: c.memberId,
                year: c.callYear,
              });
            return {
              fund_call_id: BigInt(call.id),
              budget_year: budget.year,
              budget_number: budget.number,
              amount_cents: c.amountCents,
              due_on: c.dueOn,
              reference: c.reference,
              issued_at: issuedAt,
            };
          }),
        )
        .execute();
    await recordAudit(trx, {
      actor,
      ententeId,
      action: "issue",
      entity: "fund_call_correction",
      entityId: `${budget.year}#${budget.number}`,
      after: planned.map((c) => ({
        year: c.callYear,
        member: c.memberId,
        amount: c.amountCents,
        reference: c.reference,
      })),
    });
    return callsOf(trx, ententeId, callYears);
  });
}

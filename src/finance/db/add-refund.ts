import type { Kysely } from "kysely";
import { recordAudit } from "../../platform/db/record-audit.ts";
import type { Actor } from "../../shared/actor.ts";
import type { FundCallRecord, RefundRecord } from "../app/ports/fund-call-store.ts";
import type { InTransactionRule } from "../app/ports/in-transaction-rule.ts";
import { refundReferenceTaken } from "../domain/fund-call-rules.ts";
import { EntenteError, localized } from "../errors.ts";
import { readFundCall } from "./read-fund-calls.ts";
import type { FinanceDatabase } from "./tables.ts";

/** A violation of `fund_call_refund_reference_key` (PostgreSQL and PGlite: SQLSTATE 23505). */
const isReferenceTaken = (error: unknown): boolean =>
  typeof error === "object" &&
  error !== null &&
  (error as { code?: unknown }).code === "23505" &&
  (error as { constraint?: unknown }).constraint === "fund_call_refund_reference_key";

/**
 * Records a refund of a trop-perçu (mandat de remboursement) against a member's call of a year in
 * one transaction with its audit event (`fund_call_refund`), once the use case's rule accepted
 * it on the call as it stands. The call's row is locked first, so that two refunds at once are
 * checked one after the other and never pay back more than the trop-perçu together, nor record
 * one mandat reference twice (the unique index of migration 0181 backs that rule).
 * @throws EntenteError `resource.not_found` (no such call), or what `rule` throws.
 */
export function addRefund(
  db: Kysely<FinanceDatabase>,
  target: { ententeId: string; year: number; memberId: string; actor: Actor },
  refund: Omit<RefundRecord, "id">,
  rule: InTransactionRule<FundCallRecord>,
): Promise<FundCallRecord> {
  const { ententeId, year, memberId, actor } = target;
  const notFound = (): never => {
    throw new EntenteError("resource.not_found", {
      what: localized("appel de fonds", "fund call"),
      id: `${year}/${memberId}`,
    });
  };
  return db.transaction().execute(async (trx) => {
    await trx
      .selectFrom("fund_call")
      .select("id")
      .where("entente_id", "=", ententeId)
      .where("year", "=", year)
      .where("member_id", "=", memberId)
      .forUpdate()
      .execute();
    const call = (await readFundCall(trx, ententeId, year, memberId)) ?? notFound();
    rule(call);
    const inserted = await trx
      .insertInto("fund_call_refund")
      .values({
        fund_call_id: BigInt(call.id),
        amount_cents: refund.amountCents,
        refunded_on: refund.refundedOn,
        reference: refund.reference,
      })
      .returning("id")
      .executeTakeFirstOrThrow()
      .catch((error: unknown) => {
        // The unique index of migration 0181 (one reference per call), should the rule miss it.
        if (isReferenceTaken(error))
          throw refundReferenceTaken(call, refund.reference, null, { cause: error });
        throw error;
      });
    await recordAudit(trx, {
      actor,
      ententeId,
      action: "create",
      entity: "fund_call_refund",
      entityId: String(inserted.id),
      after: { fundCall: call.id, year, member: memberId, ...refund },
    });
    return (await readFundCall(trx, ententeId, year, memberId)) ?? notFound();
  });
}

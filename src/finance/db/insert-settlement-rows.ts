import type { Kysely } from "kysely";
import type { SettlementChange } from "../domain/settlement-change.ts";
import type { FinanceDatabase } from "./tables.ts";

/** Inserts an exercise's advances, then each adjustment with its amounts. */
export async function insertSettlementRows(
  trx: Kysely<FinanceDatabase>,
  ententeId: string,
  year: number,
  settlement: SettlementChange,
): Promise<void> {
  if (settlement.advances.length > 0) {
    await trx
      .insertInto("advance")
      .values(
        settlement.advances.map((a) => ({
          entente_id: ententeId,
          year,
          id: a.id,
          label: a.label,
          member_id: a.memberId,
          amount_cents: a.amountCents,
          key_id: a.keyId,
        })),
      )
      .execute();
  }
  for (const adjustment of settlement.adjustments) {
    await trx
      .insertInto("adjustment")
      .values({ entente_id: ententeId, year, id: adjustment.id, label: adjustment.label })
      .execute();
    if (adjustment.amounts.length > 0) {
      await trx
        .insertInto("adjustment_amount")
        .values(
          adjustment.amounts.map((x) => ({
            entente_id: ententeId,
            year,
            adjustment_id: adjustment.id,
            member_id: x.memberId,
            amount_cents: x.amountCents,
          })),
        )
        .execute();
    }
  }
}

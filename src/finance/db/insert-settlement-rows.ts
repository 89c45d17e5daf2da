import type { Kysely } from "kysely";
import type { SettlementChange } from "../domain/settlement-change.ts";
import type { FinanceDatabase } from "./tables.ts";

/**
 * Inserts an exercise's advances, then each adjustment with its amounts, under budget version
 * `versionId` (they are versioned with the budget since migration 0177).
 */
export async function insertSettlementRows(
  trx: Kysely<FinanceDatabase>,
  target: { readonly ententeId: string; readonly year: number; readonly versionId: bigint },
  settlement: SettlementChange,
): Promise<void> {
  const { ententeId, year, versionId } = target;
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
          budget_version_id: versionId,
        })),
      )
      .execute();
  }
  for (const adjustment of settlement.adjustments) {
    await trx
      .insertInto("adjustment")
      .values({
        entente_id: ententeId,
        year,
        id: adjustment.id,
        label: adjustment.label,
        budget_version_id: versionId,
      })
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
            budget_version_id: versionId,
          })),
        )
        .execute();
    }
  }
}

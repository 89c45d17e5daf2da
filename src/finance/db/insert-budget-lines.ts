import type { Kysely } from "kysely";
import type { BudgetLineRecord } from "../app/ports/budget-store.ts";
import type { FinanceDatabase } from "./tables.ts";

/** Inserts the lines of budget version `versionId`, positions in the order given. */
export async function insertBudgetLines(
  trx: Kysely<FinanceDatabase>,
  versionId: bigint,
  lines: readonly BudgetLineRecord[],
): Promise<void> {
  if (lines.length === 0) return;
  await trx
    .insertInto("budget_line")
    .values(
      lines.map((l, position) => ({
        budget_version_id: versionId,
        position,
        mission_id: l.missionId,
        label: l.label,
        section: l.section,
        direction: l.direction,
        receipt_kind: l.receiptKind,
        amount_cents: l.amountCents,
        nature: l.nature,
      })),
    )
    .execute();
}

import { type Kysely, sql } from "kysely";
import { runVersionedUpdate } from "../../platform/db/versioned-update.ts";
import type { SettlementRecord, SettlementStore } from "../app/ports/settlement-store.ts";
import { EntenteError, localized } from "../errors.ts";
import { insertSettlementRows } from "./insert-settlement-rows.ts";
import { readSettlement, settlementVersionId } from "./read-settlement.ts";
import type { FinanceDatabase } from "./tables.ts";

const SETTLEMENT = localized("l'ensemble des avances et régularisations", "the advances and adjustments");

/**
 * PostgreSQL/PGlite implementation of `SettlementStore`. The advances and adjustments of an
 * exercise change together: one `runVersionedUpdate` on the exercise's version, the rows of its
 * latest budget version replaced after the guarded write (earlier versions keep theirs).
 */
export function createSettlementStore(db: Kysely<FinanceDatabase>): SettlementStore {
  return {
    get: (ententeId, year, which) => readSettlement(db, ententeId, year, which),

    replace: (ententeId, year, settlement, rowVersion, actor) =>
      runVersionedUpdate<FinanceDatabase, SettlementRecord>(db, {
        what: SETTLEMENT,
        id: String(year),
        expectedVersion: rowVersion,
        audit: { actor, ententeId, entity: "settlement" },
        load: async (trx) => (await readSettlement(trx, ententeId, year)) ?? undefined,
        update: async (trx) =>
          (
            await trx
              .updateTable("exercise")
              .set({ row_version: sql`row_version + 1` })
              .where("entente_id", "=", ententeId)
              .where("year", "=", year)
              .where("row_version", "=", rowVersion)
              .executeTakeFirst()
          ).numUpdatedRows,
        afterUpdate: async (trx) => {
          // The latest version's rows only: the adopted ones stay as they were deliberated.
          const versionId = await settlementVersionId(trx, ententeId, year, "latest");
          if (versionId === null)
            throw new EntenteError("resource.not_found", { what: SETTLEMENT, id: String(year) });
          await trx.deleteFrom("advance").where("budget_version_id", "=", versionId).execute();
          // adjustment_amount rows go by ON DELETE CASCADE (0177).
          await trx.deleteFrom("adjustment").where("budget_version_id", "=", versionId).execute();
          await insertSettlementRows(trx, { ententeId, year, versionId }, settlement);
        },
      }),
  };
}

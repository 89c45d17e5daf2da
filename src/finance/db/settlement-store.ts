import { type Kysely, sql } from "kysely";
import { runVersionedUpdate } from "../../platform/db/versioned-update.ts";
import type { SettlementRecord, SettlementStore } from "../app/ports/settlement-store.ts";
import { localized } from "../errors.ts";
import { insertSettlementRows } from "./insert-settlement-rows.ts";
import { readSettlement } from "./read-settlement.ts";
import type { FinanceDatabase } from "./tables.ts";

const SETTLEMENT = localized("l'ensemble des avances et régularisations", "the advances and adjustments");

/**
 * PostgreSQL/PGlite implementation of `SettlementStore`. The advances and adjustments of an
 * exercise change together: one `runVersionedUpdate` on the exercise's version, the rows
 * replaced after the guarded write.
 */
export function createSettlementStore(db: Kysely<FinanceDatabase>): SettlementStore {
  return {
    get: (ententeId, year) => readSettlement(db, ententeId, year),

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
          await trx
            .deleteFrom("advance")
            .where("entente_id", "=", ententeId)
            .where("year", "=", year)
            .execute();
          await trx
            .deleteFrom("adjustment")
            .where("entente_id", "=", ententeId)
            .where("year", "=", year)
            .execute();
          await insertSettlementRows(trx, ententeId, year, settlement);
        },
      }),
  };
}

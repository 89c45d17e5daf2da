import { type Kysely, sql } from "kysely";
import { recordAudit } from "../../platform/db/record-audit.ts";
import { runVersionedUpdate } from "../../platform/db/versioned-update.ts";
import type { KeyRecord, KeyStore } from "../app/ports/key-store.ts";
import { EntenteError, localized } from "../errors.ts";
import { basisToJson } from "./key-period-json.ts";
import { readKeys } from "./read-keys.ts";
import { replaceKeyShares } from "./replace-key-shares.ts";
import type { FinanceDatabase } from "./tables.ts";

const KEY = localized("la clé", "the key");

/**
 * PostgreSQL/PGlite implementation of `KeyStore`; an edit is one `runVersionedUpdate`: the use
 * case's rule on the key as read in the transaction, the guarded write, the shares replaced.
 */
export function createKeyStore(db: Kysely<FinanceDatabase>): KeyStore {
  return {
    list: (ententeId) => readKeys(db, ententeId),
    setPeriod: (ententeId, keyId, period, actor) =>
      db.transaction().execute(async (trx) => {
        if (!(await readKeys(trx, ententeId)).some((k) => k.id === keyId))
          throw new EntenteError("resource.not_found", { what: KEY, id: keyId });
        await trx
          .deleteFrom("key_period")
          .where("entente_id", "=", ententeId)
          .where("key_id", "=", keyId)
          .where("from_year", "=", period.from)
          .execute();
        await trx
          .insertInto("key_period")
          .values({
            entente_id: ententeId,
            key_id: keyId,
            from_year: period.from,
            basis: period.basis.kind,
            data: JSON.stringify(basisToJson(period.basis)),
            source: period.source ?? null,
          })
          .execute();
        await recordAudit(trx, {
          actor,
          ententeId,
          action: "update",
          entity: "allocation_key",
          entityId: `${keyId}@${period.from}`,
          after: basisToJson(period.basis),
        });
      }),

    updatePercent: (ententeId, keyId, change, rowVersion, actor, rule) =>
      runVersionedUpdate<FinanceDatabase, KeyRecord>(db, {
        what: KEY,
        id: keyId,
        expectedVersion: rowVersion,
        audit: { actor, ententeId, entity: "allocation_key" },
        load: async (trx) => (await readKeys(trx, ententeId)).find((k) => k.id === keyId),
        update: async (trx, before) => {
          rule(before);
          const result = await trx
            .updateTable("allocation_key")
            .set({ label: change.label, source: change.source, row_version: sql`row_version + 1` })
            .where("entente_id", "=", ententeId)
            .where("id", "=", keyId)
            .where("row_version", "=", rowVersion)
            .executeTakeFirst();
          return result.numUpdatedRows;
        },
        afterUpdate: (trx) => replaceKeyShares(trx, ententeId, keyId, change.shares),
      }),
  };
}

import { type Kysely, sql } from "kysely";
import { recordAudit } from "../../platform/db/record-audit.ts";
import { runVersionedUpdate } from "../../platform/db/versioned-update.ts";
import type { Actor } from "../../shared/actor.ts";
import type { BudgetLineRecord, BudgetStore, BudgetVersionRecord } from "../app/ports/budget-store.ts";
import type { InTransactionRule } from "../app/ports/in-transaction-rule.ts";
import { EntenteError, localized } from "../errors.ts";
import { insertBudgetLines } from "./insert-budget-lines.ts";
import { insertSettlementRows } from "./insert-settlement-rows.ts";
import { openExercise } from "./open-exercise.ts";
import { readBudgetInForce, readBudgetNumber, readBudgetVersion, readLatestBudget } from "./read-budget.ts";
import { readSettlement } from "./read-settlement.ts";
import type { FinanceDatabase } from "./tables.ts";

const BUDGET = localized("le budget", "the budget");

/** @throws EntenteError `resource.not_found` (« exercice ») when the exercise has no budget. */
function exerciseNotFound(year: number): never {
  throw new EntenteError("resource.not_found", { what: localized("exercice", "exercise"), id: String(year) });
}

/**
 * Opens the next version of an exercise's budget as a copy of the latest one (lines, advances
 * and adjustments), in one
 * transaction with its audit event; `plan` (the use case's rule) decides its number and label.
 */
function openAmending(
  db: Kysely<FinanceDatabase>,
  ententeId: string,
  year: number,
  actor: Actor,
  plan: InTransactionRule<BudgetVersionRecord, { readonly number: number; readonly label: string }>,
): Promise<BudgetVersionRecord> {
  return db.transaction().execute(async (trx) => {
    const current = (await readLatestBudget(trx, ententeId, year)) ?? exerciseNotFound(year);
    const { number, label } = plan(current);
    const settlement = await readSettlement(trx, ententeId, year, "latest");
    const created = await trx
      .insertInto("budget_version")
      .values({ entente_id: ententeId, year, number, label })
      .returning("id")
      .executeTakeFirstOrThrow();
    await insertBudgetLines(trx, created.id, current.lines);
    // The DM starts from the adopted advances and adjustments (0177: they are versioned).
    if (settlement !== null)
      await insertSettlementRows(trx, { ententeId, year, versionId: created.id }, settlement);
    await recordAudit(trx, {
      actor,
      ententeId,
      action: "create",
      entity: "budget",
      entityId: `${year}#${number}`,
      after: { basedOn: current.number },
    });
    return (await readLatestBudget(trx, ententeId, year)) ?? exerciseNotFound(year);
  });
}

/**
 * Replaces the lines of an exercise's latest version: one `runVersionedUpdate` on that version,
 * the use case's rule run on it in the transaction before the guarded write. The version is found
 * first because its number names it in the audit trail (`2023#1`) and runVersionedUpdate takes
 * that name before it opens its transaction; versions are never deleted, and the transaction
 * reads this one again (by id) for the rule and the guarded write.
 */
async function replaceLines(
  db: Kysely<FinanceDatabase>,
  change: {
    ententeId: string;
    year: number;
    lines: readonly BudgetLineRecord[];
    rowVersion: number;
    actor: Actor;
  },
  rule: InTransactionRule<BudgetVersionRecord>,
): Promise<BudgetVersionRecord> {
  const { ententeId, year, lines, rowVersion, actor } = change;
  const latest = (await readLatestBudget(db, ententeId, year)) ?? exerciseNotFound(year);
  const versionId = BigInt(latest.id);
  return runVersionedUpdate<FinanceDatabase, BudgetVersionRecord>(db, {
    what: BUDGET,
    id: `${year}#${latest.number}`,
    expectedVersion: rowVersion,
    audit: { actor, ententeId, entity: "budget", view: (budget) => budget.lines },
    load: (trx) => readBudgetVersion(trx, latest.id),
    update: async (trx, before) => {
      rule(before);
      const result = await trx
        .updateTable("budget_version")
        .set({ row_version: sql`row_version + 1` })
        .where("id", "=", versionId)
        .where("row_version", "=", rowVersion)
        .executeTakeFirst();
      return result.numUpdatedRows;
    },
    afterUpdate: async (trx) => {
      await trx.deleteFrom("budget_line").where("budget_version_id", "=", versionId).execute();
      // A line's receipt kind means something for receipts only.
      const stored = lines.map((l) => ({
        ...l,
        receiptKind: l.direction === "receipt" ? l.receiptKind : null,
      }));
      await insertBudgetLines(trx, versionId, stored);
    },
  });
}

/** PostgreSQL/PGlite implementation of `BudgetStore`. */
export function createBudgetStore(db: Kysely<FinanceDatabase>): BudgetStore {
  return {
    async listVersions(ententeId) {
      const rows = await db
        .selectFrom("budget_version")
        .selectAll()
        .where("entente_id", "=", ententeId)
        .orderBy("year")
        .orderBy("number")
        .execute();
      return rows.map((v) => ({
        id: String(v.id),
        year: v.year,
        number: v.number,
        label: v.label,
        status: v.status,
        rowVersion: v.row_version,
      }));
    },
    latest: (ententeId, year) => readLatestBudget(db, ententeId, year),
    inForce: (ententeId, year) => readBudgetInForce(db, ententeId, year),
    version: (ententeId, year, number) => readBudgetNumber(db, ententeId, year, number),
    openAmending: (ententeId, year, actor, plan) => openAmending(db, ententeId, year, actor, plan),
    openExercise: (ententeId, from, actor, plan) => openExercise(db, ententeId, from, actor, plan),
    replaceLines: (ententeId, year, lines, rowVersion, actor, rule) =>
      replaceLines(db, { ententeId, year, lines, rowVersion, actor }, rule),
  };
}

import type { Kysely, Selectable } from "kysely";
import type { BudgetVersionRecord } from "../app/ports/budget-store.ts";
import type { BudgetVersionTable, FinanceDatabase } from "./tables.ts";

/** A version row with its lines, in their order. */
async function withLines(
  db: Kysely<FinanceDatabase>,
  version: Selectable<BudgetVersionTable>,
): Promise<BudgetVersionRecord> {
  const lines = await db
    .selectFrom("budget_line")
    .selectAll()
    .where("budget_version_id", "=", version.id)
    .orderBy("position")
    .execute();
  return {
    id: String(version.id),
    year: version.year,
    number: version.number,
    label: version.label,
    status: version.status,
    rowVersion: version.row_version,
    lines: lines.map((l) => ({
      missionId: l.mission_id,
      label: l.label,
      section: l.section,
      direction: l.direction,
      receiptKind: l.receipt_kind,
      amountCents: l.amount_cents,
      nature: l.nature,
    })),
  };
}

/** The latest budget version of an exercise with its lines, or null when there is none. */
export async function readLatestBudget(
  db: Kysely<FinanceDatabase>,
  ententeId: string,
  year: number,
): Promise<BudgetVersionRecord | null> {
  const version = await db
    .selectFrom("budget_version")
    .selectAll()
    .where("entente_id", "=", ententeId)
    .where("year", "=", year)
    .orderBy("number", "desc")
    .limit(1)
    .executeTakeFirst();
  return version === undefined ? null : withLines(db, version);
}

/** One budget version (by its id) with its lines, or undefined. */
export async function readBudgetVersion(
  db: Kysely<FinanceDatabase>,
  versionId: string,
): Promise<BudgetVersionRecord | undefined> {
  const version = await db
    .selectFrom("budget_version")
    .selectAll()
    .where("id", "=", BigInt(versionId))
    .executeTakeFirst();
  return version === undefined ? undefined : withLines(db, version);
}

/**
 * The version of an exercise in force (what everyone reads while an amending budget is being
 * prepared): the latest adopted one, or the latest one while none is adopted; null when the
 * exercise has no budget.
 */
export async function readBudgetInForce(
  db: Kysely<FinanceDatabase>,
  ententeId: string,
  year: number,
): Promise<BudgetVersionRecord | null> {
  const adopted = await db
    .selectFrom("budget_version")
    .selectAll()
    .where("entente_id", "=", ententeId)
    .where("year", "=", year)
    .where("status", "=", "adopted")
    .orderBy("number", "desc")
    .limit(1)
    .executeTakeFirst();
  return adopted === undefined ? readLatestBudget(db, ententeId, year) : withLines(db, adopted);
}

/** Version `number` of an exercise with its lines, or null. */
export async function readBudgetNumber(
  db: Kysely<FinanceDatabase>,
  ententeId: string,
  year: number,
  number: number,
): Promise<BudgetVersionRecord | null> {
  const version = await db
    .selectFrom("budget_version")
    .selectAll()
    .where("entente_id", "=", ententeId)
    .where("year", "=", year)
    .where("number", "=", number)
    .executeTakeFirst();
  return version === undefined ? null : withLines(db, version);
}

import type { Kysely } from "kysely";
import type { SettlementRecord } from "../app/ports/settlement-store.ts";
import { readMembers } from "./read-members.ts";
import type { FinanceDatabase } from "./tables.ts";

/**
 * The id of the budget version of exercise `year` whose advances and adjustments are read:
 * `"latest"` (the working copy, possibly an amending budget being drafted) or `"in-force"` (the
 * latest adopted version, the latest one while none is adopted); null without a version.
 */
export async function settlementVersionId(
  db: Kysely<FinanceDatabase>,
  ententeId: string,
  year: number,
  which: "latest" | "in-force",
): Promise<bigint | null> {
  const versions = await db
    .selectFrom("budget_version")
    .select(["id", "status"])
    .where("entente_id", "=", ententeId)
    .where("year", "=", year)
    .orderBy("number", "desc")
    .execute();
  const chosen =
    which === "in-force" ? (versions.find((v) => v.status === "adopted") ?? versions[0]) : versions[0];
  return chosen?.id ?? null;
}

/**
 * An exercise's advances and adjustments (amounts in member order) in version `which` of its
 * budget (see settlementVersionId), or null without the exercise.
 */
export async function readSettlement(
  db: Kysely<FinanceDatabase>,
  ententeId: string,
  year: number,
  which: "latest" | "in-force" = "latest",
): Promise<SettlementRecord | null> {
  const exercise = await db
    .selectFrom("exercise")
    .select(["year", "row_version"])
    .where("entente_id", "=", ententeId)
    .where("year", "=", year)
    .executeTakeFirst();
  if (exercise === undefined) return null;
  const versionId = (await settlementVersionId(db, ententeId, year, which)) ?? -1n;
  const [advances, adjustments, amounts, members] = await Promise.all([
    db.selectFrom("advance").selectAll().where("budget_version_id", "=", versionId).orderBy("id").execute(),
    db
      .selectFrom("adjustment")
      .selectAll()
      .where("budget_version_id", "=", versionId)
      .orderBy("id")
      .execute(),
    db.selectFrom("adjustment_amount").selectAll().where("budget_version_id", "=", versionId).execute(),
    readMembers(db, ententeId),
  ]);
  const order = new Map(members.map((m, i) => [m.id, i]));
  return {
    year,
    rowVersion: exercise.row_version,
    advances: advances.map((a) => ({
      id: a.id,
      label: a.label,
      memberId: a.member_id,
      amountCents: a.amount_cents,
      keyId: a.key_id,
    })),
    adjustments: adjustments.map((a) => ({
      id: a.id,
      label: a.label,
      amounts: amounts
        .filter((x) => x.adjustment_id === a.id)
        .sort((x, y) => (order.get(x.member_id) ?? 0) - (order.get(y.member_id) ?? 0))
        .map((x) => ({ memberId: x.member_id, amountCents: x.amount_cents })),
    })),
  };
}

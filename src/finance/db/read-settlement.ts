import type { Kysely } from "kysely";
import type { SettlementRecord } from "../app/ports/settlement-store.ts";
import { readMembers } from "./read-members.ts";
import type { FinanceDatabase } from "./tables.ts";

/** An exercise's advances and adjustments (amounts in member order), or null without the exercise. */
export async function readSettlement(
  db: Kysely<FinanceDatabase>,
  ententeId: string,
  year: number,
): Promise<SettlementRecord | null> {
  const exercise = await db
    .selectFrom("exercise")
    .select(["year", "row_version"])
    .where("entente_id", "=", ententeId)
    .where("year", "=", year)
    .executeTakeFirst();
  if (exercise === undefined) return null;
  const [advances, adjustments, amounts, members] = await Promise.all([
    db
      .selectFrom("advance")
      .selectAll()
      .where("entente_id", "=", ententeId)
      .where("year", "=", year)
      .orderBy("id")
      .execute(),
    db
      .selectFrom("adjustment")
      .selectAll()
      .where("entente_id", "=", ententeId)
      .where("year", "=", year)
      .orderBy("id")
      .execute(),
    db
      .selectFrom("adjustment_amount")
      .selectAll()
      .where("entente_id", "=", ententeId)
      .where("year", "=", year)
      .execute(),
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

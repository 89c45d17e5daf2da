import type { Kysely } from "kysely";
import { recordAudit } from "../../platform/db/record-audit.ts";
import type { Actor } from "../../shared/actor.ts";
import type { BudgetVersionRecord, ExerciseOpening } from "../app/ports/budget-store.ts";
import type { InTransactionRule } from "../app/ports/in-transaction-rule.ts";
import { EntenteError, localized } from "../errors.ts";
import { insertBudgetLines } from "./insert-budget-lines.ts";
import { readLatestBudget } from "./read-budget.ts";
import type { FinanceDatabase } from "./tables.ts";

/** @throws EntenteError `resource.not_found` (« exercice ») when the exercise has no budget. */
function exerciseNotFound(year: number): never {
  throw new EntenteError("resource.not_found", { what: localized("exercice", "exercise"), id: String(year) });
}

/**
 * Opens exercise N+1 from N in one transaction with its audit event: reads N's latest version
 * and the years that exist, hands them to `plan` (the use case's rule: year, call year, lines),
 * then inserts the exercise, its budget primitif (draft) and its lines. N is only read. The
 * exercise's primary key (entente, year) refuses a second opening that slipped past the rule.
 */
export function openExercise(
  db: Kysely<FinanceDatabase>,
  ententeId: string,
  from: number,
  actor: Actor,
  plan: InTransactionRule<
    { readonly previous: BudgetVersionRecord; readonly years: readonly number[] },
    ExerciseOpening
  >,
): Promise<BudgetVersionRecord> {
  return db.transaction().execute(async (trx) => {
    const previous = (await readLatestBudget(trx, ententeId, from)) ?? exerciseNotFound(from);
    const years = await trx
      .selectFrom("exercise")
      .select("year")
      .where("entente_id", "=", ententeId)
      .execute();
    const next = plan({ previous, years: years.map((row) => row.year) });
    await trx
      .insertInto("exercise")
      .values({ entente_id: ententeId, year: next.year, called_in: next.calledIn, note: null })
      .execute();
    const created = await trx
      .insertInto("budget_version")
      .values({ entente_id: ententeId, year: next.year, number: 1, label: `Budget primitif ${next.year}` })
      .returning("id")
      .executeTakeFirstOrThrow();
    await insertBudgetLines(trx, created.id, next.lines);
    await recordAudit(trx, {
      actor,
      ententeId,
      action: "create",
      entity: "exercise",
      entityId: String(next.year),
      after: { openedFrom: from, calledIn: next.calledIn, lines: next.lines.length },
    });
    return (await readLatestBudget(trx, ententeId, next.year)) ?? exerciseNotFound(next.year);
  });
}

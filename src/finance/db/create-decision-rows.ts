import { type Kysely, sql } from "kysely";
import type { DecisionRecord, NewDecision } from "../app/ports/decision-store.ts";
import { belongsIn } from "../domain/membership.ts";
import { decisionYear } from "../domain/ratification.ts";
import { EntenteError, localized } from "../errors.ts";
import { readLatestBudget } from "./read-budget.ts";
import { readDecision } from "./read-decisions.ts";
import { readMembers } from "./read-members.ts";
import type { FinanceDatabase } from "./tables.ts";

/**
 * The approved budget's latest version takes the status the approval gives it (a transition
 * caused by the decision, in its transaction; the version moves so that edits made before fail).
 * @returns its id, which the decision refers to.
 * @throws EntenteError `resource.not_found` (« exercice »).
 */
async function setApprovedStatus(
  trx: Kysely<FinanceDatabase>,
  ententeId: string,
  approves: NonNullable<NewDecision["approves"]>,
): Promise<bigint> {
  const budget = await readLatestBudget(trx, ententeId, approves.year);
  if (budget === null)
    throw new EntenteError("resource.not_found", {
      what: localized("exercice", "exercise"),
      id: String(approves.year),
    });
  const id = BigInt(budget.id);
  await trx
    .updateTable("budget_version")
    .set({ status: approves.status, row_version: sql`row_version + 1` })
    .where("id", "=", id)
    .execute();
  return id;
}

/**
 * Writes a decision in transaction `trx`: the approved budget's status, the conference, the
 * decision and one pending ratification per member of the entente in the decision's year.
 * @returns the decision as read back.
 */
export async function createDecisionRows(
  trx: Kysely<FinanceDatabase>,
  ententeId: string,
  decision: NewDecision,
): Promise<DecisionRecord> {
  const budgetVersionId =
    decision.approves === null ? null : await setApprovedStatus(trx, ententeId, decision.approves);
  const conference = await trx
    .insertInto("conference")
    .values({ entente_id: ententeId, held_on: decision.conferenceDate, label: decision.conferenceLabel })
    .returning("id")
    .executeTakeFirstOrThrow();
  const created = await trx
    .insertInto("decision")
    .values({ conference_id: conference.id, subject: decision.subject, budget_version_id: budgetVersionId })
    .returning("id")
    .executeTakeFirstOrThrow();
  // Only the members of the decision's year deliberate (a member joining later has no row).
  const year = decisionYear({
    budgetYear: decision.approves?.year ?? null,
    conferenceDate: decision.conferenceDate,
  });
  const members = (await readMembers(trx, ententeId)).filter((m) =>
    belongsIn({ ...(m.from === null ? {} : { from: m.from }), ...(m.to === null ? {} : { to: m.to }) }, year),
  );
  await trx
    .insertInto("ratification")
    .values(
      members.map((m) => ({
        decision_id: created.id,
        entente_id: ententeId,
        member_id: m.id,
        deliberation_number: null,
        deliberated_on: null,
      })),
    )
    .execute();
  const read = await readDecision(trx, ententeId, String(created.id));
  if (read === null)
    throw new EntenteError("resource.not_found", {
      what: localized("décision", "decision"),
      id: String(created.id),
    });
  return read;
}

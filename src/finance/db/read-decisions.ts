import type { Kysely } from "kysely";
import type { DecisionRecord } from "../app/ports/decision-store.ts";
import type { FinanceDatabase } from "./tables.ts";

/** The ratifications of some decisions, in the entente's member order. */
function readRatifications(db: Kysely<FinanceDatabase>, decisionIds: readonly bigint[]) {
  return db
    .selectFrom("ratification")
    .innerJoin("member", (j) =>
      j
        .onRef("member.entente_id", "=", "ratification.entente_id")
        .onRef("member.id", "=", "ratification.member_id"),
    )
    .select([
      "ratification.decision_id",
      "ratification.member_id",
      "ratification.status",
      "ratification.deliberation_number",
      "ratification.deliberated_on",
      "ratification.row_version",
    ])
    .where("ratification.decision_id", "in", decisionIds)
    .orderBy("member.position")
    .execute();
}

/**
 * The entente's decisions, newest conference first, each with its ratifications; only decision
 * `onlyId` when given (none when it is not a number).
 */
export async function readDecisions(
  db: Kysely<FinanceDatabase>,
  ententeId: string,
  onlyId?: string,
): Promise<DecisionRecord[]> {
  let query = db
    .selectFrom("decision")
    .innerJoin("conference", "conference.id", "decision.conference_id")
    .leftJoin("budget_version", "budget_version.id", "decision.budget_version_id")
    .select([
      "decision.id",
      "decision.subject",
      "conference.held_on",
      "conference.label",
      "decision.budget_version_id",
      "budget_version.year",
    ])
    .where("conference.entente_id", "=", ententeId)
    .orderBy("conference.held_on", "desc")
    .orderBy("decision.id", "desc");
  if (onlyId !== undefined) {
    if (!/^\d+$/.test(onlyId)) return [];
    query = query.where("decision.id", "=", BigInt(onlyId));
  }
  const decisions = await query.execute();
  if (decisions.length === 0) return [];
  const ratifications = await readRatifications(
    db,
    decisions.map((d) => d.id),
  );
  return decisions.map((d) => ({
    id: String(d.id),
    subject: d.subject,
    conferenceDate: d.held_on,
    conferenceLabel: d.label,
    budgetYear: d.year ?? null,
    budgetVersionId: d.budget_version_id === null ? null : String(d.budget_version_id),
    ratifications: ratifications
      .filter((r) => r.decision_id === d.id)
      .map((r) => ({
        memberId: r.member_id,
        status: r.status,
        deliberationNumber: r.deliberation_number,
        deliberatedOn: r.deliberated_on,
        rowVersion: r.row_version,
      })),
  }));
}

/** One decision of the entente with its ratifications, or null. */
export async function readDecision(
  db: Kysely<FinanceDatabase>,
  ententeId: string,
  decisionId: string,
): Promise<DecisionRecord | null> {
  return (await readDecisions(db, ententeId, decisionId))[0] ?? null;
}

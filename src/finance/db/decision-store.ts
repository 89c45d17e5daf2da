import { type Kysely, sql } from "kysely";
import { recordAudit } from "../../platform/db/record-audit.ts";
import { throwStaleOrMissing } from "../../platform/db/stale-version.ts";
import { runVersionedUpdate } from "../../platform/db/versioned-update.ts";
import type { Actor } from "../../shared/actor.ts";
import type {
  DecisionRecord,
  DecisionStore,
  RatificationChange,
  RatificationRecord,
} from "../app/ports/decision-store.ts";
import type { InTransactionRule } from "../app/ports/in-transaction-rule.ts";
import type { BudgetStatus } from "../domain/budget-status.ts";
import { localized } from "../errors.ts";
import { createDecisionRows } from "./create-decision-rows.ts";
import { readDecision, readDecisions } from "./read-decisions.ts";
import type { FinanceDatabase } from "./tables.ts";

const RATIFICATION = localized("la délibération", "the deliberation");

/** A ratification as a versioned update sees it: the row, with its decision read alongside. */
interface RatificationState {
  readonly rowVersion: number;
  readonly ratification: RatificationRecord;
  readonly decision: DecisionRecord;
}

/**
 * Records a member's deliberation: one `runVersionedUpdate` on the ratification row; after the
 * guarded write, in the same transaction, the approved budget takes the status the use case's
 * rule gives for the decision's ratifications as they now stand. The audit event keeps the
 * ratification before and after.
 */
function updateRatification(
  db: Kysely<FinanceDatabase>,
  target: { ententeId: string; decisionId: string; memberId: string },
  change: RatificationChange,
  version: { rowVersion: number; actor: Actor },
  budgetStatus: InTransactionRule<readonly RatificationRecord[], BudgetStatus>,
): Promise<RatificationState> {
  const { ententeId, decisionId, memberId } = target;
  return runVersionedUpdate<FinanceDatabase, RatificationState>(db, {
    what: RATIFICATION,
    id: `${decisionId}/${memberId}`,
    expectedVersion: version.rowVersion,
    audit: { actor: version.actor, ententeId, entity: "ratification", view: (state) => state.ratification },
    async load(trx) {
      const decision = await readDecision(trx, ententeId, decisionId);
      const ratification = decision?.ratifications.find((r) => r.memberId === memberId);
      if (decision === null || ratification === undefined) return undefined;
      return { rowVersion: ratification.rowVersion, ratification, decision };
    },
    update: async (trx) =>
      (
        await trx
          .updateTable("ratification")
          .set({
            status: change.status,
            deliberation_number: change.deliberationNumber,
            deliberated_on: change.deliberatedOn,
            row_version: sql`row_version + 1`,
          })
          .where("decision_id", "=", BigInt(decisionId))
          .where("member_id", "=", memberId)
          .where("row_version", "=", version.rowVersion)
          .executeTakeFirst()
      ).numUpdatedRows,
    async afterUpdate(trx, before) {
      if (before.decision.budgetVersionId === null) return;
      const now = await readDecision(trx, ententeId, decisionId);
      if (now === null) return throwStaleOrMissing(RATIFICATION, decisionId, version.rowVersion, undefined);
      // A status transition caused by this deliberation, in its transaction: no version to expect,
      // but the budget's version moves, so that an edit made from before it is refused.
      await trx
        .updateTable("budget_version")
        .set({ status: budgetStatus(now.ratifications), row_version: sql`row_version + 1` })
        .where("id", "=", BigInt(before.decision.budgetVersionId))
        .execute();
    },
  });
}

/** PostgreSQL/PGlite implementation of `DecisionStore`. */
export function createDecisionStore(db: Kysely<FinanceDatabase>): DecisionStore {
  return {
    list: (ententeId) => readDecisions(db, ententeId),

    create: (ententeId, decision, actor) =>
      db.transaction().execute(async (trx) => {
        const created = await createDecisionRows(trx, ententeId, decision);
        await recordAudit(trx, {
          actor,
          ententeId,
          action: "create",
          entity: "decision",
          entityId: created.id,
          after: created,
        });
        return created;
      }),

    async updateRatification(ententeId, decisionId, memberId, change, rowVersion, actor, budgetStatus) {
      const target = { ententeId, decisionId, memberId };
      const after = await updateRatification(db, target, change, { rowVersion, actor }, budgetStatus);
      return after.decision;
    },
  };
}

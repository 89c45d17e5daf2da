import type { Actor } from "../../../shared/actor.ts";
import type { BudgetStatus } from "../../domain/budget-status.ts";
import type { RatificationStatus } from "../../domain/ratification.ts";
import type { InTransactionRule } from "./in-transaction-rule.ts";

/** A member's deliberation on a decision (délibération concordante). */
export interface RatificationRecord {
  readonly memberId: string;
  readonly status: RatificationStatus;
  readonly deliberationNumber: string | null;
  readonly deliberatedOn: string | null;
  readonly rowVersion: number;
}

/** A decision of the conference, with each member's ratification in the entente's member order. */
export interface DecisionRecord {
  readonly id: string;
  readonly subject: string;
  readonly conferenceDate: string;
  readonly conferenceLabel: string;
  readonly budgetYear: number | null;
  readonly budgetVersionId: string | null;
  readonly ratifications: readonly RatificationRecord[];
}

/** A decision to record. */
export interface NewDecision {
  readonly subject: string;
  readonly conferenceDate: string;
  readonly conferenceLabel: string;
  /** The budget year it approves and the status the approval gives that budget; null otherwise. */
  readonly approves: { readonly year: number; readonly status: BudgetStatus } | null;
}

/** What a deliberation records. */
export interface RatificationChange {
  readonly status: RatificationStatus;
  readonly deliberationNumber: string | null;
  readonly deliberatedOn: string | null;
}

/** The conference's decisions and the members' ratifications. Writes are transactional and audited. */
export interface DecisionStore {
  /** The entente's decisions, newest conference first. */
  list(ententeId: string): Promise<DecisionRecord[]>;
  /**
   * Records a decision of a conference and opens one pending ratification per member; when it
   * approves a budget, the latest version of that year takes the status given, in the same
   * transaction.
   * @throws EntenteError `resource.not_found` (the approved exercise).
   */
  create(ententeId: string, decision: NewDecision, actor: Actor): Promise<DecisionRecord>;
  /**
   * Records a member's deliberation, made from version `rowVersion`. When the decision approves
   * a budget, `budgetStatus` runs in the same transaction on the decision's ratifications as
   * they now stand and gives that budget version's status.
   * @throws EntenteError `resource.not_found`, `conflict.stale_version`.
   */
  updateRatification(
    ententeId: string,
    decisionId: string,
    memberId: string,
    change: RatificationChange,
    rowVersion: number,
    actor: Actor,
    budgetStatus: InTransactionRule<readonly RatificationRecord[], BudgetStatus>,
  ): Promise<DecisionRecord>;
}

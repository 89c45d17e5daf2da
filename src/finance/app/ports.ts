import type { Actor } from "../../shared/actor.ts";
import type { Entente } from "../domain/entente.ts";

/**
 * What the finance use cases need from the outside world. `db/` implements the stores;
 * `compose.ts` picks the concrete adapters. Fakes in tests implement the same interfaces.
 */

export interface EntenteSummary {
  readonly id: string;
  readonly name: string;
  readonly members: number;
  readonly years: readonly number[];
}

/** Budget status (budget primitif / décision modificative), CGCT L5221-2 for `adopted`. */
export type BudgetStatus = "draft" | "approved" | "ratifying" | "adopted";

export interface EntenteStore {
  /** Stores a whole entente (members, keys, missions, exercises with a first budget version) in one transaction. */
  importEntente(id: string, entente: Entente, actor: Actor): Promise<void>;
  /** The entente as the finance engine sees it, each exercise with its latest budget version. */
  loadEntente(id: string): Promise<Entente>;
  listEntentes(): Promise<EntenteSummary[]>;
  hasEntente(id: string): Promise<boolean>;
}

// ---- console records (what the stores read and write; amounts in cents) -------------------

export interface MemberRecord {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly siren: string | null;
  readonly siret: string | null;
  readonly assembly: string | null;
  readonly rowVersion: number;
}
export type MemberChange = Omit<MemberRecord, "id" | "rowVersion">;

export interface KeyRecord {
  readonly id: string;
  readonly label: string;
  readonly source: string | null;
  readonly basis: "percent" | "weights" | "criteria";
  /** percent: ten-thousandths of a percent; weights: weight. Empty for criteria keys. */
  readonly shares: readonly { readonly memberId: string; readonly value: bigint }[];
  readonly rowVersion: number;
}

export interface ServicePlanRecord {
  readonly version: number;
  readonly scope: string;
  readonly milestones: readonly {
    readonly label: string;
    readonly due: string | null;
    readonly done: boolean;
  }[];
  readonly resources: { readonly financial: string; readonly human: string; readonly material: string };
  readonly steeringCommittee: readonly string[];
  readonly createdAt: Date;
  readonly createdBy: string | null;
}

export interface MissionRecord {
  readonly id: string;
  readonly name: string;
  readonly kind: "socle" | "specifique";
  readonly description: string | null;
  readonly leadMemberId: string | null;
  readonly memberIds: readonly string[];
  readonly keys: { readonly investissement: string; readonly fonctionnement: string };
  readonly plan: ServicePlanRecord | null;
  readonly rowVersion: number;
}

export interface BudgetLineRecord {
  readonly missionId: string | null;
  readonly label: string;
  readonly section: "investissement" | "fonctionnement";
  readonly direction: "expense" | "receipt";
  readonly receiptKind: "carry-over" | "depreciation" | "grant" | "contribution" | "other" | null;
  readonly amountCents: bigint;
  readonly nature: string | null;
}

export interface BudgetVersionRecord {
  readonly id: string;
  readonly year: number;
  readonly number: number;
  readonly label: string;
  readonly status: BudgetStatus;
  readonly rowVersion: number;
  readonly lines: readonly BudgetLineRecord[];
}

export interface RatificationRecord {
  readonly memberId: string;
  readonly status: "pending" | "ratified" | "rejected";
  readonly deliberationNumber: string | null;
  readonly deliberatedOn: string | null;
  readonly rowVersion: number;
}

export interface DecisionRecord {
  readonly id: string;
  readonly subject: string;
  readonly conferenceDate: string;
  readonly conferenceLabel: string;
  readonly budgetYear: number | null;
  readonly budgetVersionId: string | null;
  readonly ratifications: readonly RatificationRecord[];
}

export interface PaymentRecord {
  readonly id: string;
  readonly amountCents: bigint;
  readonly paidOn: string;
  readonly reference: string | null;
}

export interface FundCallRecord {
  readonly id: string;
  readonly year: number;
  readonly memberId: string;
  readonly amountCents: bigint;
  readonly dueOn: string | null;
  readonly reference: string | null;
  readonly payments: readonly PaymentRecord[];
}

export interface AuditEventRecord {
  readonly id: string;
  readonly at: Date;
  readonly actor: string;
  readonly action: string;
  readonly entity: string;
  readonly entityId: string;
  readonly before: unknown;
  readonly after: unknown;
}

/** Advances and adjustments of one exercise (amounts in cents; adjustments signed). */
export interface SettlementRecord {
  readonly year: number;
  readonly rowVersion: number;
  readonly advances: readonly {
    readonly id: string;
    readonly label: string;
    readonly memberId: string;
    readonly amountCents: bigint;
    readonly keyId: string;
  }[];
  readonly adjustments: readonly {
    readonly id: string;
    readonly label: string;
    readonly amounts: readonly { readonly memberId: string; readonly amountCents: bigint }[];
  }[];
}

/** Everything the console reads and writes. Writes are transactional and audited. */
export interface ConsoleStore {
  listMembers(ententeId: string): Promise<MemberRecord[]>;
  updateMember(
    ententeId: string,
    memberId: string,
    change: MemberChange,
    rowVersion: number,
    actor: Actor,
  ): Promise<MemberRecord>;
  listKeys(ententeId: string): Promise<KeyRecord[]>;
  updatePercentKey(
    ententeId: string,
    keyId: string,
    change: { label: string; source: string | null; shares: readonly { memberId: string; value: bigint }[] },
    rowVersion: number,
    actor: Actor,
  ): Promise<KeyRecord>;
  listMissions(ententeId: string): Promise<MissionRecord[]>;
  updateMission(
    ententeId: string,
    missionId: string,
    change: {
      name: string;
      description: string | null;
      leadMemberId: string | null;
      memberIds: readonly string[];
      keys: { investissement: string; fonctionnement: string };
    },
    rowVersion: number,
    actor: Actor,
  ): Promise<MissionRecord>;
  /** Every version of a mission's service plan, newest first. */
  listServicePlans(ententeId: string, missionId: string): Promise<ServicePlanRecord[]>;
  addServicePlan(
    ententeId: string,
    missionId: string,
    plan: Omit<ServicePlanRecord, "version" | "createdAt" | "createdBy">,
    basedOnVersion: number,
    actor: Actor,
  ): Promise<MissionRecord>;
  listBudgetVersions(ententeId: string): Promise<Omit<BudgetVersionRecord, "lines">[]>;
  /** The latest budget version of the exercise, or null when the exercise does not exist. */
  getBudget(ententeId: string, year: number): Promise<BudgetVersionRecord | null>;
  /** A new draft version copying the adopted one (décision modificative); the adopted one stays. */
  createAmendingBudget(ententeId: string, year: number, actor: Actor): Promise<BudgetVersionRecord>;
  replaceBudgetLines(
    ententeId: string,
    year: number,
    lines: readonly BudgetLineRecord[],
    rowVersion: number,
    actor: Actor,
  ): Promise<BudgetVersionRecord>;
  getSettlement(ententeId: string, year: number): Promise<SettlementRecord | null>;
  replaceSettlement(
    ententeId: string,
    year: number,
    settlement: Omit<SettlementRecord, "year" | "rowVersion">,
    rowVersion: number,
    actor: Actor,
  ): Promise<SettlementRecord>;
  listDecisions(ententeId: string): Promise<DecisionRecord[]>;
  createDecision(
    ententeId: string,
    input: { subject: string; conferenceDate: string; conferenceLabel: string; budgetYear: number | null },
    actor: Actor,
  ): Promise<DecisionRecord>;
  updateRatification(
    ententeId: string,
    decisionId: string,
    memberId: string,
    change: {
      status: RatificationRecord["status"];
      deliberationNumber: string | null;
      deliberatedOn: string | null;
    },
    rowVersion: number,
    actor: Actor,
  ): Promise<DecisionRecord>;
  listFundCalls(ententeId: string, year: number | null): Promise<FundCallRecord[]>;
  issueFundCalls(
    ententeId: string,
    year: number,
    amounts: readonly { memberId: string; amountCents: bigint }[],
    dueOn: string | null,
    actor: Actor,
  ): Promise<FundCallRecord[]>;
  addPayment(
    ententeId: string,
    year: number,
    memberId: string,
    payment: Omit<PaymentRecord, "id">,
    actor: Actor,
  ): Promise<FundCallRecord>;
  /** Cancels a payment recorded by mistake (the audit trail keeps it); null when unknown. */
  cancelPayment(
    ententeId: string,
    paymentId: string,
    reason: string,
    actor: Actor,
  ): Promise<FundCallRecord | null>;
  listAudit(ententeId: string, before: string | null, limit: number): Promise<AuditEventRecord[]>;
}

/** Password hashing (argon2id in production, src/identity). */

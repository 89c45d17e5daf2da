import type { ColumnType, Generated } from "kysely";
import type { Json, PlatformTables, Timestamp } from "../../platform/db/schema.ts";
import type { StoredBasis } from "./key-period-json.ts";

/** Kysely table types of the finance context (SQL: src/platform/db/migrations). */

export interface EntenteTable {
  id: string;
  name: string;
  legal_basis: Json<string[]>;
  convention: Json<unknown> | null;
  rounding_unit: "euro" | "cent";
  budget_holder: string | null;
  default_key: string;
  created_at: Timestamp;
}

export interface MemberTable {
  entente_id: string;
  id: string;
  position: number;
  name: string;
  kind: string;
  siren: string | null;
  siret: string | null;
  assembly: string | null;
  /** JSON text of the public accountant (PublicAccountant), or null. */
  accountant: string | null;
  from_year: number | null;
  to_year: number | null;
  row_version: Generated<number>;
}

export interface AllocationKeyTable {
  entente_id: string;
  id: string;
  label: string;
  source: string | null;
  basis: "percent" | "weights" | "criteria";
  row_version: Generated<number>;
}

export interface KeyShareTable {
  entente_id: string;
  key_id: string;
  member_id: string;
  value: bigint;
}

/** A later basis of a key, from exercise `from_year` on (`data`: key-period-json.ts). */
export interface KeyPeriodTable {
  entente_id: string;
  key_id: string;
  from_year: number;
  basis: "percent" | "weights" | "criteria" | "usage";
  data: Json<StoredBasis>;
  source: string | null;
}

export interface KeyCriterionTable {
  entente_id: string;
  key_id: string;
  id: string;
  position: number;
  label: string | null;
  /** Where the criterion's figures come from and their year (migration 0176). */
  source: string | null;
  weight: bigint;
}

export interface KeyCriterionValueTable {
  entente_id: string;
  key_id: string;
  criterion_id: string;
  member_id: string;
  value: bigint;
}

export interface MissionTable {
  entente_id: string;
  id: string;
  position: number;
  name: string;
  kind: "socle" | "specifique";
  description: string | null;
  lead_member_id: string | null;
  key_investissement: string;
  key_fonctionnement: string;
  row_version: Generated<number>;
}

export interface MissionMemberTable {
  entente_id: string;
  mission_id: string;
  member_id: string;
}

export interface ServicePlanTable {
  entente_id: string;
  mission_id: string;
  version: number;
  scope: string;
  milestones: Json<unknown[]>;
  resources: Json<Record<string, unknown>>;
  steering_committee: Json<unknown[]>;
  created_at: Timestamp;
  created_by: string | null;
}

export interface ExerciseTable {
  entente_id: string;
  year: number;
  called_in: number;
  note: string | null;
  row_version: Generated<number>;
}

export type BudgetStatus = "draft" | "approved" | "ratifying" | "adopted";

export interface BudgetVersionTable {
  id: Generated<bigint>;
  entente_id: string;
  year: number;
  number: number;
  label: string;
  status: ColumnType<BudgetStatus, BudgetStatus | undefined, BudgetStatus>;
  row_version: Generated<number>;
  created_at: Timestamp;
}

export interface BudgetLineTable {
  id: Generated<bigint>;
  budget_version_id: bigint;
  position: number;
  mission_id: string | null;
  label: string;
  section: "investissement" | "fonctionnement";
  direction: "expense" | "receipt";
  receipt_kind: "carry-over" | "depreciation" | "grant" | "contribution" | "other" | null;
  amount_cents: bigint;
  nature: string | null;
}

export interface AdvanceTable {
  entente_id: string;
  year: number;
  id: string;
  label: string;
  member_id: string;
  amount_cents: bigint;
  key_id: string;
  /** The budget version the advance belongs to (migration 0177: advances are versioned). */
  budget_version_id: bigint;
}

export interface AdjustmentTable {
  entente_id: string;
  year: number;
  id: string;
  label: string;
  /** The budget version the adjustment belongs to (migration 0177). */
  budget_version_id: bigint;
}

export interface AdjustmentAmountTable {
  entente_id: string;
  year: number;
  adjustment_id: string;
  member_id: string;
  amount_cents: bigint;
  budget_version_id: bigint;
}

export interface ConferenceTable {
  id: Generated<bigint>;
  entente_id: string;
  held_on: string;
  label: string;
}

export interface DecisionTable {
  id: Generated<bigint>;
  conference_id: bigint;
  subject: string;
  budget_version_id: bigint | null;
  row_version: Generated<number>;
}

export type RatificationStatus = "pending" | "ratified" | "rejected";

export interface RatificationTable {
  decision_id: bigint;
  entente_id: string;
  member_id: string;
  status: ColumnType<RatificationStatus, RatificationStatus | undefined, RatificationStatus>;
  deliberation_number: string | null;
  deliberated_on: string | null;
  row_version: Generated<number>;
}

export interface FundCallTable {
  id: Generated<bigint>;
  entente_id: string;
  year: number;
  member_id: string;
  amount_cents: bigint;
  due_on: string | null;
  reference: string | null;
  issued_at: Timestamp;
}

/** A complementary call (> 0) or reduction (< 0) of a fund call, from an adopted amending budget. */
export interface FundCallCorrectionTable {
  id: Generated<bigint>;
  fund_call_id: bigint;
  budget_year: number;
  budget_number: number;
  amount_cents: bigint;
  due_on: string | null;
  reference: string;
  issued_at: Timestamp;
}

export interface PaymentTable {
  id: Generated<bigint>;
  fund_call_id: bigint;
  amount_cents: bigint;
  paid_on: string;
  reference: string | null;
}

/** A trop-perçu refunded to a member against a fund call (mandat de remboursement). */
export interface FundCallRefundTable {
  id: Generated<bigint>;
  fund_call_id: bigint;
  amount_cents: bigint;
  refunded_on: string;
  reference: string;
  recorded_at: Timestamp;
}

/** The tables of the finance context. */
export interface FinanceTables {
  entente: EntenteTable;
  member: MemberTable;
  allocation_key: AllocationKeyTable;
  key_share: KeyShareTable;
  key_period: KeyPeriodTable;
  key_criterion: KeyCriterionTable;
  key_criterion_value: KeyCriterionValueTable;
  mission: MissionTable;
  mission_member: MissionMemberTable;
  service_plan: ServicePlanTable;
  exercise: ExerciseTable;
  budget_version: BudgetVersionTable;
  budget_line: BudgetLineTable;
  advance: AdvanceTable;
  adjustment: AdjustmentTable;
  adjustment_amount: AdjustmentAmountTable;
  conference: ConferenceTable;
  decision: DecisionTable;
  ratification: RatificationTable;
  fund_call: FundCallTable;
  payment: PaymentTable;
  fund_call_correction: FundCallCorrectionTable;
  fund_call_refund: FundCallRefundTable;
}

/** What the finance stores query: their tables and the audit trail. */
export type FinanceDatabase = PlatformTables & FinanceTables;

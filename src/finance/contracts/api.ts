import { z } from "zod";
import { CalendarDate } from "../../shared/calendar-date.ts";
import {
  EuroAmount,
  EuroAmountInput,
  IdParam,
  PercentText,
  RowVersion,
  YearInput,
} from "../../shared/contract-primitives.ts";
import {
  MAX_ADJUSTMENTS,
  MAX_ADVANCES,
  MAX_BUDGET_LINES,
  MAX_CRITERIA,
  MAX_LABEL_LENGTH,
  MAX_LIST_ITEMS,
  MAX_MEMBERS,
  MAX_NAME_LENGTH,
  MAX_PLAN_TEXT_LENGTH,
} from "../../shared/limits.ts";
import { KeyPeriodView } from "./key-period-api.ts";
import { LABEL, list, NAME, REFERENCE, TEXT, text } from "./text-fields.ts";

/**
 * zod schemas of the HTTP API under /api (requests and responses), shared by the server
 * (validation + OpenAPI) and the web console. Amounts are euros as exact decimal strings with
 * two decimals ("305797.00"), never JSON numbers. Rates are percent decimal strings ("30.6").
 * Every write carries the `rowVersion` it was made from; a stale one answers 409
 * `conflict.stale_version` (optimistic concurrency, nothing overwritten).
 */

export const Section = z.enum(["investissement", "fonctionnement"]);
export const ReceiptKind = z.enum(["carry-over", "depreciation", "grant", "contribution", "other"]);
export const BudgetStatus = z.enum(["draft", "approved", "ratifying", "adopted"]);
export const RatificationStatus = z.enum(["pending", "ratified", "rejected"]);
export const BySection = z.object({ investissement: EuroAmount, fonctionnement: EuroAmount });

// ---- ententes -----------------------------------------------------------------------------
export const EntenteSummary = z.object({
  id: z.string(),
  name: z.string(),
  members: z.number().int(),
  years: z.array(z.number().int()),
});
export const EntenteList = z.array(EntenteSummary);

/** A member's public accountant (comptable public: SGC or trésorerie), quoted on fund calls. */
export const PublicAccountant = z.object({
  office: z.string().trim().min(1, { message: "texte non vide attendu" }).max(200),
  code: z.string().trim().max(20).optional(),
  address: z.string().trim().max(300).optional(),
});
const MembershipYear = z.number().int().min(1900).max(2200);

export const Member = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(["metropole", "commune", "epci", "syndicat", "departement", "region", "other"]),
  siren: z.string().nullable(),
  siret: z.string().nullable(),
  assembly: z.string().max(200).nullable(),
  /** First exercise of its membership (null: from the start). */
  from: MembershipYear.nullable(),
  /** Last exercise of its membership, which it leaves at the end of (null: still a member). */
  to: MembershipYear.nullable(),
  accountant: PublicAccountant.nullable(),
  rowVersion: RowVersion,
});

export const MemberUpdate = z.object({
  name: NAME,
  kind: Member.shape.kind,
  siren: z
    .string()
    .regex(/^\d{9}$/, { message: "SIREN à 9 chiffres" })
    .nullable(),
  siret: z
    .string()
    .regex(/^\d{14}$/, { message: "SIRET à 14 chiffres" })
    .nullable(),
  assembly: REFERENCE.nullable(),
  /** Membership and accountant: absent, unchanged; the dates are the secretariat's. */
  from: MembershipYear.nullable().optional(),
  to: MembershipYear.nullable().optional(),
  accountant: PublicAccountant.nullable().optional(),
  rowVersion: RowVersion,
});

/** `POST /api/ententes/:id/members`: a member joins from exercise `from`. */
export const MemberCreate = MemberUpdate.omit({
  rowVersion: true,
  from: true,
  to: true,
  accountant: true,
}).extend({
  id: IdParam,
  from: MembershipYear,
  to: MembershipYear.nullable(),
  accountant: PublicAccountant.nullable(),
});

export const AllocationKey = z.object({
  id: z.string(),
  label: z.string(),
  source: z.string().nullable(),
  basis: z.enum(["percent", "weights", "criteria"]),
  /** percent keys: rate per member; weights: integer weight as text; criteria: the computed share in percent. */
  shares: z.array(z.object({ memberId: z.string(), value: z.string(), percent: z.string() })),
  rowVersion: RowVersion,
  /** Its periods, first basis first (key-period-api.ts); absent from a key just saved. */
  periods: z.array(KeyPeriodView).optional(),
});
export const PercentKeyUpdate = z.object({
  label: LABEL,
  source: TEXT.nullable(),
  shares: list(z.object({ memberId: IdParam, value: PercentText }), MAX_MEMBERS).min(1),
  rowVersion: RowVersion,
});

/** A criterion's value for a member: decimal ≥ 0, 12 integer digits and 4 decimals at most. */
const CriterionValueText = z.string().regex(/^\d{1,12}(\.\d{1,4})?$/, {
  message: "nombre ≥ 0 attendu (point décimal, 4 décimales au plus), ex. 1424069 ou 12.5",
});

/**
 * One criterion of a criteria key period: id, label, source (its figures' origin and year, e.g.
 * « Populations légales INSEE 2022 »), weight in percent (the weights sum to 100 %) and each
 * member's value (criteria-key-rules.ts checks the rest).
 */
export const CriterionInput = z.object({
  id: IdParam,
  label: LABEL.nullable(),
  source: TEXT.nullable(),
  weight: PercentText,
  values: list(z.object({ memberId: IdParam, value: CriterionValueText }), MAX_MEMBERS).min(1),
});

/**
 * A key's figures from exercise `from` on (a key period); earlier years keep theirs. Exactly one
 * of `shares` (percent rates, summing to 100 %), `weights` (integers ≥ 0: a population, a usage)
 * or `criteria` (weighted criteria, weights summing to 100 %, a value per member of the period).
 */
export const KeyPeriodInput = z
  .object({
    from: z.number().int().min(1900).max(2200),
    source: z.string().max(500).nullable(),
    shares: z
      .array(z.object({ memberId: IdParam, value: PercentText }))
      .min(1)
      .optional(),
    weights: list(
      z.object({
        memberId: IdParam,
        value: z.string().regex(/^\d{1,12}$/, { message: "entier ≥ 0 attendu (12 chiffres au plus)" }),
      }),
      MAX_MEMBERS,
    )
      .min(1)
      .optional(),
    criteria: list(CriterionInput, MAX_CRITERIA).min(1).optional(),
  })
  .refine((p) => [p.shares, p.weights, p.criteria].filter((b) => b !== undefined).length === 1, {
    message: "une seule base : shares (taux en %), weights (pondérations) ou criteria (critères pondérés)",
  });

export const ServicePlan = z.object({
  version: z.number().int(),
  scope: z.string(),
  milestones: z.array(z.object({ label: z.string(), due: z.string().nullable(), done: z.boolean() })),
  resources: z.object({ financial: z.string(), human: z.string(), material: z.string() }),
  steeringCommittee: z.array(z.string()),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
const PLAN_TEXT = text(MAX_PLAN_TEXT_LENGTH);
export const ServicePlanInput = z.object({
  scope: PLAN_TEXT,
  milestones: list(
    z.object({ label: text(MAX_LABEL_LENGTH), due: CalendarDate.nullable(), done: z.boolean() }),
    MAX_LIST_ITEMS,
  ),
  resources: z.object({ financial: PLAN_TEXT, human: PLAN_TEXT, material: PLAN_TEXT }),
  steeringCommittee: list(text(MAX_NAME_LENGTH), MAX_LIST_ITEMS),
  basedOnVersion: z.number().int(),
});
export const Mission = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(["socle", "specifique"]),
  description: z.string().nullable(),
  leadMemberId: z.string().nullable(),
  memberIds: z.array(z.string()),
  keys: z.object({ investissement: z.string(), fonctionnement: z.string() }),
  plan: ServicePlan.nullable(),
  rowVersion: RowVersion,
});

export const MissionUpdate = z.object({
  name: NAME,
  description: TEXT.nullable(),
  leadMemberId: IdParam.nullable(),
  memberIds: list(IdParam, MAX_MEMBERS).min(1),
  keys: z.object({ investissement: IdParam, fonctionnement: IdParam }),
  rowVersion: RowVersion,
});

export const BudgetLine = z.object({
  missionId: z.string().nullable(),
  label: LABEL,
  section: Section,
  direction: z.enum(["expense", "receipt"]),
  receiptKind: ReceiptKind.nullable(),
  amount: EuroAmount.refine((a) => !a.startsWith("-"), { message: "montant positif attendu" }),
  nature: z.string().nullable(),
});
/** A line as written: its amount within the write limit (limits.ts), its texts bounded. */
export const BudgetLineInput = BudgetLine.extend({
  amount: EuroAmountInput.refine((a) => !a.startsWith("-"), { message: "montant positif attendu" }),
  nature: REFERENCE.nullable(),
});
export const BudgetVersion = z.object({
  id: z.string(),
  year: z.number().int(),
  number: z.number().int(),
  label: z.string(),
  status: BudgetStatus,
  rowVersion: RowVersion,
  lines: z.array(BudgetLine),
  totals: z.object({ expenses: BySection, receipts: BySection, balance: BySection }),
});
/**
 * `POST /api/ententes/:id/exercises`: open exercise `from + 1` from `from`. `calledIn`: the year
 * its contributions are called (default `from + 1`; `from + 2` recalls them, as 2022 in 2023);
 * `carryOver`: `from`'s result per section (a deficit is negative), carried over as a line.
 */
export const ExerciseOpening = z.object({
  from: z.number().int().min(1900).max(2199),
  calledIn: z.number().int().min(1900).max(2200).optional(),
  carryOver: z.object({ investissement: EuroAmount, fonctionnement: EuroAmount }).partial().optional(),
});
export const BudgetUpdate = z.object({
  rowVersion: RowVersion,
  lines: list(BudgetLineInput, MAX_BUDGET_LINES),
});

const SignedEuroAmount = EuroAmount;
export const Settlement = z.object({
  year: z.number().int(),
  rowVersion: RowVersion,
  advances: z.array(
    z.object({
      id: IdParam,
      label: LABEL,
      memberId: IdParam.meta({ description: "The member who paid the expense for all." }),
      amount: EuroAmount.refine((a) => !a.startsWith("-"), { message: "montant positif attendu" }),
      keyId: IdParam.meta({ description: "The key that shares it over the members." }),
    }),
  ),
  adjustments: z.array(
    z.object({
      id: IdParam,
      label: LABEL,
      amounts: z.array(z.object({ memberId: IdParam, amount: SignedEuroAmount })).min(1),
    }),
  ),
});
/** A settlement as written: amounts within the write limit, at most 200 advances and adjustments. */
export const SettlementUpdate = z.object({
  rowVersion: RowVersion,
  advances: list(
    Settlement.shape.advances.element.extend({
      amount: EuroAmountInput.refine((a) => !a.startsWith("-"), { message: "montant positif attendu" }),
    }),
    MAX_ADVANCES,
  ),
  adjustments: list(
    Settlement.shape.adjustments.element.extend({
      amounts: list(z.object({ memberId: IdParam, amount: EuroAmountInput }), MAX_MEMBERS).min(1),
    }),
    MAX_ADJUSTMENTS,
  ),
});

export const Ratification = z.object({
  memberId: z.string(),
  status: RatificationStatus,
  deliberationNumber: z.string().nullable(),
  deliberatedOn: z.string().nullable(),
  rowVersion: RowVersion,
});
export const Decision = z.object({
  id: z.string(),
  subject: z.string(),
  conferenceDate: z.string(),
  conferenceLabel: z.string(),
  budgetYear: z.number().int().nullable(),
  budgetVersionId: z.string().nullable(),
  ratifications: z.array(Ratification),
});
export const DecisionCreate = z.object({
  subject: TEXT.trim().min(1, { message: "texte non vide attendu" }),
  conferenceDate: CalendarDate,
  conferenceLabel: LABEL,
  budgetYear: YearInput.nullable(),
});
export const RatificationUpdate = z.object({
  status: RatificationStatus,
  deliberationNumber: REFERENCE.trim().min(1, { message: "texte non vide attendu" }).nullable(),
  deliberatedOn: CalendarDate.nullable(),
  rowVersion: RowVersion,
});

/** One screen of the console: the year's budget by mission and section, shares, ratification, what is due. */
export const Dashboard = z.object({
  entente: z.object({ id: z.string(), name: z.string(), roundingUnit: z.enum(["euro", "cent"]) }),
  year: z.number().int(),
  years: z.array(z.number().int()),
  budget: z
    .object({ id: z.string(), number: z.number().int(), label: z.string(), status: BudgetStatus })
    .nullable(),
  byMission: z.array(
    z.object({
      missionId: z.string().nullable(),
      name: z.string(),
      investissement: EuroAmount,
      fonctionnement: EuroAmount,
    }),
  ),
  totals: z.object({ expenses: BySection, receipts: BySection, balance: BySection }),
  members: z.array(
    z.object({
      memberId: z.string(),
      name: z.string(),
      rate: z.string().nullable(),
      current: BySection,
      recall: EuroAmount,
      adjustments: EuroAmount,
      total: EuroAmount,
      /** Σ issued: the call + complementary calls − reductions (total while not issued). */
      called: EuroAmount,
      /** total − called once issued: an adopted amending budget's corrections not issued yet. */
      pending: EuroAmount,
      /** Net: payments − refunds of a trop-perçu. */
      paid: EuroAmount,
      /** Σ refunds of a trop-perçu (mandats de remboursement). */
      refunded: EuroAmount,
      /** called − paid. */
      due: EuroAmount,
      ratification: RatificationStatus.nullable(),
    }),
  ),
  fundCallTotal: EuroAmount,
  /** Σ of the member rows shown: called, paid, due (= called − paid). */
  calls: z.object({ called: EuroAmount, paid: EuroAmount, due: EuroAmount }),
  ratified: z.object({ done: z.number().int(), of: z.number().int() }),
  /** Why shares cannot be computed (e.g. a draft out of balance); figures above stay visible. */
  problems: z.array(z.object({ code: z.string(), message: z.string() })),
});

export const AuditEvent = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export const AuditPage = z.object({ events: z.array(AuditEvent), nextBefore: z.string().nullable() });

export const EntenteDetail = z.object({
  id: z.string(),
  name: z.string(),
  roundingUnit: z.enum(["euro", "cent"]),
  defaultKey: z.string(),
  budgetHolder: z.string().nullable(),
  members: z.array(Member),
  keys: z.array(AllocationKey),
  missions: z.array(Mission),
  exercises: z.array(
    z.object({
      year: z.number().int(),
      calledIn: z.number().int(),
      versions: z.array(
        z.object({ id: z.string(), number: z.number().int(), label: z.string(), status: BudgetStatus }),
      ),
    }),
  ),
});

export const ExportFormat = z.enum(["xlsx", "ods", "csv", "pdf", "md", "json"]);

export * from "./entente-file-api.ts";
export * from "./fund-call-api.ts";
export * from "./key-period-api.ts";
export * from "./simulation-api.ts";

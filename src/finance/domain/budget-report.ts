import type { Cents, RoundingUnit } from "../../shared/money.ts";
import type { MissionKind, ReceiptKind, Section } from "./entente.ts";

/** Amounts of one row per section, in cents. */
export type BySection = Readonly<Record<Section, Cents>>;

/** One row of the budget annex: a sub-line of a mission (or general), amounts by section. */
export interface AnnexRow {
  readonly label: string;
  readonly amounts: BySection;
  readonly receiptKind?: ReceiptKind;
}

/** The lines of one mission (or the general lines when `mission` is null) on one side. */
export interface AnnexGroup {
  readonly mission: { readonly id: string; readonly name: string; readonly kind: MissionKind } | null;
  readonly rows: readonly AnnexRow[];
  readonly subtotal: BySection;
}

/** Budget annex (annexe budgétaire) of an exercise: expenses and receipts by mission and section. */
export interface BudgetAnnex {
  readonly expenses: readonly AnnexGroup[];
  readonly receipts: readonly AnnexGroup[];
  readonly totalExpenses: BySection;
  readonly totalReceipts: BySection;
  /** Receipts minus expenses; zero in a valid budget. */
  readonly balance: BySection;
}

/** One member's part of an amount shared by a key. */
export interface ShareRow {
  readonly member: string;
  /** Exact share as a reduced fraction. */
  readonly share: readonly [bigint, bigint];
  /** Share in percent for display (`53`, `30.6`, `33.3333…`). */
  readonly percent: string;
  /** Exact, unrounded amount in euros as decimal text (`288413.28`, truncated with `…` if endless). */
  readonly exactEuros: string;
  /** Rounded amount, in cents; sums exactly to the total. */
  readonly amount: Cents;
}

/** The contributions of one (key, section) group, split by the largest-remainder method. */
export interface KeyAllocation {
  readonly key: string;
  readonly keyLabel: string;
  /** Where the key's figures come from, when the entente says so. */
  readonly keySource?: string;
  readonly section: Section;
  readonly missions: readonly (string | null)[];
  readonly total: Cents;
  readonly rows: readonly ShareRow[];
}

/** An advance or adjustment of an exercise, as per-member signed amounts summing to zero. */
export interface AdjustmentColumn {
  readonly id: string;
  readonly label: string;
  readonly kind: "advance" | "adjustment";
  /** For advances: the member who paid, the amount and the key that shares it. */
  readonly advance?: {
    readonly member: string;
    readonly amount: Cents;
    readonly key: string;
    readonly keyLabel: string;
  };
  readonly amounts: ReadonlyMap<string, Cents>;
}

/** Per member: contributions of an exercise, its adjustments, and the adjusted amount. */
export interface SettlementRow {
  readonly member: string;
  /**
   * Share of the default key in percent (the seed's "taux de contribution"): only when all the
   * exercise's contributions follow the default key, so the rate explains the amount beside it.
   */
  readonly rate?: string;
  readonly contribution: BySection;
  readonly contributionTotal: Cents;
  /** Same order as `Settlement.adjustments`. */
  readonly adjustments: readonly Cents[];
  readonly adjusted: Cents;
}

/** What one exercise asks of the members, with its adjustments (current year or recall). */
export interface Settlement {
  readonly year: number;
  readonly calledIn: number;
  readonly allocations: readonly KeyAllocation[];
  readonly adjustments: readonly AdjustmentColumn[];
  readonly rows: readonly SettlementRow[];
  readonly totals: SettlementRow;
}

/** A member's fund call (appel de fonds) for a year: current share, recalls, adjustments. */
export interface FundCallRow {
  readonly member: string;
  /** Contributions of the exercise of the call year, by section. */
  readonly current: BySection;
  /** Contributions of earlier exercises called this year (rappel). */
  readonly recall: Cents;
  /** Sum of the adjustments and advances of the exercises called this year. */
  readonly adjustments: Cents;
  readonly total: Cents;
}

/**
 * Everything the deliberation tables of one year show (`computeBudgetReport`): the annex, the
 * split of the year's contributions, the exercises called in the year and each member's call.
 */
export interface BudgetReport {
  readonly entente: string;
  readonly year: number;
  readonly roundingUnit: RoundingUnit;
  /** Member ids in the fixed order that breaks rounding ties. */
  readonly memberOrder: readonly string[];
  readonly memberNames: ReadonlyMap<string, string>;
  readonly annex: BudgetAnnex;
  /** Split of this exercise's contributions, whenever they are called. */
  readonly allocation: Settlement;
  /** Exercises whose contributions are called in this year (this one and recalls), oldest first. */
  readonly settlements: readonly Settlement[];
  readonly fundCalls: readonly FundCallRow[];
  readonly fundCallTotals: FundCallRow;
}

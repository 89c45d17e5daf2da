import type { Cents } from "../../shared/money.ts";
import type { BySection } from "../domain/budget-report.ts";
import type { BudgetStatus } from "../domain/budget-status.ts";
import type { RatificationStatus } from "../domain/ratification.ts";
import type { Issue } from "../errors.ts";

/** A member's row of the dashboard: its call of the year, what it paid, what is due. */
export interface DashboardMemberRow {
  readonly memberId: string;
  readonly name: string;
  readonly rate: string | null;
  readonly current: BySection;
  readonly recall: Cents;
  readonly adjustments: Cents;
  /** The computed call of the year under the budgets in force. */
  readonly total: Cents;
  /** Σ issued: the call, plus complementary calls, minus reductions (`total` while not issued). */
  readonly called: Cents;
  /** total − called once issued: an adopted amending budget's corrections not issued yet. */
  readonly pending: Cents;
  /** Net: payments − refunds of a trop-perçu. */
  readonly paid: Cents;
  /** Σ refunds of a trop-perçu (mandats de remboursement). */
  readonly refunded: Cents;
  /** called − paid (negative: a trop-perçu to refund). */
  readonly due: Cents;
  readonly ratification: RatificationStatus | null;
}

/** The console's first screen for a year (see getDashboard). Amounts in cents. */
export interface DashboardView {
  readonly entente: { readonly id: string; readonly name: string; readonly roundingUnit: "euro" | "cent" };
  readonly year: number;
  readonly years: readonly number[];
  readonly budget: {
    readonly id: string;
    readonly number: number;
    readonly label: string;
    readonly status: BudgetStatus;
  } | null;
  readonly byMission: readonly {
    readonly missionId: string | null;
    readonly name: string;
    readonly amounts: BySection;
  }[];
  readonly totals: {
    readonly expenses: BySection;
    readonly receipts: BySection;
    readonly balance: BySection;
  };
  readonly members: readonly DashboardMemberRow[];
  readonly fundCallTotal: Cents;
  /** Σ of the member rows shown: called, paid, due (= called − paid). */
  readonly calls: { readonly called: Cents; readonly paid: Cents; readonly due: Cents };
  readonly ratified: { readonly done: number; readonly of: number };
  /** Why shares cannot be computed (a draft out of balance…): the figures above stay visible. */
  readonly problems: readonly Issue[];
}

import type { Cents } from "../../shared/money.ts";
import type { BudgetReport } from "./budget-report.ts";
import { amountCalled } from "./fund-call-corrections.ts";
import { amountDue } from "./fund-call-rules.ts";

/** One call year of a member's statement (amounts in cents). */
export interface StatementYear {
  readonly year: number;
  /** What the year asks of the member: the issued call, else the computed one. */
  readonly called: Cents;
  /** Whether the fund call is issued (else `called` is what it will be). */
  readonly issued: boolean;
  /** Net: payments − refunds of a trop-perçu. */
  readonly paid: Cents;
  /** Σ refunds of a trop-perçu (mandats de remboursement). */
  readonly refunded: Cents;
  /** called − paid. */
  readonly due: Cents;
}

/** A member's account over the years: each call year, and what it still owes in all. */
export interface MemberStatement {
  readonly member: string;
  readonly years: readonly StatementYear[];
  readonly stillOwed: Cents;
}

/**
 * What one call year asks of `member`: its issued call with its complementary calls and
 * reductions (amending budgets adopted after the issue) and its payments, else its computed call.
 */
export function statementYear(
  member: string,
  report: BudgetReport,
  issued:
    | {
        readonly amountCents: Cents;
        readonly corrections?: readonly { readonly amountCents: Cents }[];
        readonly payments: readonly { readonly amountCents: Cents }[];
        readonly refunds?: readonly { readonly amountCents: Cents }[];
      }
    | undefined,
): StatementYear {
  if (issued !== undefined) {
    const due = amountDue(issued);
    const called = amountCalled(issued);
    return {
      year: report.year,
      called,
      issued: true,
      paid: called - due,
      refunded: (issued.refunds ?? []).reduce((sum, r) => sum + r.amountCents, 0n),
      due,
    };
  }
  const called = report.fundCalls.find((row) => row.member === member)?.total ?? 0n;
  return { year: report.year, called, issued: false, paid: 0n, refunded: 0n, due: called };
}

/**
 * A member's statement: every call year in which it is asked something, and what it still owes
 * (Σ due). For a leaving member this is what it owes on leaving: its share of every exercise it
 * belonged to, including those called or recalled after its last year (as 2022 was called in
 * 2023) and the investments of those years, less what it paid; it is billed nothing after.
 * @example memberStatement("metropole", [{ year: 2023, called: 30579700n, issued: true, paid: 0n, refunded: 0n, due: 30579700n }]).stillOwed // 30579700n
 */
export function memberStatement(member: string, years: readonly StatementYear[]): MemberStatement {
  const asked = years.filter((y) => y.called !== 0n || y.paid !== 0n);
  return { member, years: asked, stillOwed: asked.reduce((sum, y) => sum + y.due, 0n) };
}

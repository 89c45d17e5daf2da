import type { Cents } from "./money.ts";

/** A budget line as the balance rule reads it: its section, expense or receipt, its amount. */
export type BalanceLine<S extends string> = {
  readonly section: S;
  readonly direction: "expense" | "receipt";
  readonly cents: Cents;
};

/** The totals of one section of a budget, in cents. */
export type SectionBalance = {
  expenses: Cents;
  receipts: Cents;
  /** receipts − expenses: 0 when the section is balanced. */
  balance: Cents;
};

/**
 * The balance of each section of a budget: its expenses, its receipts, and receipts − expenses.
 * A budget is voted in balance in each section (CGCT L1612-4, error `budget.unbalanced`); a
 * draft may be out of balance, so this computes the gap and leaves the judgement to the caller.
 * Every section of `sections` is in the result, with zeros when it has no line.
 * @example computeSectionBalances(["fonctionnement"], [
 *   { section: "fonctionnement", direction: "expense", cents: 9500000n },
 * ]).fonctionnement // { expenses: 9500000n, receipts: 0n, balance: -9500000n }
 */
export function computeSectionBalances<S extends string>(
  sections: readonly S[],
  lines: Iterable<BalanceLine<S>>,
): Record<S, SectionBalance> {
  const result = Object.fromEntries(
    sections.map((s) => [s, { expenses: 0n, receipts: 0n, balance: 0n }]),
  ) as Record<S, SectionBalance>;
  for (const line of lines) {
    const section = result[line.section];
    if (line.direction === "expense") section.expenses += line.cents;
    else section.receipts += line.cents;
  }
  for (const s of sections) result[s].balance = result[s].receipts - result[s].expenses;
  return result;
}

import { parseEuroCents } from "./money.ts";

type Section = "investissement" | "fonctionnement";
type LineAmount = { section: Section; direction: "expense" | "receipt"; amount: string };

export type SectionBalance = {
  expenses: bigint;
  receipts: bigint;
  /** receipts − expenses, in cents: 0 when the section is balanced. */
  balance: bigint;
};

export type BudgetBalance = {
  investissement: SectionBalance;
  fonctionnement: SectionBalance;
  /** Indexes of lines whose amount is not a positive amount in euros (left out of the sums). */
  unreadable: number[];
};

/**
 * The live balance of a budget being edited, per section, in BigInt cents: expenses, receipts,
 * and receipts − expenses (an adopted budget must be balanced in each section; a draft may not be).
 * @example computeBudgetBalance([{ section: "fonctionnement", direction: "expense", amount: "95000" }])
 *   .fonctionnement.balance // -9500000n
 */
export function computeBudgetBalance(lines: readonly LineAmount[]): BudgetBalance {
  const zero = (): SectionBalance => ({ expenses: 0n, receipts: 0n, balance: 0n });
  const result: BudgetBalance = { investissement: zero(), fonctionnement: zero(), unreadable: [] };
  lines.forEach((line, index) => {
    const cents = parseEuroCents(line.amount);
    if (cents === null || cents < 0n) {
      result.unreadable.push(index);
      return;
    }
    const section = result[line.section];
    if (line.direction === "expense") section.expenses += cents;
    else section.receipts += cents;
  });
  for (const s of ["investissement", "fonctionnement"] as const) {
    result[s].balance = result[s].receipts - result[s].expenses;
  }
  return result;
}

import { parseEuroCents } from "../../../../../src/shared/money-input.ts";
import { computeSectionBalances, type SectionBalance } from "../../../../../src/shared/section-balance.ts";

type Section = "investissement" | "fonctionnement";
type LineAmount = { section: Section; direction: "expense" | "receipt"; amount: string };
const SECTIONS: readonly Section[] = ["investissement", "fonctionnement"];

/** Each section's expenses, receipts and balance in cents, and the lines left out of the sums. */
export type BudgetBalance = Record<Section, SectionBalance> & {
  /** Indexes of lines whose amount is not a positive amount in euros (left out of the sums). */
  unreadable: number[];
};

/**
 * The live balance of a budget being edited, per section, in BigInt cents: expenses, receipts,
 * and receipts − expenses (an adopted budget must be balanced in each section; a draft may not be).
 * Reads the amounts as typed, then applies the kernel's rule (src/shared/section-balance.ts).
 * @example computeBudgetBalance([{ section: "fonctionnement", direction: "expense", amount: "95000" }])
 *   .fonctionnement.balance // -9500000n
 */
export function computeBudgetBalance(lines: readonly LineAmount[]): BudgetBalance {
  const unreadable: number[] = [];
  const readable = lines.flatMap((line, index) => {
    const cents = parseEuroCents(line.amount);
    if (cents !== null && cents >= 0n) return [{ ...line, cents }];
    unreadable.push(index);
    return [];
  });
  return { ...computeSectionBalances(SECTIONS, readable), unreadable };
}

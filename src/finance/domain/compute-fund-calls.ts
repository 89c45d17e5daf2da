import type { Cents } from "../../shared/money.ts";
import type { FundCallRow, Settlement } from "./budget-report.ts";
import { SECTIONS } from "./entente.ts";
import { zeroBySection } from "./zero-by-section.ts";

/** One member's call: its rows of the exercises called in `year` (current, recalls, adjustments). */
function fundCallOf(
  member: string,
  index: number,
  settlements: readonly Settlement[],
  year: number,
): FundCallRow {
  const current = zeroBySection();
  let recall = 0n;
  let adjustments = 0n;
  for (const settlement of settlements) {
    const row = settlement.rows[index];
    if (row === undefined) continue;
    if (settlement.year === year) for (const s of SECTIONS) current[s] += row.contribution[s];
    else recall += row.contributionTotal;
    adjustments += row.adjusted - row.contributionTotal;
  }
  return {
    member,
    current,
    recall,
    adjustments,
    total: current.investissement + current.fonctionnement + recall + adjustments,
  };
}

/**
 * Each member's fund call (appel de fonds) of `year` from the settlements of the exercises
 * called in it, and their totals. Invariant: the calls sum to the contributions and adjustments
 * called in the year.
 */
export function computeFundCalls(
  memberOrder: readonly string[],
  settlements: readonly Settlement[],
  year: number,
): { fundCalls: FundCallRow[]; fundCallTotals: FundCallRow } {
  const fundCalls = memberOrder.map((member, i) => fundCallOf(member, i, settlements, year));
  const sum = (pick: (r: FundCallRow) => Cents) => fundCalls.reduce((s, r) => s + pick(r), 0n);
  const fundCallTotals: FundCallRow = {
    member: "",
    current: {
      investissement: sum((r) => r.current.investissement),
      fonctionnement: sum((r) => r.current.fonctionnement),
    },
    recall: sum((r) => r.recall),
    adjustments: sum((r) => r.adjustments),
    total: sum((r) => r.total),
  };
  return { fundCalls, fundCallTotals };
}

import type { Cents } from "../../shared/money.ts";
import { adjustmentColumns } from "./adjustment-columns.ts";
import type { AdjustmentColumn, KeyAllocation, Settlement, SettlementRow } from "./budget-report.ts";
import { type Exercise, SECTIONS, type Section } from "./entente.ts";
import { sharePercentText } from "./exact-shares.ts";
import { keyAllocations } from "./key-allocations.ts";
import type { ReportContext } from "./report-context.ts";
import { zeroBySection } from "./zero-by-section.ts";

/** Each member's contributions by section: the sum of its rows over every allocation. */
function contributionsByMember(
  memberOrder: readonly string[],
  allocations: readonly KeyAllocation[],
): Map<string, Record<Section, Cents>> {
  const contributions = new Map(memberOrder.map((member) => [member, zeroBySection()]));
  for (const allocation of allocations) {
    for (const row of allocation.rows) {
      const contribution = contributions.get(row.member);
      if (contribution !== undefined) contribution[allocation.section] += row.amount;
    }
  }
  return contributions;
}

/**
 * One row per member: contributions, adjustments and the adjusted amount. The default key's rate
 * is shown only when every allocation follows the default key (`singleKey`).
 */
function settlementRows(
  context: ReportContext,
  allocations: readonly KeyAllocation[],
  adjustments: readonly AdjustmentColumn[],
  singleKey: boolean,
): SettlementRow[] {
  const { entente } = context;
  const memberOrder = entente.members.map((m) => m.id);
  const defaultShares = context.sharesOf(entente.defaultKey);
  const contributions = contributionsByMember(memberOrder, allocations);
  const defaultIndex = new Map(defaultShares.members.map((member, index) => [member, index]));
  return memberOrder.map((member) => {
    const contribution = contributions.get(member) ?? zeroBySection();
    const contributionTotal = contribution.investissement + contribution.fonctionnement;
    const memberAdjustments = adjustments.map((a) => a.amounts.get(member) ?? 0n);
    const index = defaultIndex.get(member) ?? -1;
    return {
      member,
      ...(index === -1 || !singleKey ? {} : { rate: sharePercentText(defaultShares, index) }),
      contribution,
      contributionTotal,
      adjustments: memberAdjustments,
      adjusted: contributionTotal + memberAdjustments.reduce((s, a) => s + a, 0n),
    };
  });
}

/** The totals row: every column summed over the members. */
function settlementTotals(
  rows: readonly SettlementRow[],
  adjustments: readonly AdjustmentColumn[],
  singleKey: boolean,
): SettlementRow {
  const totalContribution = zeroBySection();
  for (const row of rows) for (const s of SECTIONS) totalContribution[s] += row.contribution[s];
  return {
    member: "",
    ...(singleKey ? { rate: "100" } : {}),
    contribution: totalContribution,
    contributionTotal: rows.reduce((s, r) => s + r.contributionTotal, 0n),
    adjustments: adjustments.map((_, i) => rows.reduce((s, r) => s + (r.adjustments[i] ?? 0n), 0n)),
    adjusted: rows.reduce((s, r) => s + r.adjusted, 0n),
  };
}

/**
 * What one exercise asks of the members: its contributions split by key, its advances and
 * adjustments, each member's row and the totals (the seed's "Partenaires" table).
 */
export function settleExercise(context: ReportContext, exercise: Exercise): Settlement {
  const allocations = keyAllocations(context, exercise);
  const adjustments = adjustmentColumns(context, exercise);
  const singleKey = allocations.every((a) => a.key === context.entente.defaultKey);
  const rows = settlementRows(context, allocations, adjustments, singleKey);
  const totals = settlementTotals(rows, adjustments, singleKey);
  return { year: exercise.year, calledIn: exercise.calledIn, allocations, adjustments, rows, totals };
}

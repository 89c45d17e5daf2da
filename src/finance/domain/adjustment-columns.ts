import type { Cents } from "../../shared/money.ts";
import type { AdjustmentColumn } from "./budget-report.ts";
import type { Advance, Exercise } from "./entente.ts";
import type { ReportContext } from "./report-context.ts";

/**
 * An advance as an adjustment: its amount shared by its key over the key's members, the member
 * who advanced it credited with the whole, so the column sums to zero.
 */
function advanceColumn(context: ReportContext, advance: Advance): AdjustmentColumn {
  const shares = context.sharesOf(advance.key);
  const parts = context.split(advance.amount, shares);
  const amounts = new Map<string, Cents>();
  shares.members.forEach((member, i) => {
    amounts.set(member, parts[i] ?? 0n);
  });
  amounts.set(advance.member, (amounts.get(advance.member) ?? 0n) - advance.amount);
  return {
    id: advance.id,
    label: advance.label,
    kind: "advance",
    advance: {
      member: advance.member,
      amount: advance.amount,
      key: advance.key,
      keyLabel: context.entente.keys.find((k) => k.id === advance.key)?.label ?? advance.key,
    },
    amounts,
  };
}

/** The advances, then the adjustments, of an exercise as per-member signed columns. */
export function adjustmentColumns(context: ReportContext, exercise: Exercise): AdjustmentColumn[] {
  return [
    ...exercise.advances.map((advance) => advanceColumn(context, advance)),
    ...exercise.adjustments.map(
      (adjustment): AdjustmentColumn => ({
        id: adjustment.id,
        label: adjustment.label,
        kind: "adjustment",
        amounts: new Map(adjustment.amounts.map((a) => [a.member, a.amount])),
      }),
    ),
  ];
}

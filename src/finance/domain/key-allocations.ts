import type { KeyAllocation } from "./budget-report.ts";
import type { Exercise } from "./entente.ts";
import { exactEuros } from "./exact-euros.ts";
import { reducedShare, sharePercentText } from "./exact-shares.ts";
import { groupByKey } from "./group-by-key.ts";
import type { ReportContext } from "./report-context.ts";

/**
 * The members' contributions of an exercise, one allocation per (key, section) group that asks
 * for any: each split by its key at the rounding unit (largest remainder), with the exact share
 * and the exact amount beside the rounded one.
 */
export function keyAllocations(context: ReportContext, exercise: Exercise): KeyAllocation[] {
  const { entente, sharesOf, split } = context;
  return groupByKey(entente, exercise)
    .filter((g) => g.contributions !== 0n)
    .map((group) => {
      const shares = sharesOf(group.key);
      const amounts = split(group.contributions, shares);
      const key = entente.keys.find((k) => k.id === group.key);
      return {
        key: group.key,
        keyLabel: key?.label ?? group.key,
        ...(key?.source === undefined ? {} : { keySource: key.source }),
        section: group.section,
        missions: group.missions,
        total: group.contributions,
        rows: shares.members.map((member, i) => ({
          member,
          share: reducedShare(shares, i),
          percent: sharePercentText(shares, i),
          exactEuros: exactEuros(group.contributions, shares, i),
          amount: amounts[i] ?? 0n,
        })),
      };
    });
}

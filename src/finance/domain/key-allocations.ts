import type { KeyAllocation } from "./budget-report.ts";
import type { Exercise } from "./entente.ts";
import { exactEuros } from "./exact-euros.ts";
import { type ExactShares, reducedShare, sharePercentText } from "./exact-shares.ts";
import { groupByKey } from "./group-by-key.ts";
import type { ReportContext } from "./report-context.ts";

// Each shares' fractions and percentages once: a key's shares serve both sections and every
// group of a report (20 000 members × 17 keys, bench/). Shares are never changed once resolved.
const sharesTexts = new WeakMap<
  ExactShares,
  { fractions: (readonly [bigint, bigint])[]; percents: string[] }
>();

function textsOf(shares: ExactShares) {
  let texts = sharesTexts.get(shares);
  if (texts === undefined) {
    texts = {
      fractions: shares.members.map((_, i) => reducedShare(shares, i)),
      percents: shares.members.map((_, i) => sharePercentText(shares, i)),
    };
    sharesTexts.set(shares, texts);
  }
  return texts;
}

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
      const { fractions, percents } = textsOf(shares);
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
          share: fractions[i] ?? reducedShare(shares, i),
          percent: percents[i] ?? sharePercentText(shares, i),
          exactEuros: exactEuros(group.contributions, shares, i),
          amount: amounts[i] ?? 0n,
        })),
      };
    });
}

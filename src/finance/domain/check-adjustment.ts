import { checkZeroSum } from "../../shared/zero-sum.ts";
import { type Issue, localized } from "../errors.ts";
import type { Adjustment } from "./entente.ts";
import { ENTITY_NAMES } from "./entity-names.ts";
import type { ExerciseChecks } from "./exercise-checks.ts";
import { localizedEuros as euros } from "./localized-euros.ts";

/** A member named twice in the same adjustment. */
function duplicateMembers(adjustment: Adjustment): Issue[] {
  const issues: Issue[] = [];
  const seenMembers = new Set<string>();
  for (const { member } of adjustment.amounts) {
    if (seenMembers.has(member)) {
      issues.push({
        code: "entente.duplicate_id",
        path: [...adjustment.path, "amounts", member],
        details: {
          id: member,
          what: ENTITY_NAMES.member,
          first: localized("dans la même régularisation", "in the same adjustment"),
        },
      });
    }
    seenMembers.add(member);
  }
  return issues;
}

/**
 * An adjustment names known members once each, in whole rounding units, and sums to zero
 * (`adjustment.not_zero_sum`): it moves money between members, it adds none. Unknown members go
 * to the shared list of `checks`; the other problems are returned.
 */
export function checkAdjustment(adjustment: Adjustment, checks: ExerciseChecks): Issue[] {
  for (const { member } of adjustment.amounts)
    checks.checkMember(member, [...adjustment.path, "amounts", member]);
  const issues = duplicateMembers(adjustment);
  for (const { member, amount } of adjustment.amounts) {
    if (amount % checks.unit !== 0n) {
      issues.push({
        code: "rounding.not_whole_unit",
        path: [...adjustment.path, "amounts", member],
        details: {
          what: localized(`la régularisation ${adjustment.id}`, `adjustment ${adjustment.id}`),
          amount: euros(amount, true),
          unit: checks.unitName,
        },
      });
    }
  }
  const { sum, zero } = checkZeroSum(adjustment.amounts.map((a) => a.amount));
  if (!zero) {
    issues.push({
      code: "adjustment.not_zero_sum",
      path: [...adjustment.path, "amounts"],
      details: { adjustment: adjustment.id, sum: euros(sum, true) },
    });
  }
  return issues;
}

import { type Issue, localized } from "../errors.ts";
import type { Advance } from "./entente.ts";
import { ENTITY_NAMES } from "./entity-names.ts";
import type { ExerciseChecks } from "./exercise-checks.ts";
import { localizedEuros as euros } from "./localized-euros.ts";

/**
 * An advance is made by a known member of its key (`advance.member_not_in_key`), with a known
 * key, in whole rounding units. Unknown references go to the shared list of `checks`; the
 * other problems are returned.
 */
export function checkAdvance(advance: Advance, checks: ExerciseChecks): Issue[] {
  const issues: Issue[] = [];
  checks.checkMember(advance.member, [...advance.path, "member"]);
  if (!checks.keyIds.includes(advance.key)) {
    checks.unknown(ENTITY_NAMES.key, advance.key, checks.keyIds, [...advance.path, "key"]);
  } else if (
    checks.memberSet.has(advance.member) &&
    checks.keyMembers.has(advance.key) &&
    !checks.keyMembers.get(advance.key)?.has(advance.member)
  ) {
    issues.push({
      code: "advance.member_not_in_key",
      path: [...advance.path, "member"],
      details: { advance: advance.id, member: advance.member, key: advance.key },
    });
  }
  if (advance.amount % checks.unit !== 0n) {
    issues.push({
      code: "rounding.not_whole_unit",
      path: [...advance.path, "amount"],
      details: {
        what: localized(`l'avance ${advance.id}`, `advance ${advance.id}`),
        amount: euros(advance.amount),
        unit: checks.unitName,
      },
    });
  }
  return issues;
}

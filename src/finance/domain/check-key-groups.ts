import { type Issue, localized } from "../errors.ts";
import type { Entente, Exercise } from "./entente.ts";
import type { ExerciseChecks } from "./exercise-checks.ts";
import { groupByKey } from "./group-by-key.ts";
import { localizedEuros as euros } from "./localized-euros.ts";

/**
 * Per (key, section) group of an exercise: contributions equal the net cost for every key but
 * the default one (`budget.key_group_unbalanced`, CGCT L5221-1), and the contributions to share
 * are whole rounding units (`rounding.not_whole_unit`). Groups of unknown keys are skipped: the
 * key is reported already.
 */
export function checkKeyGroups(
  entente: Entente,
  exercise: Exercise,
  e: number,
  checks: ExerciseChecks,
): Issue[] {
  const issues: Issue[] = [];
  for (const group of groupByKey(entente, exercise)) {
    if (!checks.keyIds.includes(group.key)) continue;
    if (group.key !== entente.defaultKey && group.contributions !== group.netCost) {
      issues.push({
        code: "budget.key_group_unbalanced",
        path: ["exercises", e],
        details: {
          year: exercise.year,
          key: group.key,
          section: group.section,
          contributions: euros(group.contributions),
          netCost: euros(group.netCost),
          difference: euros(group.contributions - group.netCost, true),
        },
      });
    }
    if (group.contributions % checks.unit !== 0n) {
      issues.push({
        code: "rounding.not_whole_unit",
        path: ["exercises", e],
        details: {
          what: localized(
            `la contribution ${group.section} (clé ${group.key})`,
            `the ${group.section} contribution (key ${group.key})`,
          ),
          amount: euros(group.contributions),
          unit: checks.unitName,
        },
      });
    }
  }
  return issues;
}

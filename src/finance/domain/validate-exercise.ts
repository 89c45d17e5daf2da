import type { Issue } from "../errors.ts";
import { checkAdjustment } from "./check-adjustment.ts";
import { checkAdvance } from "./check-advance.ts";
import { checkExerciseBalance } from "./check-exercise-balance.ts";
import { checkKeyGroups } from "./check-key-groups.ts";
import type { Entente, Exercise } from "./entente.ts";
import { ENTITY_NAMES } from "./entity-names.ts";
import type { ExerciseChecks } from "./exercise-checks.ts";
import { findDuplicates } from "./find-duplicates.ts";

/** A year's contributions are called in that year or later (a recall), never before. */
function checkCalledIn(exercise: Exercise, e: number): Issue[] {
  if (exercise.calledIn >= exercise.year) return [];
  return [
    {
      code: "exercise.called_before_year",
      path: ["exercises", e, "calledIn"],
      details: { year: exercise.year, calledIn: exercise.calledIn },
    },
  ];
}

/**
 * Reports the unknown missions of the lines (once per entry of the file) to the shared list.
 * @returns whether every line's mission is known: the key groups are checked only then.
 */
function checkLineMissions(exercise: Exercise, checks: ExerciseChecks): boolean {
  let referencesOk = true;
  const reported = new Set<string>();
  for (const line of exercise.lines) {
    const entry = JSON.stringify(line.path.slice(0, -1));
    if (line.mission !== undefined && !checks.missionIds.includes(line.mission) && !reported.has(entry)) {
      reported.add(entry);
      // line.path points at the section's amount; the mission field sits beside it.
      checks.unknown(ENTITY_NAMES.mission, line.mission, checks.missionIds, [
        ...line.path.slice(0, -1),
        "mission",
      ]);
      referencesOk = false;
    }
  }
  return referencesOk;
}

/**
 * The rules of one exercise (`e`: its index in the entente), as a list of checks in the order
 * their problems are reported: call year, missions of the lines, unique advance and adjustment
 * ids, balance per section, key groups, advances, adjustments. Unknown references go to the
 * shared list of `checks` as they are met; the other problems are returned.
 */
export function validateExercise(
  entente: Entente,
  exercise: Exercise,
  e: number,
  checks: ExerciseChecks,
): Issue[] {
  const issues = checkCalledIn(exercise, e);
  const referencesOk = checkLineMissions(exercise, checks);
  issues.push(
    ...findDuplicates(
      exercise.advances,
      (a) => a.id,
      ENTITY_NAMES.advance,
      (i) => ["exercises", e, "advances", i, "id"],
    ),
    ...findDuplicates(
      exercise.adjustments,
      (a) => a.id,
      ENTITY_NAMES.adjustment,
      (i) => ["exercises", e, "adjustments", i, "id"],
    ),
    ...checkExerciseBalance(exercise, e),
  );
  if (referencesOk) issues.push(...checkKeyGroups(entente, exercise, e, checks));
  for (const advance of exercise.advances) issues.push(...checkAdvance(advance, checks));
  for (const adjustment of exercise.adjustments) issues.push(...checkAdjustment(adjustment, checks));
  return issues;
}

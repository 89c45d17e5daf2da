import { unitInCents } from "../../shared/money.ts";
import type { Issue } from "../errors.ts";
import type { Entente } from "./entente.ts";
import { ENTITY_NAMES } from "./entity-names.ts";
import { findDuplicates } from "./find-duplicates.ts";
import { ententeAtYear } from "./key-at-year.ts";
import { checkMemberIdentities } from "./member-identity.ts";
import { checkMembersBilled, validateMember } from "./membership.ts";
import { createReferenceChecks, type ReferenceChecks } from "./reference-checks.ts";
import { validateExercise } from "./validate-exercise.ts";
import { validateKeys } from "./validate-keys.ts";
import { validateMissions } from "./validate-missions.ts";

/** Members, keys, missions and exercises each have a unique id (year for exercises). */
function duplicateIds(entente: Entente): Issue[] {
  return [
    ...findDuplicates(
      entente.members,
      (m) => m.id,
      ENTITY_NAMES.member,
      (i) => ["members", i, "id"],
    ),
    ...findDuplicates(
      entente.keys,
      (k) => k.id,
      ENTITY_NAMES.key,
      (i) => ["keys", i, "id"],
    ),
    ...findDuplicates(
      entente.missions,
      (m) => m.id,
      ENTITY_NAMES.mission,
      (i) => ["missions", i, "id"],
    ),
    ...findDuplicates(
      entente.exercises,
      (e) => e.year,
      ENTITY_NAMES.exercise,
      (i) => ["exercises", i, "year"],
    ),
  ];
}

/** The budget holder is a member; the default key exists. */
function checkEntenteReferences(entente: Entente, references: ReferenceChecks): void {
  if (entente.budgetHolder !== undefined)
    references.checkMember(entente.budgetHolder, ["entente", "budgetHolder"]);
  if (!references.keyIds.includes(entente.defaultKey))
    references.unknown(ENTITY_NAMES.key, entente.defaultKey, references.keyIds, ["entente", "defaultKey"]);
}

/**
 * Checks every rule of DESIGN.md pillar 1 that the data must satisfy before any computation,
 * and returns all problems at once (an empty list means the entente is valid):
 * unique ids; members of distinct SIRENs and names (member-identity.ts); known references (members, keys, missions); SIREN/SIRET check digits and
 * memberships (membership.ts); keys and their periods summing to exactly 100 %; key
 * members taking part in their mission; per exercise, expenses = receipts in each section
 * (`budget.unbalanced`), contributions = net cost for every mission key other than the default
 * (`budget.key_group_unbalanced`, CGCT L5221-1: contributions equal the net cost); amounts to
 * share in whole rounding units; advances by members of their key; adjustments summing to zero;
 * no member billed in an exercise outside its membership. Each exercise is checked with the keys
 * as they hold in its year (key-at-year.ts).
 *
 * The checks run as a list of steps — ids, entente references, keys, missions, then each
 * exercise — and the problems keep that order.
 */
export function validateEntente(entente: Entente): Issue[] {
  const issues: Issue[] = [];
  const references = createReferenceChecks(entente, issues);
  issues.push(...duplicateIds(entente));
  checkEntenteReferences(entente, references);
  entente.members.forEach((member, m) => {
    issues.push(...validateMember(member, m));
  });
  issues.push(...checkMemberIdentities(entente.members));
  const keyMembers = validateKeys(entente.keys, references, issues);
  validateMissions(entente.missions, references, keyMembers, issues);
  const checks = {
    ...references,
    keyMembers,
    unit: unitInCents(entente.rounding.unit),
    unitName: entente.rounding.unit === "euro" ? "euro" : "centime",
  };
  // Each exercise with its own year's keys; a member is billed only for the years it belongs to.
  entente.exercises.forEach((exercise, e) => {
    const atYear = ententeAtYear(entente, exercise.year);
    issues.push(...validateExercise(atYear, exercise, e, checks), ...checkMembersBilled(atYear, exercise, e));
  });
  return issues;
}

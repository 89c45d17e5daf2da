import type { EntenteFileData } from "../contracts/entente-file.ts";
import type { Entente, PublicAccountant } from "../domain/entente.ts";
import type { Issue } from "../errors.ts";
import { createNumberReaders } from "./create-number-readers.ts";
import { toAllocationKeys } from "./to-allocation-keys.ts";
import { toExercise } from "./to-exercise.ts";
import { toMissions } from "./to-missions.ts";

/** The member's public accountant, without absent fields. */
function toAccountant(
  entry: NonNullable<EntenteFileData["members"][number]["accountant"]>,
): PublicAccountant {
  return {
    office: entry.office,
    ...(entry.code === undefined ? {} : { code: entry.code }),
    ...(entry.address === undefined ? {} : { address: entry.address }),
  };
}

/**
 * Converts validated file data into the domain model — keys, missions, exercises, in that order
 * — appending the problems of its numbers (amounts, rates) to `issues`.
 */
export function toEntente(data: EntenteFileData, issues: Issue[]): Entente {
  const read = createNumberReaders(issues);
  const keys = toAllocationKeys(data.keys, read);
  const missions = toMissions(data, keys);
  const defaultKey = data.entente.defaultKey;
  const exercises = data.exercises.map((exercise, e) => toExercise(exercise, e, defaultKey, read));
  return {
    name: data.entente.name,
    legalBasis: data.entente.legalBasis,
    rounding: { unit: data.entente.rounding.unit },
    defaultKey,
    members: data.members.map((m) => ({
      id: m.id,
      name: m.name,
      kind: m.kind,
      ...(m.siren === undefined ? {} : { siren: m.siren }),
      ...(m.siret === undefined ? {} : { siret: m.siret }),
      ...(m.assembly === undefined ? {} : { assembly: m.assembly }),
      ...(m.from === undefined ? {} : { from: m.from }),
      ...(m.to === undefined ? {} : { to: m.to }),
      ...(m.accountant === undefined ? {} : { accountant: toAccountant(m.accountant) }),
    })),
    keys,
    missions,
    exercises,
    ...(data.entente.budgetHolder === undefined ? {} : { budgetHolder: data.entente.budgetHolder }),
  };
}

import type { Kysely } from "kysely";
import type { AllocationKey, Entente, Exercise, Member, Mission } from "../domain/entente.ts";
import { withoutUsage } from "../domain/usage-figures.ts";
import {
  insertExercise,
  insertExerciseRows,
  insertKey,
  insertKeyBasis,
  insertKeyPeriods,
  insertMission,
} from "./insert-entente.ts";
import type { FinanceDatabase } from "./tables.ts";

type Trx = Kysely<FinanceDatabase>;

/** What is stored already: the ids the file updates rather than inserts. */
export interface StoredIds {
  readonly members: ReadonlySet<string>;
  readonly keys: ReadonlySet<string>;
  readonly missions: ReadonlySet<string>;
}

async function applyEntenteRow(trx: Trx, id: string, next: Entente): Promise<void> {
  await trx
    .updateTable("entente")
    .set({
      name: next.name,
      legal_basis: JSON.stringify(next.legalBasis),
      rounding_unit: next.rounding.unit,
      budget_holder: next.budgetHolder ?? null,
      default_key: next.defaultKey,
    })
    .where("id", "=", id)
    .execute();
}

async function applyMember(trx: Trx, id: string, member: Member, position: number, exists: boolean) {
  const values = {
    position,
    name: member.name,
    kind: member.kind,
    siren: member.siren ?? null,
    siret: member.siret ?? null,
    assembly: member.assembly ?? null,
    from_year: member.from ?? null,
    to_year: member.to ?? null,
    accountant: member.accountant === undefined ? null : JSON.stringify(member.accountant),
  };
  if (!exists) {
    await trx
      .insertInto("member")
      .values({ entente_id: id, id: member.id, ...values })
      .execute();
    return;
  }
  await trx
    .updateTable("member")
    .set((eb) => ({ ...values, row_version: eb("row_version", "+", 1) }))
    .where("entente_id", "=", id)
    .where("id", "=", member.id)
    .execute();
}

async function applyKey(trx: Trx, id: string, key: AllocationKey, exists: boolean): Promise<void> {
  if (!exists) return insertKey(trx, id, key);
  await trx.deleteFrom("key_share").where("entente_id", "=", id).where("key_id", "=", key.id).execute();
  await trx.deleteFrom("key_criterion").where("entente_id", "=", id).where("key_id", "=", key.id).execute();
  await trx.deleteFrom("key_period").where("entente_id", "=", id).where("key_id", "=", key.id).execute();
  await trx
    .updateTable("allocation_key")
    .set((eb) => ({
      label: key.label,
      source: key.source ?? null,
      basis: withoutUsage(key.basis).kind,
      row_version: eb("row_version", "+", 1),
    }))
    .where("entente_id", "=", id)
    .where("id", "=", key.id)
    .execute();
  await insertKeyBasis(trx, id, key);
  await insertKeyPeriods(trx, id, key);
}

async function applyMission(trx: Trx, id: string, mission: Mission, position: number, exists: boolean) {
  if (!exists) return insertMission(trx, id, mission, position);
  await trx
    .updateTable("mission")
    .set((eb) => ({
      position,
      name: mission.name,
      kind: mission.kind,
      lead_member_id: mission.lead ?? null,
      key_investissement: mission.keys.investissement,
      key_fonctionnement: mission.keys.fonctionnement,
      row_version: eb("row_version", "+", 1),
    }))
    .where("entente_id", "=", id)
    .where("id", "=", mission.id)
    .execute();
  await trx
    .deleteFrom("mission_member")
    .where("entente_id", "=", id)
    .where("mission_id", "=", mission.id)
    .execute();
  if (mission.members.length > 0)
    await trx
      .insertInto("mission_member")
      .values(
        mission.members.map((member) => ({ entente_id: id, mission_id: mission.id, member_id: member })),
      )
      .execute();
}

/** An exercise's call year, the lines of its latest budget version, its advances and adjustments. */
async function applyExercise(trx: Trx, id: string, exercise: Exercise): Promise<void> {
  const stored = await trx
    .selectFrom("exercise")
    .select("year")
    .where("entente_id", "=", id)
    .where("year", "=", exercise.year)
    .executeTakeFirst();
  if (stored === undefined) return insertExercise(trx, id, exercise);
  await trx
    .updateTable("exercise")
    .set({ called_in: exercise.calledIn })
    .where("entente_id", "=", id)
    .where("year", "=", exercise.year)
    .execute();
  const latest = await trx
    .selectFrom("budget_version")
    .select("id")
    .where("entente_id", "=", id)
    .where("year", "=", exercise.year)
    .orderBy("number", "desc")
    .executeTakeFirstOrThrow();
  await trx.deleteFrom("budget_line").where("budget_version_id", "=", latest.id).execute();
  // The latest version's advances and adjustments (adjustment_amount rows go by ON DELETE CASCADE).
  for (const table of ["advance", "adjustment"] as const)
    await trx.deleteFrom(table).where("budget_version_id", "=", latest.id).execute();
  await insertExerciseRows(trx, id, latest.id, exercise);
}

/**
 * Writes `next` over the stored entente in transaction `trx`, as a list of steps: the entente,
 * its members, keys and missions (updated, or inserted when new), then the exercises in
 * `openYears` (call year, the lines of the latest budget version, advances, adjustments) and the
 * new ones. Exercises not open keep every stored figure. A stored mission the file lacks is
 * deleted with its members and service plans (the use case allowed it: no frozen year's line
 * names it); members, keys and exercises are never removed (the use case refuses it).
 */
export async function applyEntente(
  trx: Trx,
  id: string,
  next: Entente,
  stored: StoredIds,
  openYears: ReadonlySet<number>,
): Promise<void> {
  await applyEntenteRow(trx, id, next);
  for (const [position, member] of next.members.entries())
    await applyMember(trx, id, member, position, stored.members.has(member.id));
  for (const key of next.keys) await applyKey(trx, id, key, stored.keys.has(key.id));
  for (const [position, mission] of next.missions.entries())
    await applyMission(trx, id, mission, position, stored.missions.has(mission.id));
  const missions = new Set(next.missions.map((m) => m.id));
  const gone = [...stored.missions].filter((mission) => !missions.has(mission));
  // mission_member and service_plan rows go by ON DELETE CASCADE (0001_init.sql)
  if (gone.length > 0)
    await trx.deleteFrom("mission").where("entente_id", "=", id).where("id", "in", gone).execute();
  for (const exercise of next.exercises)
    if (openYears.has(exercise.year)) await applyExercise(trx, id, exercise);
}

import type { Kysely } from "kysely";
import type { AllocationKey, Entente, Exercise, Mission } from "../domain/entente.ts";
import { withoutUsage } from "../domain/usage-figures.ts";
import { insertBudgetLines } from "./insert-budget-lines.ts";
import { insertSettlementRows } from "./insert-settlement-rows.ts";
import { basisToJson } from "./key-period-json.ts";
import type { FinanceDatabase } from "./tables.ts";

type Trx = Kysely<FinanceDatabase>;

async function insertEntenteRow(trx: Trx, id: string, entente: Entente): Promise<void> {
  await trx
    .insertInto("entente")
    .values({
      id,
      name: entente.name,
      legal_basis: JSON.stringify(entente.legalBasis),
      convention: null,
      rounding_unit: entente.rounding.unit,
      budget_holder: entente.budgetHolder ?? null,
      default_key: entente.defaultKey,
    })
    .execute();
}

async function insertMembers(trx: Trx, id: string, entente: Entente): Promise<void> {
  await trx
    .insertInto("member")
    .values(
      entente.members.map((m, position) => ({
        entente_id: id,
        id: m.id,
        position,
        name: m.name,
        kind: m.kind,
        siren: m.siren ?? null,
        siret: m.siret ?? null,
        assembly: m.assembly ?? null,
        accountant: m.accountant === undefined ? null : JSON.stringify(m.accountant),
        from_year: m.from ?? null,
        to_year: m.to ?? null,
      })),
    )
    .execute();
}

/** A criteria key's criteria, each with its value per member. */
async function insertCriteria(trx: Trx, id: string, key: AllocationKey): Promise<void> {
  if (key.basis.kind !== "criteria") return;
  for (const [position, criterion] of key.basis.criteria.entries()) {
    await trx
      .insertInto("key_criterion")
      .values({
        entente_id: id,
        key_id: key.id,
        id: criterion.id,
        position,
        label: criterion.label ?? null,
        source: criterion.source ?? null,
        weight: criterion.weight,
      })
      .execute();
    if (criterion.values.length === 0) continue;
    await trx
      .insertInto("key_criterion_value")
      .values(
        criterion.values.map((v) => ({
          entente_id: id,
          key_id: key.id,
          criterion_id: criterion.id,
          member_id: v.member,
          value: v.value,
        })),
      )
      .execute();
  }
}

/** A key's later periods, each basis as one JSON value. */
export async function insertKeyPeriods(trx: Trx, id: string, key: AllocationKey): Promise<void> {
  const periods = key.periods ?? [];
  if (periods.length === 0) return;
  await trx
    .insertInto("key_period")
    .values(
      periods.map((p) => ({
        entente_id: id,
        key_id: key.id,
        from_year: p.from,
        basis: p.basis.kind,
        data: JSON.stringify(basisToJson(p.basis)),
        source: p.source ?? null,
      })),
    )
    .execute();
}

/** A key's shares (percent: ten-thousandths; weights: weight) or its criteria, its row written. */
export async function insertKeyBasis(trx: Trx, id: string, key: AllocationKey): Promise<void> {
  const basis = withoutUsage(key.basis);
  if (basis.kind === "criteria") return insertCriteria(trx, id, { ...key, basis });
  const shares =
    basis.kind === "percent"
      ? basis.shares.map((s) => ({ member: s.member, value: s.tenThousandths }))
      : basis.shares.map((s) => ({ member: s.member, value: s.weight }));
  if (shares.length === 0) return;
  await trx
    .insertInto("key_share")
    .values(shares.map((s) => ({ entente_id: id, key_id: key.id, member_id: s.member, value: s.value })))
    .execute();
}

/** A key with its shares or its criteria. */
export async function insertKey(trx: Trx, id: string, key: AllocationKey): Promise<void> {
  await trx
    .insertInto("allocation_key")
    .values({
      entente_id: id,
      id: key.id,
      label: key.label,
      source: key.source ?? null,
      basis: withoutUsage(key.basis).kind,
    })
    .execute();
  await insertKeyBasis(trx, id, key);
  await insertKeyPeriods(trx, id, key);
}

/** A mission, its members and an empty first version of its service plan. */
export async function insertMission(trx: Trx, id: string, mission: Mission, position: number): Promise<void> {
  await trx
    .insertInto("mission")
    .values({
      entente_id: id,
      id: mission.id,
      position,
      name: mission.name,
      kind: mission.kind,
      description: null,
      lead_member_id: mission.lead ?? null,
      key_investissement: mission.keys.investissement,
      key_fonctionnement: mission.keys.fonctionnement,
    })
    .execute();
  if (mission.members.length > 0) {
    await trx
      .insertInto("mission_member")
      .values(
        mission.members.map((member) => ({ entente_id: id, mission_id: mission.id, member_id: member })),
      )
      .execute();
  }
  await trx
    .insertInto("service_plan")
    .values({
      entente_id: id,
      mission_id: mission.id,
      version: 1,
      scope: "",
      milestones: "[]",
      resources: "{}",
      steering_committee: "[]",
      created_by: "import",
    })
    .execute();
}

/** An exercise, its first budget version (budget primitif) with its lines, its advances and adjustments. */
export async function insertExercise(trx: Trx, id: string, exercise: Exercise): Promise<void> {
  await trx
    .insertInto("exercise")
    .values({ entente_id: id, year: exercise.year, called_in: exercise.calledIn, note: null })
    .execute();
  const version = await trx
    .insertInto("budget_version")
    .values({ entente_id: id, year: exercise.year, number: 1, label: `Budget primitif ${exercise.year}` })
    .returning("id")
    .executeTakeFirstOrThrow();
  await insertExerciseRows(trx, id, version.id, exercise);
}

/**
 * Writes a whole entente in transaction `trx`, as a list of steps: the entente, its members, its
 * keys, its missions, its exercises.
 */
export async function insertEntente(trx: Trx, id: string, entente: Entente): Promise<void> {
  await insertEntenteRow(trx, id, entente);
  await insertMembers(trx, id, entente);
  for (const key of entente.keys) await insertKey(trx, id, key);
  for (const [position, mission] of entente.missions.entries())
    await insertMission(trx, id, mission, position);
  for (const exercise of entente.exercises) await insertExercise(trx, id, exercise);
}

/**
 * An exercise's rows under budget version `versionId`: its lines, then its advances and
 * adjustments (an import, or an entente file applied over a stored exercise).
 */
export async function insertExerciseRows(
  trx: Trx,
  id: string,
  versionId: bigint,
  exercise: Exercise,
): Promise<void> {
  await insertBudgetLines(
    trx,
    versionId,
    exercise.lines.map((line) => ({
      missionId: line.mission ?? null,
      label: line.label,
      section: line.section,
      direction: line.direction,
      receiptKind: line.receiptKind ?? null,
      amountCents: line.amount,
      nature: line.nature ?? null,
    })),
  );
  await insertSettlementRows(
    trx,
    { ententeId: id, year: exercise.year, versionId },
    {
      advances: exercise.advances.map((a) => ({
        id: a.id,
        label: a.label,
        memberId: a.member,
        amountCents: a.amount,
        keyId: a.key,
      })),
      adjustments: exercise.adjustments.map((a) => ({
        id: a.id,
        label: a.label,
        amounts: a.amounts.map((x) => ({ memberId: x.member, amountCents: x.amount })),
      })),
    },
  );
}

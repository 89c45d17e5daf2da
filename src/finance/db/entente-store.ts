import { type Kysely, sql, type Transaction } from "kysely";
import { recordAudit } from "../../platform/db/record-audit.ts";
import type { EntenteStore, EntenteSummary } from "../app/ports.ts";
import type {
  AllocationKey,
  BudgetLine,
  Entente,
  Exercise,
  KeyBasis,
  MemberKind,
  Mission,
} from "../domain/entente.ts";
import { EntenteError } from "../errors.ts";
import type { FinanceDatabase } from "./tables.ts";

/**
 * PostgreSQL/PGlite implementation of `EntenteStore`: maps the domain model to the tables of
 * migrations/0001_init.sql and back. Every multi-row change runs in one transaction.
 */
export function createEntenteStore(db: Kysely<FinanceDatabase>): EntenteStore {
  // The model read from ~12 tables, cached per entente and per stamp: the id of its latest audit
  // event, which every change writes in its own transaction. One indexed query tells whether the
  // cache is current, on any node (another node's write changes the stamp too).
  const cache = new Map<string, { stamp: bigint; entente: Entente }>();
  return {
    async hasEntente(id) {
      const row = await db.selectFrom("entente").select("id").where("id", "=", id).executeTakeFirst();
      return row !== undefined;
    },

    async listEntentes(): Promise<EntenteSummary[]> {
      const ententes = await db.selectFrom("entente").select(["id", "name"]).orderBy("id").execute();
      const members = await db
        .selectFrom("member")
        .select(["entente_id", sql<number>`count(*)::int`.as("n")])
        .groupBy("entente_id")
        .execute();
      const years = await db.selectFrom("exercise").select(["entente_id", "year"]).orderBy("year").execute();
      return ententes.map((e) => ({
        id: e.id,
        name: e.name,
        members: members.find((m) => m.entente_id === e.id)?.n ?? 0,
        years: years.filter((y) => y.entente_id === e.id).map((y) => y.year),
      }));
    },

    async importEntente(id, entente, actor) {
      await db.transaction().execute(async (trx) => {
        const exists = await trx.selectFrom("entente").select("id").where("id", "=", id).executeTakeFirst();
        if (exists) throw new EntenteError("entente.already_exists", { id });
        await insertEntente(trx, id, entente);
        await recordAudit(trx, {
          actor,
          ententeId: id,
          action: "import",
          entity: "entente",
          entityId: id,
          after: { name: entente.name, members: entente.members.length },
        });
      });
    },

    async loadEntente(id) {
      const row = await db
        .selectFrom("audit_event")
        .select((eb) => eb.fn.max("id").as("stamp"))
        .where("entente_id", "=", id)
        .executeTakeFirst();
      const stamp = row?.stamp ?? null;
      const cached = cache.get(id);
      if (stamp !== null && cached !== undefined && cached.stamp === stamp) return cached.entente;
      const entente = await loadEntente(db, id);
      if (stamp !== null) cache.set(id, { stamp, entente });
      return entente;
    },
  };
}

async function insertEntente(trx: Transaction<FinanceDatabase>, id: string, entente: Entente): Promise<void> {
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
        accountant: null,
      })),
    )
    .execute();
  for (const key of entente.keys) {
    await trx
      .insertInto("allocation_key")
      .values({
        entente_id: id,
        id: key.id,
        label: key.label,
        source: key.source ?? null,
        basis: key.basis.kind,
      })
      .execute();
    if (key.basis.kind === "percent" || key.basis.kind === "weights") {
      const shares =
        key.basis.kind === "percent"
          ? key.basis.shares.map((s) => ({ member: s.member, value: s.tenThousandths }))
          : key.basis.shares.map((s) => ({ member: s.member, value: s.weight }));
      if (shares.length > 0)
        await trx
          .insertInto("key_share")
          .values(
            shares.map((s) => ({ entente_id: id, key_id: key.id, member_id: s.member, value: s.value })),
          )
          .execute();
    } else {
      for (const [position, criterion] of key.basis.criteria.entries()) {
        await trx
          .insertInto("key_criterion")
          .values({
            entente_id: id,
            key_id: key.id,
            id: criterion.id,
            position,
            label: null,
            weight: criterion.weight,
          })
          .execute();
        if (criterion.values.length > 0) {
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
    }
  }
  for (const [position, mission] of entente.missions.entries()) {
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
  for (const exercise of entente.exercises) {
    await trx
      .insertInto("exercise")
      .values({ entente_id: id, year: exercise.year, called_in: exercise.calledIn, note: null })
      .execute();
    const version = await trx
      .insertInto("budget_version")
      .values({ entente_id: id, year: exercise.year, number: 1, label: `Budget primitif ${exercise.year}` })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (exercise.lines.length > 0) {
      await trx
        .insertInto("budget_line")
        .values(
          exercise.lines.map((line, position) => ({
            budget_version_id: version.id,
            position,
            mission_id: line.mission ?? null,
            label: line.label,
            section: line.section,
            direction: line.direction,
            receipt_kind: line.receiptKind ?? null,
            amount_cents: line.amount,
            nature: line.nature ?? null,
          })),
        )
        .execute();
    }
    for (const advance of exercise.advances) {
      await trx
        .insertInto("advance")
        .values({
          entente_id: id,
          year: exercise.year,
          id: advance.id,
          label: advance.label,
          member_id: advance.member,
          amount_cents: advance.amount,
          key_id: advance.key,
        })
        .execute();
    }
    for (const adjustment of exercise.adjustments) {
      await trx
        .insertInto("adjustment")
        .values({ entente_id: id, year: exercise.year, id: adjustment.id, label: adjustment.label })
        .execute();
      if (adjustment.amounts.length > 0) {
        await trx
          .insertInto("adjustment_amount")
          .values(
            adjustment.amounts.map((a) => ({
              entente_id: id,
              year: exercise.year,
              adjustment_id: adjustment.id,
              member_id: a.member,
              amount_cents: a.amount,
            })),
          )
          .execute();
      }
    }
  }
}

/** Reads an entente into the domain model; each exercise uses its latest budget version. */
export async function loadEntente(db: Kysely<FinanceDatabase>, id: string): Promise<Entente> {
  const entente = await db.selectFrom("entente").selectAll().where("id", "=", id).executeTakeFirst();
  if (entente === undefined) throw new EntenteError("entente.not_found", { id });
  const [
    members,
    keys,
    shares,
    criteria,
    criterionValues,
    missions,
    missionMembers,
    exercises,
    versions,
    advances,
    adjustments,
    adjustmentAmounts,
  ] = await Promise.all([
    db.selectFrom("member").selectAll().where("entente_id", "=", id).orderBy("position").execute(),
    db.selectFrom("allocation_key").selectAll().where("entente_id", "=", id).orderBy("id").execute(),
    db.selectFrom("key_share").selectAll().where("entente_id", "=", id).execute(),
    db.selectFrom("key_criterion").selectAll().where("entente_id", "=", id).orderBy("position").execute(),
    db.selectFrom("key_criterion_value").selectAll().where("entente_id", "=", id).execute(),
    db.selectFrom("mission").selectAll().where("entente_id", "=", id).orderBy("position").execute(),
    db.selectFrom("mission_member").selectAll().where("entente_id", "=", id).execute(),
    db.selectFrom("exercise").selectAll().where("entente_id", "=", id).orderBy("year").execute(),
    db
      .selectFrom("budget_version")
      .select(["id", "year", "number"])
      .where("entente_id", "=", id)
      .orderBy("number", "desc")
      .execute(),
    db.selectFrom("advance").selectAll().where("entente_id", "=", id).orderBy("id").execute(),
    db.selectFrom("adjustment").selectAll().where("entente_id", "=", id).orderBy("id").execute(),
    db.selectFrom("adjustment_amount").selectAll().where("entente_id", "=", id).execute(),
  ]);
  const latestVersion = new Map<number, bigint>();
  for (const v of versions) if (!latestVersion.has(v.year)) latestVersion.set(v.year, v.id);
  const versionIds = [...latestVersion.values()];
  const lines =
    versionIds.length === 0
      ? []
      : await db
          .selectFrom("budget_line")
          .selectAll()
          .where("budget_version_id", "in", versionIds)
          .orderBy("position")
          .execute();
  const memberOrder = new Map(members.map((m, i) => [m.id, i]));
  const byMemberOrder = (a: { member_id: string }, b: { member_id: string }) =>
    (memberOrder.get(a.member_id) ?? 0) - (memberOrder.get(b.member_id) ?? 0);

  const allocationKeys: AllocationKey[] = keys.map((key) => {
    let basis: KeyBasis;
    const keyShares = shares.filter((s) => s.key_id === key.id).sort(byMemberOrder);
    if (key.basis === "percent")
      basis = {
        kind: "percent",
        shares: keyShares.map((s) => ({ member: s.member_id, tenThousandths: s.value })),
      };
    else if (key.basis === "weights")
      basis = { kind: "weights", shares: keyShares.map((s) => ({ member: s.member_id, weight: s.value })) };
    else {
      basis = {
        kind: "criteria",
        criteria: criteria
          .filter((c) => c.key_id === key.id)
          .map((c) => ({
            id: c.id,
            weight: c.weight,
            values: criterionValues
              .filter((v) => v.key_id === key.id && v.criterion_id === c.id)
              .sort(byMemberOrder)
              .map((v) => ({ member: v.member_id, value: v.value })),
          })),
      };
    }
    return { id: key.id, label: key.label, basis, ...(key.source === null ? {} : { source: key.source }) };
  });

  const domainMissions: Mission[] = missions.map((m) => ({
    id: m.id,
    name: m.name,
    kind: m.kind,
    members: missionMembers
      .filter((mm) => mm.mission_id === m.id)
      .sort(byMemberOrder)
      .map((mm) => mm.member_id),
    keys: { investissement: m.key_investissement, fonctionnement: m.key_fonctionnement },
    ...(m.lead_member_id === null ? {} : { lead: m.lead_member_id }),
  }));

  const domainExercises: Exercise[] = exercises.map((e) => {
    const versionId = latestVersion.get(e.year);
    const exerciseLines: BudgetLine[] = lines
      .filter((l) => l.budget_version_id === versionId)
      .map((l) => ({
        label: l.label,
        section: l.section,
        direction: l.direction,
        amount: l.amount_cents,
        path: ["budgetLines", String(l.id)],
        ...(l.mission_id === null ? {} : { mission: l.mission_id }),
        ...(l.receipt_kind === null ? {} : { receiptKind: l.receipt_kind }),
        ...(l.nature === null ? {} : { nature: l.nature }),
      }));
    return {
      year: e.year,
      calledIn: e.called_in,
      lines: exerciseLines,
      advances: advances
        .filter((a) => a.year === e.year)
        .map((a) => ({
          id: a.id,
          label: a.label,
          member: a.member_id,
          amount: a.amount_cents,
          key: a.key_id,
          path: ["advances", e.year, a.id],
        })),
      adjustments: adjustments
        .filter((a) => a.year === e.year)
        .map((a) => ({
          id: a.id,
          label: a.label,
          amounts: adjustmentAmounts
            .filter((x) => x.year === e.year && x.adjustment_id === a.id)
            .sort(byMemberOrder)
            .map((x) => ({ member: x.member_id, amount: x.amount_cents })),
          path: ["adjustments", e.year, a.id],
        })),
      path: ["exercises", e.year],
    };
  });

  return {
    name: entente.name,
    legalBasis: entente.legal_basis,
    rounding: { unit: entente.rounding_unit },
    defaultKey: entente.default_key,
    members: members.map((m) => ({
      id: m.id,
      name: m.name,
      kind: m.kind as MemberKind,
      ...(m.siren === null ? {} : { siren: m.siren }),
      ...(m.siret === null ? {} : { siret: m.siret }),
      ...(m.assembly === null ? {} : { assembly: m.assembly }),
    })),
    keys: allocationKeys,
    missions: domainMissions,
    exercises: domainExercises,
    ...(entente.budget_holder === null ? {} : { budgetHolder: entente.budget_holder }),
  };
}

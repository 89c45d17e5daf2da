import type { Kysely } from "kysely";
import type {
  AllocationKey,
  Entente,
  Exercise,
  KeyBasis,
  KeyPeriod,
  MemberKind,
  Mission,
  PublicAccountant,
} from "../domain/entente.ts";
import { versionsInForce } from "../domain/version-in-force.ts";
import { EntenteError } from "../errors.ts";
import { basisFromJson } from "./key-period-json.ts";
import type { FinanceDatabase } from "./tables.ts";

/** Every row of an entente the model is built from (one query per table, run together). */
async function readRows(db: Kysely<FinanceDatabase>, id: string) {
  const [
    members,
    keys,
    shares,
    periods,
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
    db.selectFrom("key_period").selectAll().where("entente_id", "=", id).orderBy("from_year").execute(),
    db.selectFrom("key_criterion").selectAll().where("entente_id", "=", id).orderBy("position").execute(),
    db.selectFrom("key_criterion_value").selectAll().where("entente_id", "=", id).execute(),
    db.selectFrom("mission").selectAll().where("entente_id", "=", id).orderBy("position").execute(),
    db.selectFrom("mission_member").selectAll().where("entente_id", "=", id).execute(),
    db.selectFrom("exercise").selectAll().where("entente_id", "=", id).orderBy("year").execute(),
    db
      .selectFrom("budget_version")
      .select(["id", "year", "number", "status"])
      .where("entente_id", "=", id)
      .orderBy("number", "desc")
      .execute(),
    db.selectFrom("advance").selectAll().where("entente_id", "=", id).orderBy("id").execute(),
    db.selectFrom("adjustment").selectAll().where("entente_id", "=", id).orderBy("id").execute(),
    db.selectFrom("adjustment_amount").selectAll().where("entente_id", "=", id).execute(),
  ]);
  return {
    members,
    keys,
    shares,
    periods,
    criteria,
    criterionValues,
    missions,
    missionMembers,
    exercises,
    versions,
    advances,
    adjustments,
    adjustmentAmounts,
  };
}

type Rows = Awaited<ReturnType<typeof readRows>>;
type ByMemberOrder = (a: { member_id: string }, b: { member_id: string }) => number;

/** The lines of the version of each exercise the figures are read from (see versionsInForce). */
async function readLatestLines(
  db: Kysely<FinanceDatabase>,
  versions: Rows["versions"],
  pick: { readonly year: number; readonly number?: number } | null,
) {
  const latestVersion = versionsInForce(versions, pick);
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
  return { latestVersion, lines };
}

function keyBasis(key: Rows["keys"][number], rows: Rows, byMemberOrder: ByMemberOrder): KeyBasis {
  const keyShares = rows.shares.filter((s) => s.key_id === key.id).sort(byMemberOrder);
  if (key.basis === "percent")
    return {
      kind: "percent",
      shares: keyShares.map((s) => ({ member: s.member_id, tenThousandths: s.value })),
    };
  if (key.basis === "weights")
    return { kind: "weights", shares: keyShares.map((s) => ({ member: s.member_id, weight: s.value })) };
  return {
    kind: "criteria",
    criteria: rows.criteria
      .filter((c) => c.key_id === key.id)
      .map((c) => ({
        id: c.id,
        ...(c.label === null ? {} : { label: c.label }),
        ...(c.source === null ? {} : { source: c.source }),
        weight: c.weight,
        values: rows.criterionValues
          .filter((v) => v.key_id === key.id && v.criterion_id === c.id)
          .sort(byMemberOrder)
          .map((v) => ({ member: v.member_id, value: v.value })),
      })),
  };
}

/** A key's later periods (none: no `periods` field). */
function periodsOf(keyId: string, rows: Rows): { periods?: KeyPeriod[] } {
  const periods = rows.periods.filter((p) => p.key_id === keyId);
  if (periods.length === 0) return {};
  return {
    periods: periods.map((p) => ({
      from: p.from_year,
      basis: basisFromJson(p.basis, p.data),
      ...(p.source === null ? {} : { source: p.source }),
    })),
  };
}

function keysOf(rows: Rows, byMemberOrder: ByMemberOrder): AllocationKey[] {
  return rows.keys.map((key) => ({
    id: key.id,
    label: key.label,
    basis: keyBasis(key, rows, byMemberOrder),
    ...(key.source === null ? {} : { source: key.source }),
    ...periodsOf(key.id, rows),
  }));
}

function missionsOf(rows: Rows, byMemberOrder: ByMemberOrder): Mission[] {
  return rows.missions.map((m) => ({
    id: m.id,
    name: m.name,
    kind: m.kind,
    members: rows.missionMembers
      .filter((mm) => mm.mission_id === m.id)
      .sort(byMemberOrder)
      .map((mm) => mm.member_id),
    keys: { investissement: m.key_investissement, fonctionnement: m.key_fonctionnement },
    ...(m.lead_member_id === null ? {} : { lead: m.lead_member_id }),
  }));
}

function exercisesOf(
  rows: Rows,
  latest: Awaited<ReturnType<typeof readLatestLines>>,
  byMemberOrder: ByMemberOrder,
): Exercise[] {
  return rows.exercises.map((e) => {
    const versionId = latest.latestVersion.get(e.year);
    return {
      year: e.year,
      calledIn: e.called_in,
      lines: latest.lines
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
        })),
      advances: rows.advances
        .filter((a) => a.budget_version_id === versionId)
        .map((a) => ({
          id: a.id,
          label: a.label,
          member: a.member_id,
          amount: a.amount_cents,
          key: a.key_id,
          path: ["advances", e.year, a.id],
        })),
      adjustments: rows.adjustments
        .filter((a) => a.budget_version_id === versionId)
        .map((a) => ({
          id: a.id,
          label: a.label,
          amounts: rows.adjustmentAmounts
            .filter((x) => x.budget_version_id === versionId && x.adjustment_id === a.id)
            .sort(byMemberOrder)
            .map((x) => ({ member: x.member_id, amount: x.amount_cents })),
          path: ["adjustments", e.year, a.id],
        })),
      path: ["exercises", e.year],
    };
  });
}

/**
 * Reads an entente into the domain model, as a list of steps: its rows, the lines of each
 * exercise's budget version in force (see versionsInForce; `pick`: for that year its version
 * `number`, by default its latest one), then keys, missions and exercises (shares and amounts in the entente's
 * member order).
 * @throws EntenteError `entente.not_found`.
 */
export async function loadEntente(
  db: Kysely<FinanceDatabase>,
  id: string,
  pick: { readonly year: number; readonly number?: number } | null = null,
): Promise<Entente> {
  const entente = await db.selectFrom("entente").selectAll().where("id", "=", id).executeTakeFirst();
  if (entente === undefined) throw new EntenteError("entente.not_found", { id });
  const rows = await readRows(db, id);
  const latest = await readLatestLines(db, rows.versions, pick);
  const memberOrder = new Map(rows.members.map((m, i) => [m.id, i]));
  const byMemberOrder: ByMemberOrder = (a, b) =>
    (memberOrder.get(a.member_id) ?? 0) - (memberOrder.get(b.member_id) ?? 0);
  return {
    name: entente.name,
    legalBasis: entente.legal_basis,
    rounding: { unit: entente.rounding_unit },
    defaultKey: entente.default_key,
    members: rows.members.map((m) => ({
      id: m.id,
      name: m.name,
      kind: m.kind as MemberKind,
      ...(m.siren === null ? {} : { siren: m.siren }),
      ...(m.siret === null ? {} : { siret: m.siret }),
      ...(m.assembly === null ? {} : { assembly: m.assembly }),
      ...(m.from_year === null ? {} : { from: m.from_year }),
      ...(m.to_year === null ? {} : { to: m.to_year }),
      ...(m.accountant === null ? {} : { accountant: JSON.parse(m.accountant) as PublicAccountant }),
    })),
    keys: keysOf(rows, byMemberOrder),
    missions: missionsOf(rows, byMemberOrder),
    exercises: exercisesOf(rows, latest, byMemberOrder),
    ...(entente.budget_holder === null ? {} : { budgetHolder: entente.budget_holder }),
  };
}

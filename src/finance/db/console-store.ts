import { type Kysely, sql, type Transaction } from "kysely";
import { recordAudit } from "../../platform/db/record-audit.ts";
import { throwStaleOrMissing } from "../../platform/db/stale-version.ts";
import type {
  AuditEventRecord,
  BudgetLineRecord,
  BudgetVersionRecord,
  ConsoleStore,
  DecisionRecord,
  FundCallRecord,
  KeyRecord,
  MemberRecord,
  MissionRecord,
  ServicePlanRecord,
  SettlementRecord,
} from "../app/ports.ts";
import { budgetStatusLabel } from "../domain/budget-status.ts";
import { EntenteError, localized } from "../errors.ts";
import type { FinanceDatabase } from "./tables.ts";

type Db = Kysely<FinanceDatabase> | Transaction<FinanceDatabase>;

const MEMBER = { fr: "le membre", en: "the member" };
const KEY = { fr: "la clé", en: "the key" };
const MISSION = { fr: "la mission", en: "the mission" };
const BUDGET = { fr: "le budget", en: "the budget" };
const RATIFICATION = { fr: "la délibération", en: "the deliberation" };

async function listMembers(db: Db, ententeId: string): Promise<MemberRecord[]> {
  const rows = await db
    .selectFrom("member")
    .selectAll()
    .where("entente_id", "=", ententeId)
    .orderBy("position")
    .execute();
  return rows.map((m) => ({
    id: m.id,
    name: m.name,
    kind: m.kind,
    siren: m.siren,
    siret: m.siret,
    assembly: m.assembly,
    rowVersion: m.row_version,
  }));
}

async function listKeys(db: Db, ententeId: string): Promise<KeyRecord[]> {
  const keys = await db
    .selectFrom("allocation_key")
    .selectAll()
    .where("entente_id", "=", ententeId)
    .orderBy("id")
    .execute();
  const shares = await db
    .selectFrom("key_share")
    .innerJoin("member", (j) =>
      j
        .onRef("member.entente_id", "=", "key_share.entente_id")
        .onRef("member.id", "=", "key_share.member_id"),
    )
    .select(["key_share.key_id", "key_share.member_id", "key_share.value"])
    .where("key_share.entente_id", "=", ententeId)
    .orderBy("member.position")
    .execute();
  return keys.map((k) => ({
    id: k.id,
    label: k.label,
    source: k.source,
    basis: k.basis,
    shares: shares.filter((s) => s.key_id === k.id).map((s) => ({ memberId: s.member_id, value: s.value })),
    rowVersion: k.row_version,
  }));
}

async function listMissions(db: Db, ententeId: string): Promise<MissionRecord[]> {
  const missions = await db
    .selectFrom("mission")
    .selectAll()
    .where("entente_id", "=", ententeId)
    .orderBy("position")
    .execute();
  const members = await db
    .selectFrom("mission_member")
    .selectAll()
    .where("entente_id", "=", ententeId)
    .execute();
  const plans = await db
    .selectFrom("service_plan")
    .selectAll()
    .where("entente_id", "=", ententeId)
    .where(({ eb, selectFrom }) =>
      eb(
        "version",
        "=",
        selectFrom("service_plan as p2")
          .select(sql<number>`max(p2.version)`.as("v"))
          .whereRef("p2.entente_id", "=", "service_plan.entente_id")
          .whereRef("p2.mission_id", "=", "service_plan.mission_id"),
      ),
    )
    .execute();
  const memberOrder = new Map((await listMembers(db, ententeId)).map((m, i) => [m.id, i]));
  return missions.map((m) => {
    const plan = plans.find((p) => p.mission_id === m.id);
    return {
      id: m.id,
      name: m.name,
      kind: m.kind,
      description: m.description,
      leadMemberId: m.lead_member_id,
      memberIds: members
        .filter((mm) => mm.mission_id === m.id)
        .map((mm) => mm.member_id)
        .sort((a, b) => (memberOrder.get(a) ?? 0) - (memberOrder.get(b) ?? 0)),
      keys: { investissement: m.key_investissement, fonctionnement: m.key_fonctionnement },
      plan: plan === undefined ? null : toPlan(plan),
      rowVersion: m.row_version,
    };
  });
}

function toPlan(p: {
  version: number;
  scope: string;
  milestones: unknown;
  resources: unknown;
  steering_committee: unknown;
  created_at: Date;
  created_by: string | null;
}): ServicePlanRecord {
  const resources = (p.resources ?? {}) as Partial<ServicePlanRecord["resources"]>;
  return {
    version: p.version,
    scope: p.scope,
    milestones: (p.milestones ?? []) as ServicePlanRecord["milestones"],
    resources: {
      financial: resources.financial ?? "",
      human: resources.human ?? "",
      material: resources.material ?? "",
    },
    steeringCommittee: (p.steering_committee ?? []) as string[],
    createdAt: p.created_at,
    createdBy: p.created_by,
  };
}

async function getBudget(db: Db, ententeId: string, year: number): Promise<BudgetVersionRecord | null> {
  const version = await db
    .selectFrom("budget_version")
    .selectAll()
    .where("entente_id", "=", ententeId)
    .where("year", "=", year)
    .orderBy("number", "desc")
    .limit(1)
    .executeTakeFirst();
  if (version === undefined) return null;
  const lines = await db
    .selectFrom("budget_line")
    .selectAll()
    .where("budget_version_id", "=", version.id)
    .orderBy("position")
    .execute();
  return {
    id: String(version.id),
    year: version.year,
    number: version.number,
    label: version.label,
    status: version.status,
    rowVersion: version.row_version,
    lines: lines.map((l) => ({
      missionId: l.mission_id,
      label: l.label,
      section: l.section,
      direction: l.direction,
      receiptKind: l.receipt_kind,
      amountCents: l.amount_cents,
      nature: l.nature,
    })),
  };
}

async function getSettlement(db: Db, ententeId: string, year: number): Promise<SettlementRecord | null> {
  const exercise = await db
    .selectFrom("exercise")
    .select(["year", "row_version"])
    .where("entente_id", "=", ententeId)
    .where("year", "=", year)
    .executeTakeFirst();
  if (exercise === undefined) return null;
  const [advances, adjustments, amounts, members] = await Promise.all([
    db
      .selectFrom("advance")
      .selectAll()
      .where("entente_id", "=", ententeId)
      .where("year", "=", year)
      .orderBy("id")
      .execute(),
    db
      .selectFrom("adjustment")
      .selectAll()
      .where("entente_id", "=", ententeId)
      .where("year", "=", year)
      .orderBy("id")
      .execute(),
    db
      .selectFrom("adjustment_amount")
      .selectAll()
      .where("entente_id", "=", ententeId)
      .where("year", "=", year)
      .execute(),
    listMembers(db, ententeId),
  ]);
  const order = new Map(members.map((m, i) => [m.id, i]));
  return {
    year,
    rowVersion: exercise.row_version,
    advances: advances.map((a) => ({
      id: a.id,
      label: a.label,
      memberId: a.member_id,
      amountCents: a.amount_cents,
      keyId: a.key_id,
    })),
    adjustments: adjustments.map((a) => ({
      id: a.id,
      label: a.label,
      amounts: amounts
        .filter((x) => x.adjustment_id === a.id)
        .sort((x, y) => (order.get(x.member_id) ?? 0) - (order.get(y.member_id) ?? 0))
        .map((x) => ({ memberId: x.member_id, amountCents: x.amount_cents })),
    })),
  };
}

async function getDecision(db: Db, ententeId: string, decisionId: string): Promise<DecisionRecord | null> {
  const decisions = await listDecisions(db, ententeId, decisionId);
  return decisions[0] ?? null;
}

async function listDecisions(db: Db, ententeId: string, onlyId?: string): Promise<DecisionRecord[]> {
  let query = db
    .selectFrom("decision")
    .innerJoin("conference", "conference.id", "decision.conference_id")
    .leftJoin("budget_version", "budget_version.id", "decision.budget_version_id")
    .select([
      "decision.id",
      "decision.subject",
      "conference.held_on",
      "conference.label",
      "decision.budget_version_id",
      "budget_version.year",
    ])
    .where("conference.entente_id", "=", ententeId)
    .orderBy("conference.held_on", "desc")
    .orderBy("decision.id", "desc");
  if (onlyId !== undefined) {
    if (!/^\d+$/.test(onlyId)) return [];
    query = query.where("decision.id", "=", BigInt(onlyId));
  }
  const decisions = await query.execute();
  if (decisions.length === 0) return [];
  const ratifications = await db
    .selectFrom("ratification")
    .innerJoin("member", (j) =>
      j
        .onRef("member.entente_id", "=", "ratification.entente_id")
        .onRef("member.id", "=", "ratification.member_id"),
    )
    .select([
      "ratification.decision_id",
      "ratification.member_id",
      "ratification.status",
      "ratification.deliberation_number",
      "ratification.deliberated_on",
      "ratification.row_version",
    ])
    .where(
      "ratification.decision_id",
      "in",
      decisions.map((d) => d.id),
    )
    .orderBy("member.position")
    .execute();
  return decisions.map((d) => ({
    id: String(d.id),
    subject: d.subject,
    conferenceDate: d.held_on,
    conferenceLabel: d.label,
    budgetYear: d.year ?? null,
    budgetVersionId: d.budget_version_id === null ? null : String(d.budget_version_id),
    ratifications: ratifications
      .filter((r) => r.decision_id === d.id)
      .map((r) => ({
        memberId: r.member_id,
        status: r.status,
        deliberationNumber: r.deliberation_number,
        deliberatedOn: r.deliberated_on,
        rowVersion: r.row_version,
      })),
  }));
}

async function listFundCalls(db: Db, ententeId: string, year: number | null): Promise<FundCallRecord[]> {
  let query = db
    .selectFrom("fund_call")
    .innerJoin("member", (j) =>
      j
        .onRef("member.entente_id", "=", "fund_call.entente_id")
        .onRef("member.id", "=", "fund_call.member_id"),
    )
    .selectAll("fund_call")
    .where("fund_call.entente_id", "=", ententeId)
    .orderBy("fund_call.year")
    .orderBy("member.position");
  if (year !== null) query = query.where("fund_call.year", "=", year);
  const calls = await query.execute();
  if (calls.length === 0) return [];
  const payments = await db
    .selectFrom("payment")
    .selectAll()
    .where(
      "fund_call_id",
      "in",
      calls.map((c) => c.id),
    )
    .orderBy("paid_on")
    .orderBy("id")
    .execute();
  return calls.map((c) => ({
    id: String(c.id),
    year: c.year,
    memberId: c.member_id,
    amountCents: c.amount_cents,
    dueOn: c.due_on,
    reference: c.reference,
    payments: payments
      .filter((p) => p.fund_call_id === c.id)
      .map((p) => ({
        id: String(p.id),
        amountCents: p.amount_cents,
        paidOn: p.paid_on,
        reference: p.reference,
      })),
  }));
}

/**
 * PostgreSQL/PGlite implementation of `ConsoleStore`. Every write is one transaction that
 * checks the row version it was based on, writes, bumps the version and records an audit event.
 */
export function createConsoleStore(db: Kysely<FinanceDatabase>): ConsoleStore {
  return {
    listMembers: (ententeId) => listMembers(db, ententeId),

    async updateMember(ententeId, memberId, change, rowVersion, actor) {
      return db.transaction().execute(async (trx) => {
        const before = (await listMembers(trx, ententeId)).find((m) => m.id === memberId);
        const result = await trx
          .updateTable("member")
          .set({
            name: change.name,
            kind: change.kind,
            siren: change.siren,
            siret: change.siret,
            assembly: change.assembly,
            row_version: sql`row_version + 1`,
          })
          .where("entente_id", "=", ententeId)
          .where("id", "=", memberId)
          .where("row_version", "=", rowVersion)
          .executeTakeFirst();
        if (result.numUpdatedRows === 0n)
          throwStaleOrMissing(MEMBER, memberId, rowVersion, before?.rowVersion);
        const after = (await listMembers(trx, ententeId)).find((m) => m.id === memberId);
        await recordAudit(trx, {
          actor,
          ententeId,
          action: "update",
          entity: "member",
          entityId: memberId,
          before,
          after,
        });
        if (after === undefined) throwStaleOrMissing(MEMBER, memberId, rowVersion, undefined);
        return after;
      });
    },

    listKeys: (ententeId) => listKeys(db, ententeId),

    async updatePercentKey(ententeId, keyId, change, rowVersion, actor) {
      return db.transaction().execute(async (trx) => {
        const before = (await listKeys(trx, ententeId)).find((k) => k.id === keyId);
        if (before !== undefined && before.basis !== "percent") {
          throw new EntenteError("file.invalid_field", {
            field: "basis",
            expected: localized(
              "seules les clés en pourcentage se modifient ici",
              "only percent keys can be edited here",
            ),
          });
        }
        const result = await trx
          .updateTable("allocation_key")
          .set({ label: change.label, source: change.source, row_version: sql`row_version + 1` })
          .where("entente_id", "=", ententeId)
          .where("id", "=", keyId)
          .where("row_version", "=", rowVersion)
          .executeTakeFirst();
        if (result.numUpdatedRows === 0n) throwStaleOrMissing(KEY, keyId, rowVersion, before?.rowVersion);
        await trx
          .deleteFrom("key_share")
          .where("entente_id", "=", ententeId)
          .where("key_id", "=", keyId)
          .execute();
        if (change.shares.length > 0) {
          await trx
            .insertInto("key_share")
            .values(
              change.shares.map((s) => ({
                entente_id: ententeId,
                key_id: keyId,
                member_id: s.memberId,
                value: s.value,
              })),
            )
            .execute();
        }
        const after = (await listKeys(trx, ententeId)).find((k) => k.id === keyId);
        await recordAudit(trx, {
          actor,
          ententeId,
          action: "update",
          entity: "allocation_key",
          entityId: keyId,
          before,
          after,
        });
        if (after === undefined) throwStaleOrMissing(KEY, keyId, rowVersion, undefined);
        return after;
      });
    },

    listMissions: (ententeId) => listMissions(db, ententeId),

    async updateMission(ententeId, missionId, change, rowVersion, actor) {
      return db.transaction().execute(async (trx) => {
        const before = (await listMissions(trx, ententeId)).find((m) => m.id === missionId);
        const result = await trx
          .updateTable("mission")
          .set({
            name: change.name,
            description: change.description,
            lead_member_id: change.leadMemberId,
            key_investissement: change.keys.investissement,
            key_fonctionnement: change.keys.fonctionnement,
            row_version: sql`row_version + 1`,
          })
          .where("entente_id", "=", ententeId)
          .where("id", "=", missionId)
          .where("row_version", "=", rowVersion)
          .executeTakeFirst();
        if (result.numUpdatedRows === 0n)
          throwStaleOrMissing(MISSION, missionId, rowVersion, before?.rowVersion);
        await trx
          .deleteFrom("mission_member")
          .where("entente_id", "=", ententeId)
          .where("mission_id", "=", missionId)
          .execute();
        if (change.memberIds.length > 0) {
          await trx
            .insertInto("mission_member")
            .values(
              change.memberIds.map((memberId) => ({
                entente_id: ententeId,
                mission_id: missionId,
                member_id: memberId,
              })),
            )
            .execute();
        }
        const after = (await listMissions(trx, ententeId)).find((m) => m.id === missionId);
        await recordAudit(trx, {
          actor,
          ententeId,
          action: "update",
          entity: "mission",
          entityId: missionId,
          before: { ...before, plan: undefined },
          after: { ...after, plan: undefined },
        });
        if (after === undefined) throwStaleOrMissing(MISSION, missionId, rowVersion, undefined);
        return after;
      });
    },

    async listServicePlans(ententeId, missionId) {
      const rows = await db
        .selectFrom("service_plan")
        .selectAll()
        .where("entente_id", "=", ententeId)
        .where("mission_id", "=", missionId)
        .orderBy("version", "desc")
        .execute();
      return rows.map(toPlan);
    },

    async addServicePlan(ententeId, missionId, plan, basedOnVersion, actor) {
      return db.transaction().execute(async (trx) => {
        const mission = (await listMissions(trx, ententeId)).find((m) => m.id === missionId);
        if (mission === undefined) throwStaleOrMissing(MISSION, missionId, basedOnVersion, undefined);
        const current = mission.plan?.version ?? 0;
        if (current !== basedOnVersion)
          throwStaleOrMissing(
            { fr: "le plan de service", en: "the service plan" },
            missionId,
            basedOnVersion,
            current,
          );
        await trx
          .insertInto("service_plan")
          .values({
            entente_id: ententeId,
            mission_id: missionId,
            version: current + 1,
            scope: plan.scope,
            milestones: JSON.stringify(plan.milestones),
            resources: JSON.stringify(plan.resources),
            steering_committee: JSON.stringify(plan.steeringCommittee),
            created_by: actor.id,
          })
          .execute();
        await recordAudit(trx, {
          actor,
          ententeId,
          action: "create",
          entity: "service_plan",
          entityId: `${missionId}#${current + 1}`,
          before: mission.plan,
          after: plan,
        });
        const after = (await listMissions(trx, ententeId)).find((m) => m.id === missionId);
        if (after === undefined) throwStaleOrMissing(MISSION, missionId, basedOnVersion, undefined);
        return after;
      });
    },

    async listBudgetVersions(ententeId) {
      const rows = await db
        .selectFrom("budget_version")
        .selectAll()
        .where("entente_id", "=", ententeId)
        .orderBy("year")
        .orderBy("number")
        .execute();
      return rows.map((v) => ({
        id: String(v.id),
        year: v.year,
        number: v.number,
        label: v.label,
        status: v.status,
        rowVersion: v.row_version,
      }));
    },

    getBudget: (ententeId, year) => getBudget(db, ententeId, year),

    async createAmendingBudget(ententeId, year, actor) {
      return db.transaction().execute(async (trx) => {
        const current = await getBudget(trx, ententeId, year);
        if (current === null)
          throw new EntenteError("resource.not_found", {
            what: localized("exercice", "exercise"),
            id: String(year),
          });
        if (current.status !== "adopted")
          throw new EntenteError("budget.amend_not_adopted", {
            year,
            number: current.number,
            status: budgetStatusLabel(current.status),
          });
        const number = current.number + 1;
        const created = await trx
          .insertInto("budget_version")
          .values({
            entente_id: ententeId,
            year,
            number,
            label: `Décision modificative n° ${number - 1} ${year}`,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        if (current.lines.length > 0) {
          await trx
            .insertInto("budget_line")
            .values(
              current.lines.map((l, position) => ({
                budget_version_id: created.id,
                position,
                mission_id: l.missionId,
                label: l.label,
                section: l.section,
                direction: l.direction,
                receipt_kind: l.receiptKind,
                amount_cents: l.amountCents,
                nature: l.nature,
              })),
            )
            .execute();
        }
        await recordAudit(trx, {
          actor,
          ententeId,
          action: "create",
          entity: "budget",
          entityId: `${year}#${number}`,
          after: { basedOn: current.number },
        });
        const after = await getBudget(trx, ententeId, year);
        if (after === null)
          throw new EntenteError("resource.not_found", {
            what: localized("exercice", "exercise"),
            id: String(year),
          });
        return after;
      });
    },

    async replaceBudgetLines(ententeId, year, lines, rowVersion, actor) {
      return db.transaction().execute(async (trx) => {
        const before = await getBudget(trx, ententeId, year);
        if (before === null)
          throw new EntenteError("resource.not_found", {
            what: localized("exercice", "exercise"),
            id: String(year),
          });
        if (before.status !== "draft") {
          throw new EntenteError("budget.not_editable", {
            year,
            number: before.number,
            status: budgetStatusLabel(before.status),
          });
        }
        const result = await trx
          .updateTable("budget_version")
          .set({ row_version: sql`row_version + 1` })
          .where("id", "=", BigInt(before.id))
          .where("row_version", "=", rowVersion)
          .where("status", "=", "draft")
          .executeTakeFirst();
        if (result.numUpdatedRows === 0n)
          throwStaleOrMissing(BUDGET, String(year), rowVersion, before.rowVersion);
        await trx.deleteFrom("budget_line").where("budget_version_id", "=", BigInt(before.id)).execute();
        if (lines.length > 0) {
          await trx
            .insertInto("budget_line")
            .values(
              lines.map((l: BudgetLineRecord, position) => ({
                budget_version_id: BigInt(before.id),
                position,
                mission_id: l.missionId,
                label: l.label,
                section: l.section,
                direction: l.direction,
                receipt_kind: l.direction === "receipt" ? l.receiptKind : null,
                amount_cents: l.amountCents,
                nature: l.nature,
              })),
            )
            .execute();
        }
        const after = await getBudget(trx, ententeId, year);
        await recordAudit(trx, {
          actor,
          ententeId,
          action: "update",
          entity: "budget",
          entityId: `${year}#${before.number}`,
          before: before.lines,
          after: after?.lines,
        });
        if (after === null) throwStaleOrMissing(BUDGET, String(year), rowVersion, undefined);
        return after;
      });
    },

    getSettlement: (ententeId, year) => getSettlement(db, ententeId, year),

    async replaceSettlement(ententeId, year, settlement, rowVersion, actor) {
      return db.transaction().execute(async (trx) => {
        const before = await getSettlement(trx, ententeId, year);
        const what = { fr: "l'ensemble des avances et régularisations", en: "the advances and adjustments" };
        const result = await trx
          .updateTable("exercise")
          .set({ row_version: sql`row_version + 1` })
          .where("entente_id", "=", ententeId)
          .where("year", "=", year)
          .where("row_version", "=", rowVersion)
          .executeTakeFirst();
        if (result.numUpdatedRows === 0n)
          throwStaleOrMissing(what, String(year), rowVersion, before?.rowVersion);
        await trx
          .deleteFrom("advance")
          .where("entente_id", "=", ententeId)
          .where("year", "=", year)
          .execute();
        await trx
          .deleteFrom("adjustment")
          .where("entente_id", "=", ententeId)
          .where("year", "=", year)
          .execute();
        if (settlement.advances.length > 0) {
          await trx
            .insertInto("advance")
            .values(
              settlement.advances.map((a) => ({
                entente_id: ententeId,
                year,
                id: a.id,
                label: a.label,
                member_id: a.memberId,
                amount_cents: a.amountCents,
                key_id: a.keyId,
              })),
            )
            .execute();
        }
        for (const adjustment of settlement.adjustments) {
          await trx
            .insertInto("adjustment")
            .values({ entente_id: ententeId, year, id: adjustment.id, label: adjustment.label })
            .execute();
          if (adjustment.amounts.length > 0) {
            await trx
              .insertInto("adjustment_amount")
              .values(
                adjustment.amounts.map((x) => ({
                  entente_id: ententeId,
                  year,
                  adjustment_id: adjustment.id,
                  member_id: x.memberId,
                  amount_cents: x.amountCents,
                })),
              )
              .execute();
          }
        }
        const after = await getSettlement(trx, ententeId, year);
        await recordAudit(trx, {
          actor,
          ententeId,
          action: "update",
          entity: "settlement",
          entityId: String(year),
          before,
          after,
        });
        if (after === null) throwStaleOrMissing(what, String(year), rowVersion, undefined);
        return after;
      });
    },

    listDecisions: (ententeId) => listDecisions(db, ententeId),

    async createDecision(ententeId, input, actor) {
      return db.transaction().execute(async (trx) => {
        let budgetVersionId: bigint | null = null;
        if (input.budgetYear !== null) {
          const budget = await getBudget(trx, ententeId, input.budgetYear);
          if (budget === null)
            throw new EntenteError("resource.not_found", {
              what: localized("exercice", "exercise"),
              id: String(input.budgetYear),
            });
          budgetVersionId = BigInt(budget.id);
          // The conference approved it: members now ratify (CGCT L5221-2).
          await trx
            .updateTable("budget_version")
            .set({ status: "ratifying", row_version: sql`row_version + 1` })
            .where("id", "=", budgetVersionId)
            .execute();
        }
        const conference = await trx
          .insertInto("conference")
          .values({ entente_id: ententeId, held_on: input.conferenceDate, label: input.conferenceLabel })
          .returning("id")
          .executeTakeFirstOrThrow();
        const decision = await trx
          .insertInto("decision")
          .values({
            conference_id: conference.id,
            subject: input.subject,
            budget_version_id: budgetVersionId,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        const members = await listMembers(trx, ententeId);
        await trx
          .insertInto("ratification")
          .values(
            members.map((m) => ({
              decision_id: decision.id,
              entente_id: ententeId,
              member_id: m.id,
              deliberation_number: null,
              deliberated_on: null,
            })),
          )
          .execute();
        const created = await getDecision(trx, ententeId, String(decision.id));
        await recordAudit(trx, {
          actor,
          ententeId,
          action: "create",
          entity: "decision",
          entityId: String(decision.id),
          after: created,
        });
        if (created === null)
          throw new EntenteError("resource.not_found", {
            what: localized("décision", "decision"),
            id: String(decision.id),
          });
        return created;
      });
    },

    async updateRatification(ententeId, decisionId, memberId, change, rowVersion, actor) {
      return db.transaction().execute(async (trx) => {
        const before = await getDecision(trx, ententeId, decisionId);
        const ratification = before?.ratifications.find((r) => r.memberId === memberId);
        if (before === null || ratification === undefined)
          throwStaleOrMissing(RATIFICATION, `${decisionId}/${memberId}`, rowVersion, undefined);
        const result = await trx
          .updateTable("ratification")
          .set({
            status: change.status,
            deliberation_number: change.deliberationNumber,
            deliberated_on: change.deliberatedOn,
            row_version: sql`row_version + 1`,
          })
          .where("decision_id", "=", BigInt(decisionId))
          .where("member_id", "=", memberId)
          .where("row_version", "=", rowVersion)
          .executeTakeFirst();
        if (result.numUpdatedRows === 0n)
          throwStaleOrMissing(RATIFICATION, `${decisionId}/${memberId}`, rowVersion, ratification.rowVersion);
        const after = await getDecision(trx, ententeId, decisionId);
        if (after === null) throwStaleOrMissing(RATIFICATION, decisionId, rowVersion, undefined);
        // A decision takes effect once every member assembly has ratified it (CGCT L5221-2).
        if (after.budgetVersionId !== null) {
          const adopted = after.ratifications.every((r) => r.status === "ratified");
          await trx
            .updateTable("budget_version")
            .set({ status: adopted ? "adopted" : "ratifying", row_version: sql`row_version + 1` })
            .where("id", "=", BigInt(after.budgetVersionId))
            .execute();
        }
        await recordAudit(trx, {
          actor,
          ententeId,
          action: "update",
          entity: "ratification",
          entityId: `${decisionId}/${memberId}`,
          before: ratification,
          after: after.ratifications.find((r) => r.memberId === memberId),
        });
        return after;
      });
    },

    listFundCalls: (ententeId, year) => listFundCalls(db, ententeId, year),

    async issueFundCalls(ententeId, year, amounts, dueOn, actor) {
      return db.transaction().execute(async (trx) => {
        const existing = await trx
          .selectFrom("fund_call")
          .select("id")
          .where("entente_id", "=", ententeId)
          .where("year", "=", year)
          .executeTakeFirst();
        if (existing !== undefined) throw new EntenteError("fund_call.already_issued", { year });
        await trx
          .insertInto("fund_call")
          .values(
            amounts.map((a) => ({
              entente_id: ententeId,
              year,
              member_id: a.memberId,
              amount_cents: a.amountCents,
              due_on: dueOn,
              reference: `AF-${year}-${a.memberId}`,
            })),
          )
          .execute();
        const calls = await listFundCalls(trx, ententeId, year);
        await recordAudit(trx, {
          actor,
          ententeId,
          action: "issue",
          entity: "fund_call",
          entityId: String(year),
          after: calls.map((c) => ({ member: c.memberId, amount: c.amountCents })),
        });
        return calls;
      });
    },

    async addPayment(ententeId, year, memberId, payment, actor) {
      return db.transaction().execute(async (trx) => {
        const call = (await listFundCalls(trx, ententeId, year)).find((c) => c.memberId === memberId);
        if (call === undefined)
          throw new EntenteError("resource.not_found", {
            what: localized("appel de fonds", "fund call"),
            id: `${year}/${memberId}`,
          });
        const inserted = await trx
          .insertInto("payment")
          .values({
            fund_call_id: BigInt(call.id),
            amount_cents: payment.amountCents,
            paid_on: payment.paidOn,
            reference: payment.reference,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        await recordAudit(trx, {
          actor,
          ententeId,
          action: "create",
          entity: "payment",
          entityId: String(inserted.id),
          after: { fundCall: call.id, ...payment },
        });
        const after = (await listFundCalls(trx, ententeId, year)).find((c) => c.memberId === memberId);
        if (after === undefined)
          throw new EntenteError("resource.not_found", {
            what: localized("appel de fonds", "fund call"),
            id: `${year}/${memberId}`,
          });
        return after;
      });
    },

    async cancelPayment(ententeId, paymentId, reason, actor) {
      if (!/^\d+$/.test(paymentId)) return null;
      return db.transaction().execute(async (trx) => {
        const payment = await trx
          .selectFrom("payment")
          .innerJoin("fund_call", "fund_call.id", "payment.fund_call_id")
          .select([
            "payment.id",
            "payment.amount_cents",
            "payment.paid_on",
            "payment.reference",
            "fund_call.year",
            "fund_call.member_id",
          ])
          .where("payment.id", "=", BigInt(paymentId))
          .where("fund_call.entente_id", "=", ententeId)
          .executeTakeFirst();
        if (payment === undefined) return null;
        await trx.deleteFrom("payment").where("id", "=", payment.id).execute();
        await recordAudit(trx, {
          actor,
          ententeId,
          action: "cancel",
          entity: "payment",
          entityId: paymentId,
          before: {
            member: payment.member_id,
            year: payment.year,
            amountCents: payment.amount_cents,
            paidOn: payment.paid_on,
            reference: payment.reference,
          },
          after: { reason },
        });
        return (
          (await listFundCalls(trx, ententeId, payment.year)).find((c) => c.memberId === payment.member_id) ??
          null
        );
      });
    },

    async listAudit(ententeId, before, limit) {
      let query = db
        .selectFrom("audit_event")
        .selectAll()
        .where("entente_id", "=", ententeId)
        .orderBy("id", "desc")
        .limit(limit);
      if (before !== null && /^\d+$/.test(before)) query = query.where("id", "<", BigInt(before));
      const rows = await query.execute();
      return rows.map(
        (r): AuditEventRecord => ({
          id: String(r.id),
          at: r.at,
          actor: r.actor,
          action: r.action,
          entity: r.entity,
          entityId: r.entity_id,
          before: r.before,
          after: r.after,
        }),
      );
    },
  };
}

import { type Kysely, sql } from "kysely";
import { recordAudit } from "../../platform/db/record-audit.ts";
import { throwStaleOrMissing } from "../../platform/db/stale-version.ts";
import { runVersionedUpdate } from "../../platform/db/versioned-update.ts";
import type { Actor } from "../../shared/actor.ts";
import type { MissionRecord, MissionStore, ServicePlanDraft } from "../app/ports/mission-store.ts";
import { localized } from "../errors.ts";
import { readMissions } from "./read-missions.ts";
import { replaceMissionMembers } from "./replace-mission-members.ts";
import type { FinanceDatabase } from "./tables.ts";
import { toServicePlan } from "./to-service-plan.ts";

const MISSION = localized("la mission", "the mission");
const PLAN = localized("le plan de service", "the service plan");

/**
 * Adds the next version of a mission's plan, in one transaction with its audit event. Plans are
 * never updated: each save is a new version, refused when another was added since the one read.
 */
async function addPlan(
  db: Kysely<FinanceDatabase>,
  ententeId: string,
  missionId: string,
  plan: ServicePlanDraft,
  basedOnVersion: number,
  actor: Actor,
): Promise<MissionRecord> {
  return db.transaction().execute(async (trx) => {
    const mission = (await readMissions(trx, ententeId)).find((m) => m.id === missionId);
    if (mission === undefined) throwStaleOrMissing(MISSION, missionId, basedOnVersion, undefined);
    const current = mission.plan?.version ?? 0;
    if (current !== basedOnVersion) throwStaleOrMissing(PLAN, missionId, basedOnVersion, current);
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
    const after = (await readMissions(trx, ententeId)).find((m) => m.id === missionId);
    if (after === undefined) throwStaleOrMissing(MISSION, missionId, basedOnVersion, undefined);
    return after;
  });
}

/**
 * PostgreSQL/PGlite implementation of `MissionStore`. An edit of a mission is one
 * `runVersionedUpdate` (its members replaced after the guarded write; the audit leaves out the
 * plan, which has its own versions); a plan is added as a new version.
 */
export function createMissionStore(db: Kysely<FinanceDatabase>): MissionStore {
  return {
    list: (ententeId) => readMissions(db, ententeId),

    update: (ententeId, missionId, change, rowVersion, actor) =>
      runVersionedUpdate<FinanceDatabase, MissionRecord>(db, {
        what: MISSION,
        id: missionId,
        expectedVersion: rowVersion,
        audit: { actor, ententeId, entity: "mission", view: (m) => ({ ...m, plan: undefined }) },
        load: async (trx) => (await readMissions(trx, ententeId)).find((m) => m.id === missionId),
        update: async (trx) =>
          (
            await trx
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
              .executeTakeFirst()
          ).numUpdatedRows,
        afterUpdate: (trx) => replaceMissionMembers(trx, ententeId, missionId, change.memberIds),
      }),

    async listPlans(ententeId, missionId) {
      const rows = await db
        .selectFrom("service_plan")
        .selectAll()
        .where("entente_id", "=", ententeId)
        .where("mission_id", "=", missionId)
        .orderBy("version", "desc")
        .execute();
      return rows.map(toServicePlan);
    },

    addPlan: (ententeId, missionId, plan, basedOnVersion, actor) =>
      addPlan(db, ententeId, missionId, plan, basedOnVersion, actor),
  };
}

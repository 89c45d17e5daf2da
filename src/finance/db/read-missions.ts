import { type Kysely, sql } from "kysely";
import type { MissionRecord } from "../app/ports/mission-store.ts";
import { readMembers } from "./read-members.ts";
import type { FinanceDatabase } from "./tables.ts";
import { toServicePlan } from "./to-service-plan.ts";

/** The latest version of each mission's service plan. */
function readLatestPlans(db: Kysely<FinanceDatabase>, ententeId: string) {
  return db
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
}

/** The entente's missions in its order, members in member order, each with its latest plan. */
export async function readMissions(db: Kysely<FinanceDatabase>, ententeId: string): Promise<MissionRecord[]> {
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
  const plans = await readLatestPlans(db, ententeId);
  const memberOrder = new Map((await readMembers(db, ententeId)).map((m, i) => [m.id, i]));
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
      plan: plan === undefined ? null : toServicePlan(plan),
      rowVersion: m.row_version,
    };
  });
}

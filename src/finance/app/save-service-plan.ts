import { assertCan, type Principal } from "../../access/index.ts";
import { actorOf } from "./actor-of.ts";
import type { FinanceDeps } from "./finance-deps.ts";
import type { MissionRecord, ServicePlanDraft } from "./ports/mission-store.ts";

/** Adds a new version of a mission's service plan (plan de service), based on the version read. */
export async function saveServicePlan(
  deps: Pick<FinanceDeps, "missions">,
  principal: Principal,
  ententeId: string,
  missionId: string,
  plan: ServicePlanDraft,
  basedOnVersion: number,
): Promise<MissionRecord> {
  assertCan(principal, { kind: "edit-plan", ententeId, missionId });
  return deps.missions.addPlan(ententeId, missionId, plan, basedOnVersion, actorOf(principal));
}

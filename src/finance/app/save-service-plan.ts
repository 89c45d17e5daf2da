import { assertCan, type Principal } from "../../access/index.ts";
import type { ConsoleDeps } from "./console-deps.ts";
import type { MissionRecord, ServicePlanRecord } from "./ports.ts";
import { actorOf } from "./update-member.ts";

/** Adds a new version of a mission's service plan (plan de service), based on the version read. */
export async function saveServicePlan(
  deps: ConsoleDeps,
  principal: Principal,
  ententeId: string,
  missionId: string,
  plan: Omit<ServicePlanRecord, "version" | "createdAt" | "createdBy">,
  basedOnVersion: number,
): Promise<MissionRecord> {
  assertCan(principal, { kind: "edit-plan", ententeId, missionId });
  return deps.console.addServicePlan(ententeId, missionId, plan, basedOnVersion, actorOf(principal));
}

/** Every version of a mission's service plan, newest first (plans are read by every role). */
export async function listServicePlans(
  deps: ConsoleDeps,
  principal: Principal,
  ententeId: string,
  missionId: string,
): Promise<ServicePlanRecord[]> {
  assertCan(principal, { kind: "read", ententeId });
  return deps.console.listServicePlans(ententeId, missionId);
}

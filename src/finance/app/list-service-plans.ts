import { assertCan, type Principal } from "../../access/index.ts";
import type { FinanceDeps } from "./finance-deps.ts";
import type { ServicePlanRecord } from "./ports/mission-store.ts";

/** Every version of a mission's service plan, newest first (plans are read by every role). */
export async function listServicePlans(
  deps: Pick<FinanceDeps, "missions">,
  principal: Principal,
  ententeId: string,
  missionId: string,
): Promise<ServicePlanRecord[]> {
  assertCan(principal, { kind: "read", ententeId });
  return deps.missions.listPlans(ententeId, missionId);
}

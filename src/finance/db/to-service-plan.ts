import type { ServicePlanRecord } from "../app/ports/mission-store.ts";

/** A `service_plan` row as a record; empty JSON columns read as an empty plan. */
export function toServicePlan(p: {
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

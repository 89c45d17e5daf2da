import type { ServicePlan } from "../finance-types.ts";
import type { DraftMilestone } from "./plan-milestones-fieldset.tsx";

/** A service plan as edited. */
export type PlanDraft = {
  scope: string;
  milestones: DraftMilestone[];
  resources: ServicePlan["resources"];
  committee: string[];
};

/** What the API expects: trimmed labels and names (blank ones left out), no due date as null. */
export const toPlanBody = (draft: PlanDraft, basedOnVersion: number) => ({
  scope: draft.scope,
  milestones: draft.milestones.map((m) => ({
    label: m.label.trim(),
    due: m.due === "" ? null : m.due,
    done: m.done,
  })),
  resources: draft.resources,
  steeringCommittee: draft.committee.map((c) => c.trim()).filter((c) => c !== ""),
  basedOnVersion,
});

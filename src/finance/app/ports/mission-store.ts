import type { Actor } from "../../../shared/actor.ts";
import type { MissionChange } from "../../domain/mission-change.ts";

/** A version of a mission's service plan (plan de service). */
export interface ServicePlanRecord {
  readonly version: number;
  readonly scope: string;
  readonly milestones: readonly {
    readonly label: string;
    readonly due: string | null;
    readonly done: boolean;
  }[];
  readonly resources: { readonly financial: string; readonly human: string; readonly material: string };
  readonly steeringCommittee: readonly string[];
  readonly createdAt: Date;
  readonly createdBy: string | null;
}

/** What a new version of a service plan holds (its version, date and author are the store's). */
export type ServicePlanDraft = Omit<ServicePlanRecord, "version" | "createdAt" | "createdBy">;

/** A mission (socle or spécifique), with its current service plan. */
export interface MissionRecord {
  readonly id: string;
  readonly name: string;
  readonly kind: "socle" | "specifique";
  readonly description: string | null;
  readonly leadMemberId: string | null;
  readonly memberIds: readonly string[];
  readonly keys: { readonly investissement: string; readonly fonctionnement: string };
  readonly plan: ServicePlanRecord | null;
  readonly rowVersion: number;
}

/** The missions of an entente and their service plans. Writes are transactional and audited. */
export interface MissionStore {
  /** The entente's missions, in the entente's order, each with its latest plan. */
  list(ententeId: string): Promise<MissionRecord[]>;
  /**
   * Edits a mission (name, description, lead, members, keys) from version `rowVersion`.
   * @throws EntenteError `resource.not_found`, `conflict.stale_version`.
   */
  update(
    ententeId: string,
    missionId: string,
    change: MissionChange,
    rowVersion: number,
    actor: Actor,
  ): Promise<MissionRecord>;
  /** Every version of a mission's service plan, newest first. */
  listPlans(ententeId: string, missionId: string): Promise<ServicePlanRecord[]>;
  /**
   * Adds the next version of a mission's plan, made from plan version `basedOnVersion`.
   * @throws EntenteError `resource.not_found`, `conflict.stale_version` (another version was added).
   */
  addPlan(
    ententeId: string,
    missionId: string,
    plan: ServicePlanDraft,
    basedOnVersion: number,
    actor: Actor,
  ): Promise<MissionRecord>;
}

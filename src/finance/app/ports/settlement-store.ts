import type { Actor } from "../../../shared/actor.ts";
import type { SettlementChange } from "../../domain/settlement-change.ts";

/** Advances and adjustments of one exercise (amounts in cents; adjustments signed). */
export interface SettlementRecord extends SettlementChange {
  readonly year: number;
  /** The exercise's version: the advances and adjustments change together. */
  readonly rowVersion: number;
}

/** The advances (avances) and adjustments (régularisations) of the exercises. */
export interface SettlementStore {
  /** An exercise's advances and adjustments, or null when the exercise does not exist. */
  get(ententeId: string, year: number): Promise<SettlementRecord | null>;
  /**
   * Replaces all of them in one transaction, from the exercise's version `rowVersion`; audited.
   * @throws EntenteError `resource.not_found`, `conflict.stale_version`.
   */
  replace(
    ententeId: string,
    year: number,
    settlement: SettlementChange,
    rowVersion: number,
    actor: Actor,
  ): Promise<SettlementRecord>;
}

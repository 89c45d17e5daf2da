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
  /**
   * An exercise's advances and adjustments in its latest budget version (the working copy) or
   * the version in force, or null when the exercise does not exist.
   */
  get(ententeId: string, year: number, which: "latest" | "in-force"): Promise<SettlementRecord | null>;
  /**
   * Replaces those of the exercise's latest budget version in one transaction, from the
   * exercise's version `rowVersion`; audited. Earlier budget versions keep theirs.
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

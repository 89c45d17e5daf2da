import type { Actor } from "../../../shared/actor.ts";
import type { PublicAccountant } from "../../domain/entente.ts";

/** A member (membre) of the entente as the console edits it. */
export interface MemberRecord {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly siren: string | null;
  readonly siret: string | null;
  readonly assembly: string | null;
  /** First exercise of its membership (null: from the start). */
  readonly from: number | null;
  /** Last exercise of its membership (null: still a member). */
  readonly to: number | null;
  readonly accountant: PublicAccountant | null;
  /** Optimistic-concurrency version: a change is made from the version read. */
  readonly rowVersion: number;
}

/** What an edit of a member replaces. */
export type MemberChange = Omit<MemberRecord, "id" | "rowVersion">;

/** The members of an entente. Writes are transactional and audited. */
export interface MemberStore {
  /** The entente's members, in the entente's order. */
  list(ententeId: string): Promise<MemberRecord[]>;
  /**
   * Edits a member's identity from version `rowVersion`.
   * @throws EntenteError `resource.not_found`, `conflict.stale_version`.
   */
  /**
   * Adds a member at the end of the entente's order, audited.
   * @throws EntenteError `entente.duplicate_id` when the id is taken.
   */
  add(ententeId: string, member: Omit<MemberRecord, "rowVersion">, actor: Actor): Promise<MemberRecord>;
  update(
    ententeId: string,
    memberId: string,
    change: MemberChange,
    rowVersion: number,
    actor: Actor,
  ): Promise<MemberRecord>;
}

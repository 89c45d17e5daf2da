import type { Actor } from "../../../shared/actor.ts";

/** A member (membre) of the entente as the console edits it. */
export interface MemberRecord {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly siren: string | null;
  readonly siret: string | null;
  readonly assembly: string | null;
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
  update(
    ententeId: string,
    memberId: string,
    change: MemberChange,
    rowVersion: number,
    actor: Actor,
  ): Promise<MemberRecord>;
}

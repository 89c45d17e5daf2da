import type { PersonRole } from "./person.ts";

/**
 * Who an email address belongs to (DESIGN.md pillar 2, routing): a member owns email domains
 * (every agent's address), and the secretariat registers personal addresses (typically an élu's
 * gmail) for a member. A domain and an address are unique across the whole instance.
 */

/** An email domain a member owns (unique across the instance). */
export interface MemberDomainRecord {
  readonly domain: string;
  readonly ententeId: string;
  readonly memberId: string;
  readonly memberName: string;
  /** The source the domain leads to; null: the member's first enabled source. */
  readonly sourceId: string | null;
}

/** A personal address (typically an élu's) registered for a member and one of its sources. */
export interface RegisteredAddressRecord {
  readonly email: string;
  readonly ententeId: string;
  readonly memberId: string;
  readonly memberName: string;
  readonly sourceId: string;
  /** Role forced at sign-in; null: the source's mapping decides. */
  readonly role: PersonRole | null;
  readonly note: string | null;
}

/** A registered address or a domain as it is being created (the member's name is read back). */
export interface MemberDomainInput {
  readonly domain: string;
  readonly memberId: string;
  readonly sourceId: string | null;
}

/** A personal address as the secretariat registers it. */
export interface RegisteredAddressInput {
  readonly email: string;
  readonly memberId: string;
  readonly sourceId: string;
  readonly role: PersonRole | null;
  readonly note: string | null;
}

import type { Actor } from "../../../shared/actor.ts";
import type {
  Affiliation,
  AttributeMapping,
  IdentityEvent,
  IdentityEventKind,
  PersonRole,
  ServiceClientAdmin,
  SourceRecord,
  SourceSettings,
} from "../ports.ts";

/**
 * What the administration of the identity federation (API and console: sources, domains,
 * registered addresses, persons, services, sign-in log) needs from the stores. Implemented by
 * src/db/identity-directory-store.ts, src/db/identity-event-store.ts and
 * src/db/service-client-store.ts. Every write records an audit event in its own transaction.
 */

/** An identity source as written by the API: the id is generated; `secret` absent keeps the stored one, null clears it. */
export type SourceInput = SourceSettings & {
  readonly memberId: string;
  readonly label: string;
  readonly enabled: boolean;
  readonly mapping: AttributeMapping;
  readonly secret?: string | null;
};

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

/** An affiliation as the secretariat sees it: where it comes from. */
export type AdminAffiliation = Affiliation & {
  /** The source that asserted it; null when the secretariat declared it. */
  readonly sourceId: string | null;
  /** Email of the console account that declared it; null when it comes from a source. */
  readonly declaredBy: string | null;
  readonly lastSeenAt: Date | null;
};

/** A person of the directory, restricted to one entente's affiliations and sources. */
export interface DirectoryPerson {
  readonly sub: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly usualName: string;
  readonly affiliations: readonly AdminAffiliation[];
  readonly links: readonly {
    readonly sourceId: string;
    readonly sourceLabel: string;
    readonly upstreamId: string;
    readonly lastSeenAt: Date;
  }[];
}

export interface PersonQuery {
  readonly memberId: string | null;
  /** Matched, case-insensitively, against names, email and uid. */
  readonly search: string | null;
  readonly limit: number;
  readonly offset: number;
}

/** An affiliation the secretariat declares (a shared agent of several small communes). */
export interface DeclaredAffiliationInput {
  readonly memberId: string;
  readonly role: PersonRole;
  /** null: the email of the person's most recent affiliation. */
  readonly email: string | null;
  readonly groups: readonly string[];
}

/** Writes and reads of the directory's administration. */
export interface IdentityDirectoryAdmin {
  listSources(ententeId: string, memberId: string | null): Promise<SourceRecord[]>;
  getSource(ententeId: string, sourceId: string): Promise<SourceRecord | null>;
  /** @throws `identity.not_found` (member), `identity.source_invalid`. */
  createSource(ententeId: string, input: SourceInput, actor: Actor): Promise<SourceRecord>;
  /** @throws `identity.source_not_found`, `conflict.stale_version`, `identity.source_invalid` (kind or member changed). */
  updateSource(
    ententeId: string,
    sourceId: string,
    input: SourceInput,
    expectedRowVersion: number,
    actor: Actor,
  ): Promise<SourceRecord>;
  /** @throws `identity.source_not_found`, `identity.source_in_use` (persons already linked: disable it instead). */
  deleteSource(ententeId: string, sourceId: string, actor: Actor): Promise<void>;

  listDomains(ententeId: string, memberId: string | null): Promise<MemberDomainRecord[]>;
  /** @throws `identity.domain_taken` (any entente), `identity.not_found` (member), `identity.source_invalid` (source of another member). */
  addDomain(
    ententeId: string,
    input: { readonly domain: string; readonly memberId: string; readonly sourceId: string | null },
    actor: Actor,
  ): Promise<MemberDomainRecord>;
  /** @throws `identity.not_found`. */
  removeDomain(ententeId: string, domain: string, actor: Actor): Promise<void>;

  listRegisteredAddresses(ententeId: string, memberId: string | null): Promise<RegisteredAddressRecord[]>;
  /** @throws `identity.address_taken`, `identity.not_found` (member), `identity.source_invalid` (source of another member). */
  registerAddress(
    ententeId: string,
    input: {
      readonly email: string;
      readonly memberId: string;
      readonly sourceId: string;
      readonly role: PersonRole | null;
      readonly note: string | null;
    },
    actor: Actor,
  ): Promise<RegisteredAddressRecord>;
  /** @throws `identity.not_found`. */
  removeRegisteredAddress(ententeId: string, email: string, actor: Actor): Promise<void>;

  /** Persons with at least one affiliation in the entente (to `memberId` when given), by family then given name. */
  listPersons(ententeId: string, query: PersonQuery): Promise<{ persons: DirectoryPerson[]; total: number }>;
  /** null when the person has no affiliation in this entente. */
  getPerson(ententeId: string, sub: string): Promise<DirectoryPerson | null>;
  /** Adds (or replaces a declared) affiliation. @throws `identity.not_found` (person or member). */
  declareAffiliation(
    ententeId: string,
    sub: string,
    input: DeclaredAffiliationInput,
    actor: Actor,
  ): Promise<DirectoryPerson>;
  /**
   * Removes a declared affiliation; one from a source comes back at the next sign-in, so it is not
   * removable. @returns the person, null when no affiliation in this entente is left.
   * @throws `identity.not_found`.
   */
  removeDeclaredAffiliation(
    ententeId: string,
    sub: string,
    memberId: string,
    actor: Actor,
  ): Promise<DirectoryPerson | null>;
}

/** Filters of the sign-in log; every one optional. `before`: the id of the last event of the previous page. */
export interface IdentityEventQuery {
  readonly kind: IdentityEventKind | null;
  readonly memberId: string | null;
  readonly sub: string | null;
  readonly clientId: string | null;
  readonly from: Date | null;
  readonly to: Date | null;
  readonly before: string | null;
  readonly limit: number;
}

export type IdentityEventEntry = IdentityEvent & { readonly id: string };

export interface IdentityEventReader {
  /** Newest first; `nextBefore` is null on the last page. */
  listEvents(
    ententeId: string,
    query: IdentityEventQuery,
  ): Promise<{ events: IdentityEventEntry[]; nextBefore: string | null }>;
}

/** What the identity administration use cases need; built once in the composition root. */
export interface IdentityAdminDeps {
  readonly directory: IdentityDirectoryAdmin;
  readonly events: IdentityEventReader;
  readonly services: ServiceClientAdmin;
}

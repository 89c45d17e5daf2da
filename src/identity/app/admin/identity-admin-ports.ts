import type { Actor } from "../../../shared/actor.ts";
import type {
  MemberDomainInput,
  MemberDomainRecord,
  RegisteredAddressInput,
  RegisteredAddressRecord,
} from "../../domain/email-ownership.ts";
import type { IdentityEventEntry, IdentityEventKind } from "../../domain/identity-event.ts";
import type { SourceInput, SourceRecord } from "../../domain/identity-source.ts";
import type { DeclaredAffiliationInput, DirectoryPerson, PersonRole } from "../../domain/person.ts";
import type { EmailFacts } from "../../domain/route-email.ts";
import type { IdentityEventLog } from "../ports.ts";
import type { ServiceClientAdmin } from "../provider-ports.ts";
import type { ResourceServerAdmin } from "../resource-server-ports.ts";

/**
 * Ports of the administration of the identity federation (API and console: sources, domains,
 * registered addresses, persons, services, sign-in log). `IdentityDirectoryAdmin` is what the
 * use cases call, rules applied (`createIdentityDirectoryAdmin`); the stores below are what it
 * needs, one per aggregate (src/identity/db). Every write records an audit event in its own
 * transaction; a store throws only `resource.not_found`, `conflict.stale_version` and database
 * faults — the catalog's `identity.*` refusals are the rules'.
 */

/** Writes and reads of the directory's administration, rules applied. */
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
  addDomain(ententeId: string, input: MemberDomainInput, actor: Actor): Promise<MemberDomainRecord>;
  /** @throws `identity.not_found`. */
  removeDomain(ententeId: string, domain: string, actor: Actor): Promise<void>;

  listRegisteredAddresses(ententeId: string, memberId: string | null): Promise<RegisteredAddressRecord[]>;
  /** @throws `identity.address_taken`, `identity.not_found` (member), `identity.source_invalid` (source of another member). */
  registerAddress(
    ententeId: string,
    input: RegisteredAddressInput,
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

/** A page of the persons of an entente, of one member or all. */
export interface PersonQuery {
  readonly memberId: string | null;
  /** Matched, case-insensitively, against names, email and uid. */
  readonly search: string | null;
  readonly limit: number;
  readonly offset: number;
}

/** The members the administration names (the finance context's `member` table, read only). */
export interface MemberNames {
  /** The member's name, or null when the entente has no such member. */
  memberName(ententeId: string, memberId: string): Promise<string | null>;
}

/** Identity sources (table `identity_source`, versioned rows). */
export interface SourceStore {
  listSources(ententeId: string, memberId: string | null): Promise<SourceRecord[]>;
  getSource(ententeId: string, sourceId: string): Promise<SourceRecord | null>;
  /** Inserts a source with a new id; audits it without its secret. */
  createSource(ententeId: string, input: SourceInput, actor: Actor): Promise<SourceRecord>;
  /** `runVersionedUpdate` of the source. @throws `resource.not_found`, `conflict.stale_version`. */
  updateSource(
    ententeId: string,
    sourceId: string,
    input: SourceInput,
    expectedRowVersion: number,
    actor: Actor,
  ): Promise<SourceRecord>;
  /** How many persons are linked to the source (signed in through it). */
  countLinkedPersons(sourceId: string): Promise<number>;
  /** Deletes `source` and audits it. */
  deleteSource(ententeId: string, source: SourceRecord, actor: Actor): Promise<void>;
}

/** What owns a domain or an address that is already taken. */
export interface TakenBy {
  readonly ententeId: string;
  readonly memberName: string;
}

/** Email domains of the members (table `member_email_domain`). */
export interface MemberDomainStore {
  listDomains(ententeId: string, memberId: string | null): Promise<MemberDomainRecord[]>;
  findDomain(ententeId: string, domain: string): Promise<MemberDomainRecord | null>;
  /** Inserts the (normalised) domain and audits it, or says who owns it already (nothing written). */
  addDomain(
    ententeId: string,
    input: MemberDomainInput,
    actor: Actor,
  ): Promise<{ readonly added: MemberDomainRecord } | { readonly takenBy: TakenBy }>;
  /** Deletes the domain and audits it. */
  removeDomain(ententeId: string, before: MemberDomainRecord, actor: Actor): Promise<void>;
}

/** Registered addresses (table `registered_address`). */
export interface RegisteredAddressStore {
  listAddresses(ententeId: string, memberId: string | null): Promise<RegisteredAddressRecord[]>;
  findAddress(ententeId: string, email: string): Promise<RegisteredAddressRecord | null>;
  /** Inserts the (normalised) address and audits it, or says who owns it already (nothing written). */
  registerAddress(
    ententeId: string,
    input: RegisteredAddressInput,
    actor: Actor,
  ): Promise<{ readonly added: RegisteredAddressRecord } | { readonly takenBy: TakenBy }>;
  /** Deletes the address and audits it. */
  removeAddress(ententeId: string, before: RegisteredAddressRecord, actor: Actor): Promise<void>;
}

/** The email, uid, role and groups of an affiliation the secretariat declares. */
export interface DeclaredAffiliationValues {
  readonly memberId: string;
  readonly role: PersonRole;
  readonly email: string;
  readonly uid: string;
  readonly groups: readonly string[];
}

/** Persons of the directory as the administration reads and completes them (tables `person*`). */
export interface PersonAdminStore {
  listPersons(ententeId: string, query: PersonQuery): Promise<{ persons: DirectoryPerson[]; total: number }>;
  /** The person with their affiliations and links in the entente; null when they have no affiliation there. */
  getPerson(ententeId: string, sub: string): Promise<DirectoryPerson | null>;
  /**
   * Email and uid of the person's affiliations that came from a source of this entente (never a
   * declared one, never another entente's), most recently seen first; empty when there is none.
   */
  sourceContacts(
    ententeId: string,
    sub: string,
  ): Promise<Array<{ readonly email: string; readonly uid: string }>>;
  /** Who owns `email` (already normalised): its registered address and its domain's member. */
  emailFacts(email: string): Promise<EmailFacts>;
  /** Adds, or replaces a declared, affiliation; audits the affiliations before and after. */
  declareAffiliation(
    ententeId: string,
    sub: string,
    values: DeclaredAffiliationValues,
    actor: Actor,
  ): Promise<DirectoryPerson>;
  /**
   * Deletes the declared affiliation (never one from a source) and audits it.
   * @returns `removed: false` when there is none; `person`: what is left in the entente (null: nothing).
   */
  removeDeclaredAffiliation(
    ententeId: string,
    sub: string,
    memberId: string,
    actor: Actor,
  ): Promise<{ readonly removed: boolean; readonly person: DirectoryPerson | null }>;
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

/** The sign-in log as the console reads it. */
export interface IdentityEventReader {
  /** Newest first; `nextBefore` is null on the last page. */
  listEvents(
    ententeId: string,
    query: IdentityEventQuery,
  ): Promise<{ events: IdentityEventEntry[]; nextBefore: string | null }>;
}

/** What ending sessions did: sessions ended, services told by back-channel logout, and those that failed. */
export interface SessionsEnded {
  readonly sessions: number;
  readonly servicesNotified: number;
  readonly servicesFailed: number;
}

/** The provider's sessions of the persons who signed in through a source. */
export interface SessionTerminator {
  /**
   * Ends every provider session of a person linked to `sourceId`: each service of the session
   * that registered a back-channel logout URI gets a logout token (OIDC Back-Channel Logout 1.0
   * §2.5), its grant and tokens are revoked, then the session is destroyed.
   */
  endSessionsOfSource(sourceId: string): Promise<SessionsEnded>;
}

/** The provider's sessions of one person (provisioning's port, registered at composition). */
export interface PersonSessionTerminator {
  /**
   * What `endSessionsOfSource` does, for one person (`sub`): what deprovisioning does when a
   * member's directory suspends or deletes the person (SCIM `active: false`, DELETE; issue 12).
   */
  endSessionsOfPerson(sub: string): Promise<SessionsEnded>;
}

/** What the identity administration use cases need; built once in the composition root. */
export interface IdentityAdminDeps {
  readonly directory: IdentityDirectoryAdmin;
  /** The audit log, read by the console and written by the actions that end sessions. */
  readonly events: IdentityEventReader & IdentityEventLog;
  readonly services: ServiceClientAdmin;
  readonly resourceServers: ResourceServerAdmin;
  readonly sessions: SessionTerminator;
}

import type { Actor } from "../../shared/actor.ts";
import type { CatalogueEntry, CatalogueFields } from "../domain/catalogue-entry.ts";
import type { Subscription, SubscriptionFields } from "../domain/subscription.ts";

/** An uploaded logo: its bytes and checked media type. */
export interface StoredLogo {
  readonly bytes: Uint8Array;
  readonly type: string;
}

/** The catalogue (workplace_service joined with identity's service_client for name and state). */
export interface CatalogueStore {
  /** Every entry of an entente, in no particular order. */
  list(ententeId: string): Promise<CatalogueEntry[]>;
  find(ententeId: string, clientId: string): Promise<CatalogueEntry | null>;
  /** Identity's service client (`client_id`) of this entente, catalogued or not; null: none. */
  findClient(ententeId: string, clientId: string): Promise<{ readonly name: string } | null>;
  /** @throws `workplace.already_in_catalogue` when the client already has its entry. */
  create(ententeId: string, clientId: string, fields: CatalogueFields, actor: Actor): Promise<CatalogueEntry>;
  /** @throws `conflict.stale_version`, `resource.not_found` (platform's versioned update). */
  update(
    ententeId: string,
    clientId: string,
    fields: CatalogueFields,
    expectedVersion: number,
    actor: Actor,
  ): Promise<CatalogueEntry>;
  /** Replaces (or with null removes) the uploaded logo. */
  setLogo(ententeId: string, clientId: string, logo: StoredLogo | null, actor: Actor): Promise<void>;
  /** The logo of any entry (public: the launcher shows it), its name for the monogram; null: no entry. */
  logoOf(clientId: string): Promise<{ readonly name: string; readonly logo: StoredLogo | null } | null>;
  /** Stores the SHA-256 (hex) of the service's new key. */
  setServiceKeyHash(ententeId: string, clientId: string, hash: string, actor: Actor): Promise<void>;
  /** The entry whose key has this SHA-256 (hex); null: none. */
  findByServiceKeyHash(hash: string): Promise<CatalogueEntry | null>;
}

/** Subscriptions of members to services. */
export interface SubscriptionStore {
  listForService(ententeId: string, clientId: string): Promise<Subscription[]>;
  listForMember(ententeId: string, memberId: string): Promise<Subscription[]>;
  /** Every subscription of the entente. */
  listForEntente(ententeId: string): Promise<Subscription[]>;
  find(ententeId: string, clientId: string, memberId: string): Promise<Subscription | null>;
  /**
   * Creates (`expectedVersion` null) or replaces the subscription.
   * @throws `conflict.stale_version` when it changed since read, or exists on a create.
   */
  put(
    key: { readonly ententeId: string; readonly clientId: string; readonly memberId: string },
    fields: SubscriptionFields,
    expectedVersion: number | null,
    actor: Actor,
  ): Promise<Subscription>;
  /** @returns whether there was one. */
  remove(ententeId: string, clientId: string, memberId: string, actor: Actor): Promise<boolean>;
}

/** A member of an entente as the workplace shows it (read from finance's member table). */
export interface MemberRef {
  readonly ententeId: string;
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly siren: string | null;
  readonly siret: string | null;
  /** Finance's membership: first and last exercise (null: from the start / still a member). */
  readonly fromYear: number | null;
  readonly toYear: number | null;
}

/** The members, read (never written) from finance's tables. */
export interface MemberReader {
  /** Members of every entente with this SIRET (or, having none, the SIREN it starts with), or this SIREN (or a SIRET starting with it). */
  findByIdentifier(identifier: { readonly siret: string } | { readonly siren: string }): Promise<MemberRef[]>;
  find(ententeId: string, memberId: string): Promise<MemberRef | null>;
}

/** A person acting for a member (identity's affiliation, read). */
export interface AffiliationRef {
  readonly role: string;
  readonly groups: readonly string[];
}

/** Persons' affiliations, read from identity's directory. */
export interface AffiliationReader {
  /** The affiliation of the person to this member, found by `sub` or by email (case-insensitive). */
  find(
    ententeId: string,
    memberId: string,
    account: { readonly sub: string } | { readonly email: string },
  ): Promise<AffiliationRef | null>;
}

/** One line of a usage report (Deploy Center's `usage_metrics[]`), with its member resolved. */
export interface UsageLine {
  readonly clientId: string;
  readonly ententeId: string;
  readonly memberId: string;
  readonly accountType: "user" | "organization";
  readonly accountId: string | null;
  readonly accountEmail: string | null;
  /** Non-negative integer metrics (`storage_used` in bytes…). */
  readonly metrics: Readonly<Record<string, number>>;
}

export interface UsageStore {
  record(lines: readonly UsageLine[], at: Date): Promise<void>;
  /**
   * Each member's measured `metric` for the service, from the reports made in [`since`, `until`):
   * the latest organisation report when the member has one, else the sum of each account's
   * latest report. Members that reported nothing are absent.
   */
  measuredByMember(
    ententeId: string,
    clientId: string,
    metric: string,
    since: Date,
    until: Date,
  ): Promise<ReadonlyMap<string, bigint>>;
  /** The latest `storage_used` reported for this account (by id or email) or, account null, for the organisation. */
  latestStorageUsed(
    clientId: string,
    memberId: string,
    account: { readonly sub: string } | { readonly email: string } | null,
  ): Promise<number | null>;
}

/** What the workplace's use cases need. */
export interface WorkplaceDeps {
  readonly catalogue: CatalogueStore;
  readonly subscriptions: SubscriptionStore;
  readonly members: MemberReader;
  readonly affiliations: AffiliationReader;
  readonly usage: UsageStore;
  readonly clock: { now(): Date };
  /** Entente's public URL without a trailing slash: the launcher's logo addresses start with it. */
  readonly publicUrl: string;
  /** Told when a member's subscription starts or ends (provisioning's port, registered at composition). */
  readonly subscriptionListener?: SubscriptionListener;
}

/**
 * What another context does when a member's subscription to a service is created or changed
 * (`started` true) or removed (false): provisioning recomputes which persons hold an account on the
 * service's connectors (its days, roles and groups). Told after the subscription is stored; a
 * failure is reported to `onError`, never undoes the subscription.
 */
export interface SubscriptionListener {
  subscriptionChanged(change: {
    readonly ententeId: string;
    readonly clientId: string;
    readonly memberId: string;
    readonly started: boolean;
  }): Promise<unknown>;
  readonly onError: (error: unknown) => void;
}

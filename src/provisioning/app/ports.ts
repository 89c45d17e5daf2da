import type { ScimAttributes } from "../domain/scim-coerce.ts";
import type { AccountState, ProvisionedIdentity } from "../domain/scim-person.ts";
import type { HubSessionsSlot } from "./hub-sessions.ts";

/** The member a SCIM request acts for, from its bearer token; the source its Users belong to. */
export interface ScimScope {
  readonly ententeId: string;
  readonly memberId: string;
  readonly sourceId: string;
}

/** A reference from one resource to another (a User's groups, a Group's members). */
export interface ResourceRef {
  readonly value: string;
  readonly display: string;
}

/** A SCIM User as stored, with its computed groups. */
export interface StoredUser {
  readonly id: string;
  readonly userName: string;
  readonly externalId: string | null;
  readonly active: boolean;
  readonly attributes: ScimAttributes;
  readonly sub: string | null;
  readonly version: number;
  readonly created: Date;
  readonly lastModified: Date;
  readonly groups: readonly ResourceRef[];
}

/** A SCIM Group as stored, with its members. */
export interface StoredGroup {
  readonly id: string;
  readonly displayName: string;
  readonly externalId: string | null;
  readonly attributes: ScimAttributes;
  readonly version: number;
  readonly created: Date;
  readonly lastModified: Date;
  readonly members: readonly ResourceRef[];
}

/** The fields of a User write (the store folds `userName` for its uniqueness itself). */
export interface UserWrite {
  readonly userName: string;
  readonly externalId: string | null;
  readonly active: boolean;
  readonly attributes: ScimAttributes;
  readonly sub: string | null;
  readonly at: Date;
}

/** The fields of a Group write; `memberIds` replace the members. */
export interface GroupWrite {
  readonly displayName: string;
  readonly externalId: string | null;
  readonly attributes: ScimAttributes;
  readonly memberIds: readonly string[];
  readonly at: Date;
}

/** A change of a person's accounts for the provisioning engine (recorded with the write, same transaction). */
export interface PersonChange {
  readonly sub: string;
  readonly kind: PersonChangeKind;
  /** The account after the change. */
  readonly payload: AccountState;
  /**
   * The catalogued services whose subscriptions govern the person's accounts, with whether their
   * rule admits the person (`ServiceAudiences`): their connectors get the difference from what
   * they were last told (`domain/service-access.ts`), the other connectors the change itself.
   * Absent: every connector serving the member gets the change (an erasure, a repair).
   */
  readonly services?: readonly ServiceEligibility[];
}

/** Whether a catalogued service's rule admits a person (their role and groups, on the change's day). */
export interface ServiceEligibility {
  readonly clientId: string;
  readonly eligible: boolean;
}

/**
 * The access rules of the entente's catalogued services for a member (the workplace's
 * `audiencesOf`, through its door): `admits` is the workplace's `decideSubscribedAccess`, the one
 * rule of sign-in, the portal, the entitlements and the accounts.
 */
export interface ServiceAudiences {
  audiencesOf(
    ententeId: string,
    memberId: string,
    clientId?: string,
  ): Promise<
    readonly {
      readonly clientId: string;
      admits(person: { readonly role: string; readonly groups: readonly string[] }, at: Date): boolean;
    }[]
  >;
}

export type PersonChangeKind = "created" | "updated" | "suspended" | "reactivated" | "deleted" | "erased";

/** Where the SCIM resources of every member are kept; every method is limited to `scope`. */
export interface ScimStore {
  findUser(scope: ScimScope, id: string): Promise<StoredUser | null>;
  /** Users whose `userName` (folded), `externalId` or `id` equals `value`. */
  findUsersBy(
    scope: ScimScope,
    attribute: "userName" | "externalId" | "id",
    value: string,
  ): Promise<StoredUser[]>;
  /** Every User of the member, oldest first. */
  listUsers(scope: ScimScope): Promise<StoredUser[]>;
  /** @returns null when the folded `userName`, the externalId or the person is taken at this member. */
  insertUser(
    scope: ScimScope,
    id: string,
    user: UserWrite,
    changes: readonly PersonChange[],
  ): Promise<StoredUser | null>;
  /**
   * @returns "stale" when the version moved, "taken" when the new userName, externalId or person
   * is another User's, null when gone.
   */
  updateUser(
    scope: ScimScope,
    id: string,
    version: number,
    user: UserWrite,
    changes: readonly PersonChange[],
  ): Promise<StoredUser | "stale" | "taken" | null>;
  deleteUser(scope: ScimScope, id: string, changes: readonly PersonChange[], at: Date): Promise<boolean>;
  findGroup(scope: ScimScope, id: string): Promise<StoredGroup | null>;
  findGroupsBy(
    scope: ScimScope,
    attribute: "displayName" | "externalId" | "id",
    value: string,
  ): Promise<StoredGroup[]>;
  listGroups(scope: ScimScope): Promise<StoredGroup[]>;
  insertGroup(scope: ScimScope, id: string, group: GroupWrite): Promise<StoredGroup>;
  updateGroup(
    scope: ScimScope,
    id: string,
    version: number,
    group: GroupWrite,
  ): Promise<StoredGroup | "stale" | null>;
  deleteGroup(scope: ScimScope, id: string): Promise<boolean>;
  /** Which of `ids` are Users of the member. */
  existingUserIds(scope: ScimScope, ids: readonly string[]): Promise<Set<string>>;
}

/** The pivot directory as provisioning writes it (identity's door). */
export interface PivotDirectory {
  /**
   * Links (source, upstream id) to a person (created the first time) and writes the person's
   * names and the affiliation to the source's member; returns the person's `sub`. `active: false`
   * (a suspended User) marks the affiliation deprovisioned (it admits nobody), `true` clears it.
   * @returns "email_not_owned" when the member may not assert the email (a domain it does not own),
   *   "source_unknown" when the endpoint's source was deleted.
   */
  linkPerson(
    sourceId: string,
    upstreamId: string,
    identity: ProvisionedIdentity,
    active: boolean,
  ): Promise<{ readonly sub: string } | "email_not_owned" | "source_unknown">;
  /**
   * Which of `emails` the source's member may not assert (a domain it does not own, another
   * member's registered address, not an address), after the rule of `linkPerson`.
   */
  emailsNotOwned(sourceId: string, emails: readonly string[]): Promise<string[]>;
  /** Marks the person's affiliation to the member deprovisioned (its User deleted): it admits nobody. */
  deprovisionPerson(ententeId: string, memberId: string, sub: string): Promise<void>;
}

/** SCIM bearer tokens, stored hashed. */
export interface ScimTokenStore {
  /** The scope of the token whose SHA-256 is `hash`, or null. */
  findScope(hash: string): Promise<ScimScope | null>;
  /** Replaces the member's token (issue or rotate). */
  saveToken(scope: ScimScope, hash: string, issuedBy: string, at: Date): Promise<void>;
  revokeToken(ententeId: string, memberId: string): Promise<boolean>;
}

/** What the SCIM use cases are made of. */
export interface ScimDeps {
  readonly store: ScimStore;
  readonly pivot: PivotDirectory;
  readonly now: () => Date;
  readonly newId: () => string;
  /** The hub's sessions, ended when a person is deprovisioned (absent: none to end, as on the command line). */
  readonly sessions?: HubSessionsSlot;
  /** The catalogued services' access rules (absent: no service governed, every connector gets every change). */
  readonly audiences?: ServiceAudiences;
}

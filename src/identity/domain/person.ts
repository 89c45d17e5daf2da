/**
 * Persons of the pivot directory (identité pivot, DESIGN.md pillar 2) and the organisations they
 * act for. A person's `sub` is random, given once and never changes (docs/identity.md).
 */

/** Role of a person in their organisation: an agent (employee) or an élu (elected official). */
export type PersonRole = "agent" | "elu";

/** An organisation a person acts for, with what its source said about them. */
export interface Affiliation {
  readonly ententeId: string;
  readonly memberId: string;
  readonly memberName: string;
  readonly siren: string | null;
  readonly siret: string | null;
  readonly role: PersonRole;
  readonly email: string;
  /** false when the source said it had not verified `email` (OIDC `email_verified: false`). */
  readonly emailVerified: boolean;
  readonly uid: string;
  readonly groups: readonly string[];
}

/** A person of the pivot directory. `sub` never changes once given. */
export interface PersonRecord {
  readonly sub: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly usualName: string;
  readonly affiliations: readonly Affiliation[];
}

/** An affiliation as the secretariat sees it: where it comes from. */
export type AdminAffiliation = Affiliation & {
  /** The source that asserted it; null when the secretariat declared it. */
  readonly sourceId: string | null;
  /** Email of the console account that declared it; null when it comes from a source. */
  readonly declaredBy: string | null;
  readonly lastSeenAt: Date | null;
};

/** The account of a person at one source (the person's link to it). */
export interface PersonLink {
  readonly sourceId: string;
  readonly sourceLabel: string;
  readonly upstreamId: string;
  readonly lastSeenAt: Date;
}

/** A person of the directory, restricted to one entente's affiliations and sources. */
export interface DirectoryPerson {
  readonly sub: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly usualName: string;
  readonly affiliations: readonly AdminAffiliation[];
  readonly links: readonly PersonLink[];
}

/** An affiliation the secretariat declares (a shared agent of several small communes). */
export interface DeclaredAffiliationInput {
  readonly memberId: string;
  readonly role: PersonRole;
  /** null: the email of the person's most recent affiliation. */
  readonly email: string | null;
  readonly groups: readonly string[];
}

/**
 * Claims Entente releases to a service about one person acting for one member (OIDC Core §5.1
 * standard names, plus the pivot's own): `sub`, `given_name`, `family_name`, `usual_name`,
 * `email`, `email_verified`, `uid`, `organization_id` (member id), `organization_name`,
 * `siren`, `siret`, `entente_id`, `role`, `groups`. A claim without a value is absent, never
 * `null` (OIDC Core §5.3.2: "If a Claim is not returned, that Claim Name SHOULD be omitted from
 * the JSON object representing the Claims; it SHOULD NOT be present with a null or empty string
 * value").
 */
export type PivotClaims = Readonly<Record<string, string | boolean | readonly string[]>>;

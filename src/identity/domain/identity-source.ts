import type { LdapIdEncoding } from "./directory-identifier.ts";
import type { PersonRole } from "./person.ts";

/**
 * Identity sources: the directories and identity providers the members connect (issue 4,
 * DESIGN.md pillar 2). Vocabulary: RFC 4511/4515 (LDAP bind, search filters), OpenID Connect
 * Core 1.0, SAML 2.0 Core (NameID, attributes). "Source d'identité" in the console.
 */

/** Kinds of identity sources a member may connect. `local`: the entente's own accounts. */
export type SourceKind = "ldap" | "oidc" | "saml" | "local";

/**
 * Which source attribute feeds each pivot claim. Names are the source's (case-insensitive
 * lookup). Rule for multi-valued attributes (documented in docs/identity.md): a single-valued
 * claim takes the first non-empty value; `groups` takes them all.
 */
export interface AttributeMapping {
  readonly givenName: string;
  readonly familyName: string;
  /** Nom d'usage; null: same as the family name. */
  readonly usualName: string | null;
  readonly email: string;
  readonly uid: string;
  /** null: no groups from this source. */
  readonly groups: string | null;
  /** How the role is decided: fixed for the whole source, or from an attribute's values. */
  readonly role:
    | { readonly fixed: PersonRole }
    | { readonly attribute: string; readonly eluValues: readonly string[] };
}

/** How to reach and search an LDAP directory or an Active Directory. */
export interface LdapSettings {
  /** `ldap://host:389` or `ldaps://host:636`. */
  readonly url: string;
  /** Upgrade an `ldap://` connection with StartTLS (RFC 4513 §3) before binding. */
  readonly startTls: boolean;
  /** PEM of the CA that signed the directory's certificate; null: the system's CAs. */
  readonly tlsCaPem: string | null;
  /** DN of the service account that searches the person; null: anonymous search. Its password is the source's secret. */
  readonly bindDn: string | null;
  readonly searchBase: string;
  /** RFC 4515 filter with `{login}` where the typed login goes (escaped), e.g. `(&(objectClass=person)(|(uid={login})(mail={login})))`. */
  readonly searchFilter: string;
  /** Attribute that identifies the person for good: `entryUUID` (OpenLDAP), `objectGUID` (AD). */
  readonly idAttribute: string;
  /**
   * How `idAttribute`'s bytes become the upstream id, losslessly: UTF-8 `text` as is, a 16-byte
   * `guid` (AD's mixed-endian layout) as UUID text, a binary `sid` as `S-1-…`, any bytes as
   * `base64` (src/identity/domain/directory-identifier.ts; a binary attribute is never `text`).
   */
  readonly idEncoding: LdapIdEncoding;
  /** Operation timeout in seconds (connect, bind, search). */
  readonly timeoutSeconds: number;
}

/** An OpenID Connect identity provider Entente is a client of. */
export interface OidcSourceSettings {
  /** Issuer URL; discovery at `<issuer>/.well-known/openid-configuration`. */
  readonly issuer: string;
  readonly clientId: string;
  /** Scopes asked for; `openid` is always included. */
  readonly scopes: readonly string[];
}

/** A SAML 2.0 identity provider Entente is a service provider of. */
export interface SamlSourceSettings {
  /** The IdP's entityID (checked against the Issuer of the Response and the Assertion). */
  readonly idpEntityId: string;
  /** The IdP's SingleSignOnService URL (HTTP-Redirect binding). */
  readonly ssoUrl: string;
  /**
   * The IdP's SingleLogoutService URL (HTTP-Redirect binding), where logout "of the entente and
   * all its services" sends a signed LogoutRequest (SAML Profiles §4.4); absent: the IdP's
   * session is not ended and the page says so.
   */
  readonly sloUrl?: string;
  /** PEM certificates the IdP signs with; several during a rotation. */
  readonly idpCertificates: readonly string[];
  /** Clock skew tolerated on NotBefore/NotOnOrAfter, in seconds. */
  readonly clockSkewSeconds: number;
  /** `nameID` (a persistent NameID) or the name of the attribute that identifies the person. */
  readonly idAttribute: string;
}

/** A source's own settings, by kind. */
export type SourceSettings =
  | { readonly kind: "ldap"; readonly ldap: LdapSettings }
  | { readonly kind: "oidc"; readonly oidc: OidcSourceSettings }
  | { readonly kind: "saml"; readonly saml: SamlSourceSettings }
  | { readonly kind: "local" };

/** An identity source as stored; the secret (bind password, client secret) is never sent back by the API. */
export type SourceRecord = SourceSettings & {
  readonly id: string;
  readonly ententeId: string;
  readonly memberId: string;
  readonly label: string;
  readonly enabled: boolean;
  readonly mapping: AttributeMapping;
  /** LDAP bind password or OIDC client secret; null when none. Never logged, never returned by the API. */
  readonly secret: string | null;
  readonly rowVersion: number;
};

/** An identity source as written by the API: the id is generated; `secret` absent keeps the stored one, null clears it. */
export type SourceInput = SourceSettings & {
  readonly memberId: string;
  readonly label: string;
  readonly enabled: boolean;
  readonly mapping: AttributeMapping;
  readonly secret?: string | null;
};

/** Whether the person types a password for this source (LDAP/AD, local accounts) or is sent to its IdP (OIDC, SAML). */
export function isPasswordSource(kind: SourceKind): kind is "ldap" | "local" {
  return kind === "ldap" || kind === "local";
}

/**
 * What an identity source vouches for after a successful authentication, before Entente turns it
 * into the pivot identity (`normalizeIdentity`).
 */

/**
 * Attributes as a source released them: names as the source spells them (case kept), every value
 * a list — LDAP, SAML and OIDC attributes may all be multi-valued. Binary LDAP values arrive
 * already encoded by the connector (see `LdapSettings.idEncoding`).
 */
export type UpstreamAttributes = Readonly<Record<string, readonly string[]>>;

/** What an upstream source vouches for after a successful authentication. */
export interface UpstreamIdentity {
  readonly sourceId: string;
  /**
   * Stable identifier of the person at the source, never the email nor a display name:
   * LDAP `entryUUID` or AD `objectGUID` (as canonical lowercase UUID text), OIDC `sub` (the
   * issuer is implied by the source), SAML persistent NameID or the configured attribute.
   */
  readonly upstreamId: string;
  readonly attributes: UpstreamAttributes;
  /** Authentication methods (RFC 8176): `["pwd"]`, `["pwd", "otp"]`, `["hwk"]`, … */
  readonly amr: readonly string[];
  /** The `acr` (OIDC) or AuthnContextClassRef (SAML) the source asserted, if any. */
  readonly acr: string | null;
}

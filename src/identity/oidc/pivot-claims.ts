import type { Affiliation, PersonRecord } from "../app/ports.ts";

/**
 * Claims released per scope (OIDC Core §5.4 for the standard ones; the pivot's own for
 * `organization` and `groups`). `acr`, `amr`, `auth_time`, `sid` come from the session.
 */
export const CLAIMS_BY_SCOPE = {
  openid: ["sub"],
  profile: ["given_name", "family_name", "usual_name", "uid"],
  email: ["email", "email_verified"],
  organization: ["organization_id", "organization_name", "siren", "siret", "entente_id", "role"],
  groups: ["groups"],
} as const satisfies Record<string, readonly string[]>;

/** Scopes Entente knows: the claim scopes plus `offline_access` (refresh tokens outliving the session). */
export const SUPPORTED_SCOPES = [...Object.keys(CLAIMS_BY_SCOPE), "offline_access"];

/**
 * Every claim of `person` acting for `affiliation` (null: no organisation known, the organisation
 * claims are left out). oidc-provider keeps only those the granted scopes allow.
 */
export function pivotClaimsOf(
  person: PersonRecord,
  affiliation: Affiliation | null,
): Record<string, string | boolean | readonly string[] | null> {
  const base = {
    sub: person.sub,
    given_name: person.givenName,
    family_name: person.familyName,
    usual_name: person.usualName,
  };
  if (affiliation === null) return base;
  return {
    ...base,
    uid: affiliation.uid,
    email: affiliation.email,
    // The source vouched for the address and its member owns the domain (or the secretariat registered it).
    email_verified: true,
    organization_id: affiliation.memberId,
    organization_name: affiliation.memberName,
    siren: affiliation.siren,
    siret: affiliation.siret,
    entente_id: affiliation.ententeId,
    role: affiliation.role,
    groups: affiliation.groups,
  };
}

/**
 * The affiliation a grant acts for, among those in the service's entente: the member recorded for
 * the grant, else the person's only affiliation, else null (several and none recorded: no organisation is asserted rather than a guess).
 */
export function pickAffiliation(
  person: PersonRecord,
  grantMemberId: string | null,
  clientEntenteId: string | null,
): Affiliation | null {
  // Member ids are unique within an entente only: the service's entente decides between homonyms.
  const candidates = person.affiliations.filter(
    (a) => clientEntenteId === null || a.ententeId === clientEntenteId,
  );
  if (grantMemberId !== null) return candidates.find((a) => a.memberId === grantMemberId) ?? null;
  return candidates.length === 1 ? (candidates[0] ?? null) : null;
}

import type { Affiliation, PersonRecord, PivotClaims } from "./person.ts";

/**
 * Every claim of `person` acting for `affiliation` (null: no organisation known, the organisation
 * claims are left out). A claim without a value (`siret` of a member without one) is omitted,
 * never null (OIDC Core §5.3.2). The provider keeps only those the granted scopes allow
 * (docs/identity.md, claims per scope).
 * @example pivotClaimsOf(alice, null) // { sub, given_name, family_name, usual_name }
 */
export function pivotClaimsOf(person: PersonRecord, affiliation: Affiliation | null): PivotClaims {
  const base = {
    sub: person.sub,
    given_name: person.givenName,
    family_name: person.familyName,
    usual_name: person.usualName,
  };
  if (affiliation === null) return withoutEmpty(base);
  return withoutEmpty({
    ...base,
    uid: affiliation.uid,
    email: affiliation.email,
    // The source vouched for the address and its member owns the domain (or the secretariat
    // registered it) — unless the source itself said it had not verified it.
    email_verified: affiliation.emailVerified,
    organization_id: affiliation.memberId,
    organization_name: affiliation.memberName,
    siren: affiliation.siren,
    siret: affiliation.siret,
    entente_id: affiliation.ententeId,
    role: affiliation.role,
    groups: affiliation.groups,
  });
}

/** The claims that have a value: null and "" are left out (OIDC Core §5.3.2). */
function withoutEmpty(claims: Record<string, string | boolean | readonly string[] | null>): PivotClaims {
  const present: Record<string, string | boolean | readonly string[]> = {};
  for (const [name, value] of Object.entries(claims))
    if (value !== null && value !== "") present[name] = value;
  return present;
}

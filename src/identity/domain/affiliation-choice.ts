import type { Affiliation, PersonRecord } from "./person.ts";

/**
 * Which organisation a person acts for when they sign in to a service, and which one a grant
 * speaks for afterwards (issue 4: a person may act for several members; the service receives
 * the organisation chosen at sign-in).
 */

/** What the sign-in does with the person's affiliations in the service's entente. */
export type AffiliationDecision =
  /** Several: the person chooses among these members. */
  | { readonly kind: "choose"; readonly memberIds: readonly string[] }
  /** None: the service is not open to them (refused, reason `member`). */
  | { readonly kind: "none" }
  /** Exactly one: it is the one. */
  | { readonly kind: "one"; readonly affiliation: Affiliation };

/**
 * The affiliations of `person` in the service's entente decide the next step: several → the
 * chooser page, none → refused, one → that one.
 * @example decideAffiliation({ …, affiliations: [lyon] }, "e1") // { kind: "one", affiliation: lyon }
 */
export function decideAffiliation(person: PersonRecord, serviceEntenteId: string): AffiliationDecision {
  const inEntente = person.affiliations.filter((a) => a.ententeId === serviceEntenteId);
  if (inEntente.length > 1) return { kind: "choose", memberIds: inEntente.map((a) => a.memberId) };
  const only = inEntente[0];
  return only === undefined ? { kind: "none" } : { kind: "one", affiliation: only };
}

/**
 * The affiliation a grant acts for, among those in the service's entente: the member recorded for
 * the grant, else the person's only affiliation, else null (several and none recorded: no
 * organisation is asserted rather than a guess). Member ids are unique within an entente only:
 * the service's entente (`clientEntenteId`, null: any) decides between homonyms.
 */
export function affiliationOfGrant(
  person: PersonRecord,
  grantMemberId: string | null,
  clientEntenteId: string | null,
): Affiliation | null {
  const candidates = person.affiliations.filter(
    (a) => clientEntenteId === null || a.ententeId === clientEntenteId,
  );
  if (grantMemberId !== null) return candidates.find((a) => a.memberId === grantMemberId) ?? null;
  return candidates.length === 1 ? (candidates[0] ?? null) : null;
}

/**
 * The affiliation an existing grant is re-checked with (single sign-on): the member recorded for
 * the grant, else the person's only affiliation (any entente; the caller checks the service's).
 */
export function affiliationOfExistingGrant(
  person: PersonRecord,
  grantMemberId: string | null,
): Affiliation | null {
  const recorded = person.affiliations.find((a) => a.memberId === grantMemberId);
  if (recorded !== undefined) return recorded;
  return person.affiliations.length === 1 ? (person.affiliations[0] ?? null) : null;
}

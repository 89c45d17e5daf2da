import { EntenteError, type Localized, localized } from "../errors.ts";
import { isDomainName, isEmailAddress, normalizeEmail } from "./pivot-identity.ts";
import { type EmailFacts, mayAssertEmail } from "./route-email.ts";

/**
 * Rules of the routing's administration (docs/identity.md, "Routing"): members' email domains,
 * registered addresses and the affiliations the secretariat declares.
 */

/**
 * A domain as stored: NFC, lowercased, without a trailing dot, a DNS name of two labels at least.
 * @example normalizeMemberDomain("Ville-Lyon.FR.") // "ville-lyon.fr"
 * @throws EntenteError `identity.source_invalid` (field `domain`).
 */
export function normalizeMemberDomain(domain: string): string {
  const normalized = normalizeEmail(domain).replace(/\.$/u, "");
  if (!isDomainName(normalized)) {
    throw new EntenteError("identity.source_invalid", {
      field: "domain",
      expected: localized("un nom de domaine comme commune.fr", "a domain name such as town.fr"),
    });
  }
  return normalized;
}

/** The key a domain is removed by: trimmed, lowercased (as the API's path carries it). */
export function domainKeyOf(domain: string): string {
  return domain.trim().toLowerCase();
}

/**
 * A registered address as stored: NFC, lowercased, an email address.
 * @throws EntenteError `identity.email_invalid`.
 */
export function normalizeRegisteredAddress(email: string): string {
  const normalized = normalizeEmail(email);
  if (!isEmailAddress(normalized)) throw new EntenteError("identity.email_invalid");
  return normalized;
}

/**
 * The owner named when a domain or an address is taken: the member of this entente, else "another
 * organisation" (ententes do not learn of each other).
 */
export function ownerShownTo(
  owner: { readonly ententeId: string; readonly memberName: string },
  ententeId: string,
): string | Localized {
  return owner.ententeId === ententeId
    ? owner.memberName
    : localized("une autre organisation", "another organisation");
}

/**
 * The email and uid of an affiliation the secretariat declares: the email given, else the one of
 * the person's most recent affiliation; the uid of that affiliation, else the email.
 * @throws EntenteError `identity.email_invalid` when there is no valid email.
 */
export function declaredContact(
  email: string | null,
  latest: { readonly email: string; readonly uid: string } | null,
): { readonly email: string; readonly uid: string } {
  const chosen = email === null ? latest?.email : normalizeEmail(email);
  if (chosen === undefined || !isEmailAddress(chosen)) throw new EntenteError("identity.email_invalid");
  return { email: chosen, uid: latest?.uid ?? chosen };
}

/**
 * A declared affiliation's email obeys the rule a source's does (issue 10, item 1): the declared
 * member owns the address's domain, or the address is registered for that member (a registered
 * address wins over a domain: `mayAssertEmail`); or it is one of the person's own addresses, one a
 * source of this entente asserted when they signed in (`ownEmails`, already checked then). Any
 * other address would let the secretariat hand a person an email, `email_verified: true`, that
 * belongs to somebody else.
 * @throws EntenteError `identity.email_not_owned` (422).
 */
export function ensureDeclaredEmailOwned(
  email: string,
  ownEmails: readonly string[],
  facts: EmailFacts,
  member: { readonly ententeId: string; readonly memberId: string },
): void {
  if (ownEmails.includes(email) || mayAssertEmail(facts, member)) return;
  throw new EntenteError("identity.email_not_owned", { email, member: member.memberId });
}

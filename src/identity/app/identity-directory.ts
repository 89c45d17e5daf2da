import { emailDomain, normalizeEmail } from "../domain/pivot-identity.ts";
import { mayAssertEmail, roleAtSignIn, routeEmail } from "../domain/route-email.ts";
import { isSharedMailDomain } from "../domain/shared-mail-domains.ts";
import type { DirectoryStore, IdentityRouting, PersonDirectory } from "./ports.ts";

/**
 * The pivot directory and the sign-in routing (`PersonDirectory`, `IdentityRouting`) as the
 * sign-in uses them: the store loads the facts of an address, the domain's rules
 * (src/identity/domain/route-email.ts) decide where it leads, whether a source may assert it and
 * the role a registered address forces. Emails are compared normalised (NFC, lowercase). A shared
 * consumer mail domain (`isSharedMailDomain`, with `sharedMailDomains` added) is nobody's.
 */
export function createIdentityDirectory(
  store: DirectoryStore,
  options: { readonly sharedMailDomains?: readonly string[] } = {},
): PersonDirectory & IdentityRouting {
  const factsOf = (rawEmail: string) => emailFactsOf(store, rawEmail, options.sharedMailDomains ?? []);
  return {
    async resolvePerson(source, identity, normalized) {
      const registered = await store.findRegisteredAddress(normalizeEmail(normalized.email));
      const role = roleAtSignIn(registered, source, normalized.role);
      return store.savePerson(source, identity, { ...normalized, role });
    },
    findPerson: (sub) => store.findPerson(sub),
    recordGrantAffiliation: (grantId, sub, memberId) => store.recordGrantAffiliation(grantId, sub, memberId),
    grantAffiliation: (grantId) => store.grantAffiliation(grantId),
    routeEmail: async (email) => routeEmail(await factsOf(email)),
    listOrganisations: (ententeId) => store.listOrganisations(ententeId),
    findSource: (sourceId) => store.findSource(sourceId),
    mayAssertEmail: async (source, email) =>
      mayAssertEmail(await factsOf(email), {
        ententeId: source.ententeId,
        memberId: source.memberId,
        id: source.id,
      }),
  };
}

/**
 * The facts of an address (`EmailFacts`) as the routing reads them: normalised, and a shared
 * consumer mail domain (`isSharedMailDomain`, with `sharedMailDomains` added) routes nowhere and
 * vouches for nothing (issue 10, item 7): only its registered addresses count.
 */
export function emailFactsOf(
  store: Pick<DirectoryStore, "findEmailFacts">,
  rawEmail: string,
  sharedMailDomains: readonly string[],
) {
  const email = normalizeEmail(rawEmail);
  const domain = emailDomain(email);
  const shared = domain !== null && isSharedMailDomain(domain, sharedMailDomains);
  return store.findEmailFacts(email, shared ? null : domain);
}

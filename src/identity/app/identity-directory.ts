import { emailDomain, normalizeEmail } from "../domain/pivot-identity.ts";
import { mayAssertEmail, roleAtSignIn, routeEmail } from "../domain/route-email.ts";
import type { DirectoryStore, IdentityRouting, PersonDirectory } from "./ports.ts";

/**
 * The pivot directory and the sign-in routing (`PersonDirectory`, `IdentityRouting`) as the
 * sign-in uses them: the store loads the facts of an address, the domain's rules
 * (src/identity/domain/route-email.ts) decide where it leads, whether a source may assert it and
 * the role a registered address forces. Emails are compared normalised (NFC, lowercase).
 */
export function createIdentityDirectory(store: DirectoryStore): PersonDirectory & IdentityRouting {
  const factsOf = (rawEmail: string) => {
    const email = normalizeEmail(rawEmail);
    return store.findEmailFacts(email, emailDomain(email));
  };
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
    listOrganisations: () => store.listOrganisations(),
    findSource: (sourceId) => store.findSource(sourceId),
    mayAssertEmail: async (ententeId, memberId, email) =>
      mayAssertEmail(await factsOf(email), { ententeId, memberId }),
  };
}

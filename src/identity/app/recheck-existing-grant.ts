import { affiliationOfExistingGrant } from "../domain/affiliation-choice.ts";
import { mayReuseGrant } from "../domain/service-access.ts";
import type { PersonDirectory, ServiceClientRegistry } from "./ports.ts";
import { governedClient, type ServiceAccessPolicy } from "./service-access-port.ts";

/**
 * Single sign-on re-checks the service's access policy (issue 4: "enforced at sign-in"): when a
 * person already holds a grant for a service, the OpenID Provider asks this before skipping the
 * sign-in pages. false — the policy no longer lets the person in (member, role or group changed,
 * subscription ended, service disabled, person or grant unknown; see `mayReuseGrant` and
 * `governedClient`) — sends the person through the pages again, where the refusal is shown and
 * logged.
 */
export function createExistingGrantCheck(deps: {
  readonly people: PersonDirectory;
  readonly clients: ServiceClientRegistry;
  readonly serviceAccess?: ServiceAccessPolicy | undefined;
}): (grant: {
  readonly sub: string;
  readonly clientId: string;
  readonly grantId: string;
}) => Promise<boolean> {
  return async ({ sub, clientId, grantId }) => {
    const [client, person, memberId] = await Promise.all([
      deps.clients.findClient(clientId),
      deps.people.findPerson(sub),
      deps.people.grantAffiliation(grantId),
    ]);
    const affiliation = person === null ? null : affiliationOfExistingGrant(person, memberId);
    const governed = await governedClient(deps.serviceAccess, client, affiliation);
    return governed.allowed && mayReuseGrant(governed.client, person, memberId);
  };
}

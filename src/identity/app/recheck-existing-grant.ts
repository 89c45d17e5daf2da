import { affiliationOfExistingGrant } from "../domain/affiliation-choice.ts";
import { mayReuseGrant } from "../domain/service-access.ts";
import type { IdentityEventLog, PersonDirectory, ServiceClientRegistry } from "./ports.ts";
import { governedClient, type ServiceAccessPolicy } from "./service-access-port.ts";

/**
 * Single sign-on re-checks the service's access policy (issue 4: "enforced at sign-in"): when a
 * person already holds a grant for a service, the OpenID Provider asks this before skipping the
 * sign-in pages. false — the policy no longer lets the person in (member, role or group changed,
 * subscription ended, service disabled, person or grant unknown; see `mayReuseGrant` and
 * `governedClient`) — sends the person through the pages again, where the refusal is shown and
 * logged; a refresh token is refused (`invalid_grant`). Each refusal is also written to the audit
 * log (`events`): kind `sign_in_refused`, code `identity.service_refused`, `details.recheck` =
 * `refresh` or `single-sign-on`.
 */
export function createExistingGrantCheck(deps: {
  readonly people: PersonDirectory;
  readonly clients: ServiceClientRegistry;
  readonly serviceAccess?: ServiceAccessPolicy | undefined;
  readonly events?: IdentityEventLog | undefined;
  readonly now?: () => Date;
}): (grant: {
  readonly sub: string;
  readonly clientId: string;
  readonly grantId: string;
  readonly via?: "refresh" | "single-sign-on";
}) => Promise<boolean> {
  return async ({ sub, clientId, grantId, via }) => {
    const [client, person, memberId] = await Promise.all([
      deps.clients.findClient(clientId),
      deps.people.findPerson(sub),
      deps.people.grantAffiliation(grantId),
    ]);
    const affiliation = person === null ? null : affiliationOfExistingGrant(person, memberId);
    const governed = await governedClient(deps.serviceAccess, client, affiliation);
    const allowed = governed.allowed && mayReuseGrant(governed.client, person, memberId);
    if (!allowed) {
      await deps.events?.record({
        kind: "sign_in_refused",
        at: deps.now?.() ?? new Date(),
        ententeId: client?.ententeId ?? null,
        sub,
        memberId,
        clientId,
        sourceId: null,
        code: "identity.service_refused",
        requestId: null,
        ip: null,
        details: { recheck: via ?? "single-sign-on" },
      });
    }
    return allowed;
  };
}

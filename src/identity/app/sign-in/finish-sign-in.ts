import { grantedResourceScopes, grantedScopes } from "../../domain/granted-scopes.ts";
import { EntenteError } from "../../errors.ts";
import type {
  InteractionDetails,
  InteractionExchange,
  InteractionGateway,
  PersonDirectory,
} from "../ports.ts";
import type { SignInResult } from "./sign-in-step.ts";

/**
 * The end of a sign-in, handed to the OpenID Provider: the interaction's service must still be
 * enabled; the grant holds the scopes it asked for among those it is registered for
 * (`grantedScopes`), and for each resource server it named those of the server it asked for
 * (`grantedResourceScopes`); the member the person acts for is recorded for that grant (the claims the
 * service receives); then the interaction ends with the person signed in (`acr`, `amr`).
 * @returns where to send the browser (303), back into the provider.
 * @throws EntenteError `identity.not_found` (service unknown or disabled), `identity.interaction_expired`.
 */
export async function finishSignIn(
  deps: { readonly gateway: InteractionGateway; readonly people: PersonDirectory },
  details: InteractionDetails,
  exchange: InteractionExchange,
  result: SignInResult,
): Promise<{ readonly redirectTo: string }> {
  const { gateway, people } = deps;
  const { req, res } = exchange;
  const service = await gateway.client(details.clientId);
  if (service === null || !service.enabled) {
    throw new EntenteError("identity.not_found", { what: "service", id: details.clientId });
  }
  const scopes = grantedScopes(details.requestedScope, service.scopes);
  const resourceScopes = details.requestedResources.map((resource) => ({
    audience: resource.audience,
    scopes: grantedResourceScopes(details.requestedScope, resource.scopes),
  }));
  const { grantId } = await gateway.saveGrant(req, res, { sub: result.sub, scopes, resourceScopes });
  await people.recordGrantAffiliation(grantId, result.sub, result.memberId);
  return gateway.completeSignIn(req, res, { sub: result.sub, acr: result.acr, amr: result.amr, grantId });
}

import { ACR_VALUES } from "../domain/authentication-level.ts";
import {
  ensurePolicyMembersKnown,
  refusePublicClientMadeConfidential,
  validateServiceClient,
} from "../domain/service-client-rules.ts";
import { EntenteError, localized } from "../errors.ts";
import type { ServiceClientAdmin, ServiceClientStore } from "./provider-ports.ts";

const SERVICE = localized("service", "service");

/**
 * The service registry (`ServiceClientAdmin`) as the API and the command line write it: every
 * registration follows src/identity/domain/service-client-rules.ts (`validateServiceClient`
 * with Entente's acr values, members of the entente only, a public client stays public) before
 * the store writes it. Reads go straight to the store (the provider's are cached there).
 * @throws EntenteError `identity.client_invalid` (field and expectation named), `identity.not_found`
 *   (rotate, delete), and the store's `conflict.stale_version`, `resource.not_found` (update).
 */
export function createServiceRegistry(store: ServiceClientStore): ServiceClientAdmin {
  const checked = async <T extends Parameters<ServiceClientAdmin["createClient"]>[1]>(
    ententeId: string,
    input: T,
  ) => {
    const valid = validateServiceClient(input, { acrValues: ACR_VALUES });
    ensurePolicyMembersKnown(valid.policy.memberIds, await store.memberIdsOf(ententeId));
    return valid;
  };
  const notFound = (clientId: string) =>
    new EntenteError("identity.not_found", { what: SERVICE, id: clientId });
  return {
    findClient: (clientId) => store.findClient(clientId),
    clientSecret: (clientId) => store.clientSecret(clientId),
    listClients: (ententeId) => store.listClients(ententeId),
    createClient: async (ententeId, input, actor) =>
      store.createClient(ententeId, await checked(ententeId, input), actor),
    async updateClient(ententeId, clientId, input, expectedRowVersion, actor) {
      const valid = await checked(ententeId, input);
      const updated = await store.updateClient(ententeId, clientId, valid, expectedRowVersion, actor);
      if (updated === null) refusePublicClientMadeConfidential();
      return updated;
    },
    async rotateClientSecret(ententeId, clientId, actor) {
      const secret = await store.rotateClientSecret(ententeId, clientId, actor);
      if (secret === null) throw notFound(clientId);
      return secret;
    },
    async deleteClient(ententeId, clientId, actor) {
      if (!(await store.deleteClient(ententeId, clientId, actor))) throw notFound(clientId);
    },
  };
}

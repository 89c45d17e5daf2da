import type { ResourceServerDraft } from "../domain/resource-server.ts";
import { validateResourceServer } from "../domain/resource-server-rules.ts";
import { EntenteError, localized } from "../errors.ts";
import type { ResourceServerAdmin, ResourceServerStore } from "./resource-server-ports.ts";

const RESOURCE_SERVER = localized("serveur de ressources", "resource server");

/**
 * The resource server registry (`ResourceServerAdmin`) as the API and the command line write
 * it: every registration follows `validateResourceServer`, and an audience names one server
 * across the instance (a JWT for one entente's server would otherwise open another's).
 * @throws EntenteError `identity.resource_server_invalid`, `identity.resource_server_taken`,
 *   `identity.not_found` (delete), and the store's `conflict.stale_version`, `resource.not_found`.
 */
export function createResourceServerRegistry(store: ResourceServerStore): ResourceServerAdmin {
  const checked = async (draft: ResourceServerDraft, id: string | null) => {
    const valid = validateResourceServer(draft);
    const owner = await store.findByAudience(valid.audience);
    if (owner !== null && owner.id !== id) {
      throw new EntenteError("identity.resource_server_taken", { audience: valid.audience });
    }
    return valid;
  };
  return {
    findByAudience: (audience) => store.findByAudience(audience),
    listResourceServers: (ententeId) => store.listResourceServers(ententeId),
    getResourceServer: (ententeId, id) => store.getResourceServer(ententeId, id),
    createResourceServer: async (ententeId, input, actor) =>
      store.createResourceServer(ententeId, await checked(input, null), actor),
    updateResourceServer: async (ententeId, id, input, expectedRowVersion, actor) =>
      store.updateResourceServer(ententeId, id, await checked(input, id), expectedRowVersion, actor),
    async deleteResourceServer(ententeId, id, actor) {
      if (!(await store.deleteResourceServer(ententeId, id, actor))) {
        throw new EntenteError("identity.not_found", { what: RESOURCE_SERVER, id });
      }
    },
  };
}

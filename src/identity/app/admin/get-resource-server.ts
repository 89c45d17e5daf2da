import type { Principal } from "../../../access/index.ts";
import type { ResourceServerRecord } from "../../domain/resource-server.ts";
import { EntenteError, localized } from "../../errors.ts";
import type { IdentityAdminDeps } from "./identity-admin-ports.ts";
import { identityReadScope } from "./identity-read-scope.ts";

/** One resource server of the entente. @throws `identity.not_found` (also another entente's). */
export async function getResourceServer(
  deps: IdentityAdminDeps,
  principal: Principal,
  ententeId: string,
  id: string,
): Promise<ResourceServerRecord> {
  identityReadScope(principal, ententeId, null);
  const found = await deps.resourceServers.getResourceServer(ententeId, id);
  if (found === null) {
    throw new EntenteError("identity.not_found", {
      what: localized("serveur de ressources", "resource server"),
      id,
    });
  }
  return found;
}

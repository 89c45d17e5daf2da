import { assertCan, type Principal } from "../../../access/index.ts";
import type { ResourceServerInput, ResourceServerRecord } from "../../domain/resource-server.ts";
import type { IdentityAdminDeps } from "./identity-admin-ports.ts";
import { identityActor } from "./identity-read-scope.ts";

/** Registers a resource server (secretariat). @throws `identity.resource_server_invalid`, `identity.resource_server_taken`. */
export async function createResourceServer(
  deps: IdentityAdminDeps,
  principal: Principal,
  ententeId: string,
  input: ResourceServerInput,
): Promise<ResourceServerRecord> {
  assertCan(principal, { kind: "manage-identity", ententeId });
  return deps.resourceServers.createResourceServer(ententeId, input, identityActor(principal));
}

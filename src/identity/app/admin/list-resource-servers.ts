import type { Principal } from "../../../access/index.ts";
import type { ResourceServerRecord } from "../../domain/resource-server.ts";
import type { IdentityAdminDeps } from "./identity-admin-ports.ts";
import { identityReadScope } from "./identity-read-scope.ts";

/** Resource servers of the entente (the secretariat, and members' finance officers: they are entente-wide). */
export async function listResourceServers(
  deps: IdentityAdminDeps,
  principal: Principal,
  ententeId: string,
): Promise<ResourceServerRecord[]> {
  identityReadScope(principal, ententeId, null);
  return deps.resourceServers.listResourceServers(ententeId);
}

import type { Principal } from "../../../access/index.ts";
import { isServiceOpenToMember } from "../../domain/service-access.ts";
import type { ServiceClientRecord } from "../../domain/service-client.ts";
import type { IdentityAdminDeps } from "./identity-admin-ports.ts";
import { identityReadScope } from "./identity-read-scope.ts";

/**
 * Services (relying parties) of the entente. A member's finance officer sees the services open to
 * its member (policy without member restriction, or listing it).
 */
export async function listServices(
  deps: IdentityAdminDeps,
  principal: Principal,
  ententeId: string,
): Promise<ServiceClientRecord[]> {
  const memberId = identityReadScope(principal, ententeId, null);
  const services = await deps.services.listClients(ententeId);
  if (memberId === null) return services;
  return services.filter((s) => isServiceOpenToMember(s, memberId));
}

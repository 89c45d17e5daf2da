import type { Principal } from "../../../access/index.ts";
import type { ServiceClientRecord } from "../../domain/service-client.ts";
import { EntenteError, localized } from "../../errors.ts";
import type { IdentityAdminDeps } from "./identity-admin-ports.ts";
import { listServices } from "./list-services.ts";

const SERVICE = localized("service", "service");

/** One service of the entente. @throws `identity.not_found` (also another entente's). */
export async function getService(
  deps: IdentityAdminDeps,
  principal: Principal,
  ententeId: string,
  clientId: string,
): Promise<ServiceClientRecord> {
  const visible = await listServices(deps, principal, ententeId);
  const service = visible.find((s) => s.clientId === clientId);
  if (service === undefined) throw new EntenteError("identity.not_found", { what: SERVICE, id: clientId });
  return service;
}

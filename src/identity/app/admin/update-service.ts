import { assertCan, type Principal } from "../../../access/index.ts";
import type { ServiceClientInput, ServiceClientRecord } from "../../domain/service-client.ts";
import type { IdentityAdminDeps } from "./identity-admin-ports.ts";

/** Edits a service (secretariat); optimistic concurrency on `rowVersion`. @throws `identity.client_invalid`, `conflict.stale_version`, `resource.not_found`. */
export async function updateService(
  deps: IdentityAdminDeps,
  principal: Principal,
  ententeId: string,
  clientId: string,
  input: ServiceClientInput,
  rowVersion: number,
): Promise<ServiceClientRecord> {
  assertCan(principal, { kind: "manage-identity", ententeId });
  return deps.services.updateClient(ententeId, clientId, input, rowVersion, {
    id: principal.email,
    label: principal.email,
  });
}

import { assertCan, type Principal } from "../../../access/index.ts";
import type { IdentityAdminDeps } from "./identity-admin-ports.ts";

/** Deletes a service (secretariat): the provider refuses it at once on this node, within 5 s on the others. @throws `identity.not_found`. */
export async function deleteService(
  deps: IdentityAdminDeps,
  principal: Principal,
  ententeId: string,
  clientId: string,
): Promise<void> {
  assertCan(principal, { kind: "manage-identity", ententeId });
  await deps.services.deleteClient(ententeId, clientId, { id: principal.email, label: principal.email });
}

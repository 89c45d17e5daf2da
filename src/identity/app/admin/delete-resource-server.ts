import { assertCan, type Principal } from "../../../access/index.ts";
import type { IdentityAdminDeps } from "./identity-admin-ports.ts";
import { identityActor } from "./identity-read-scope.ts";

/** Deletes a resource server (secretariat): no new token names it; JWTs issued stay valid until they expire. @throws `identity.not_found`. */
export async function deleteResourceServer(
  deps: IdentityAdminDeps,
  principal: Principal,
  ententeId: string,
  id: string,
): Promise<void> {
  assertCan(principal, { kind: "manage-identity", ententeId });
  await deps.resourceServers.deleteResourceServer(ententeId, id, identityActor(principal));
}

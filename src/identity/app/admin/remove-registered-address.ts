import { assertCan, type Principal } from "../../../access/index.ts";
import type { IdentityAdminDeps } from "./identity-admin-ports.ts";
import { identityActor } from "./identity-read-scope.ts";

/** Removes a registered address (secretariat). @throws `identity.not_found`. */
export async function removeRegisteredAddress(
  deps: IdentityAdminDeps,
  principal: Principal,
  ententeId: string,
  email: string,
): Promise<void> {
  assertCan(principal, { kind: "manage-identity", ententeId });
  await deps.directory.removeRegisteredAddress(ententeId, email, identityActor(principal));
}

import { assertCan, type Principal } from "../../../access/index.ts";
import type { IdentityAdminDeps } from "./identity-admin-ports.ts";

/** A new secret replaces the old one at once (secretariat); shown once. */
export async function rotateServiceSecret(
  deps: IdentityAdminDeps,
  principal: Principal,
  ententeId: string,
  clientId: string,
): Promise<string> {
  assertCan(principal, { kind: "manage-identity", ententeId });
  return deps.services.rotateClientSecret(ententeId, clientId, {
    id: principal.email,
    label: principal.email,
  });
}

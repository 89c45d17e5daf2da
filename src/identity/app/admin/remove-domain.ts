import { assertCan, type Principal } from "../../../access/index.ts";
import type { IdentityAdminDeps } from "./identity-admin-ports.ts";
import { identityActor } from "./identity-read-scope.ts";

/** Takes a domain back from its member (secretariat): its addresses lead nowhere any more. @throws `identity.not_found`. */
export async function removeDomain(
  deps: IdentityAdminDeps,
  principal: Principal,
  ententeId: string,
  domain: string,
): Promise<void> {
  assertCan(principal, { kind: "manage-identity", ententeId });
  await deps.directory.removeDomain(ententeId, domain, identityActor(principal));
}

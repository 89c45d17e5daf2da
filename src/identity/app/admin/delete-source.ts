import { assertCan, type Principal } from "../../../access/index.ts";
import type { IdentityAdminDeps } from "./identity-admin-ports.ts";
import { identityActor } from "./identity-read-scope.ts";

/** Deletes a source nobody signed in through yet (else disable it). */
export async function deleteSource(
  deps: IdentityAdminDeps,
  principal: Principal,
  ententeId: string,
  sourceId: string,
): Promise<void> {
  assertCan(principal, { kind: "manage-identity", ententeId });
  await deps.directory.deleteSource(ententeId, sourceId, identityActor(principal));
}

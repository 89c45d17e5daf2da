import { assertCan, type Principal } from "../../../access/index.ts";
import type { DirectoryPerson } from "../../domain/person.ts";
import type { IdentityAdminDeps } from "./identity-admin-ports.ts";
import { identityActor } from "./identity-read-scope.ts";

/** Removes a declared affiliation (secretariat). @returns the person, null when nothing is left in the entente. */
export async function removeDeclaredAffiliation(
  deps: IdentityAdminDeps,
  principal: Principal,
  ententeId: string,
  sub: string,
  memberId: string,
): Promise<DirectoryPerson | null> {
  assertCan(principal, { kind: "manage-identity", ententeId });
  return deps.directory.removeDeclaredAffiliation(ententeId, sub, memberId, identityActor(principal));
}

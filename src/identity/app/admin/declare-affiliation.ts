import { assertCan, type Principal } from "../../../access/index.ts";
import type { DeclaredAffiliationInput, DirectoryPerson } from "../../domain/person.ts";
import type { IdentityAdminDeps } from "./identity-admin-ports.ts";
import { identityActor } from "./identity-read-scope.ts";

/** Declares an extra organisation a person acts for (secretariat): a shared agent of several communes. */
export async function declareAffiliation(
  deps: IdentityAdminDeps,
  principal: Principal,
  ententeId: string,
  sub: string,
  input: DeclaredAffiliationInput,
): Promise<DirectoryPerson> {
  assertCan(principal, { kind: "manage-identity", ententeId });
  return deps.directory.declareAffiliation(ententeId, sub, input, identityActor(principal));
}

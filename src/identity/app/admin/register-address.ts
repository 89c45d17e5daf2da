import { assertCan, type Principal } from "../../../access/index.ts";
import type { RegisteredAddressRecord } from "../../domain/email-ownership.ts";
import type { PersonRole } from "../../domain/person.ts";
import type { IdentityAdminDeps } from "./identity-admin-ports.ts";
import { identityActor } from "./identity-read-scope.ts";

/** Registers a personal address: it leads to the member's source and may force the role (secretariat). */
export async function registerAddress(
  deps: IdentityAdminDeps,
  principal: Principal,
  ententeId: string,
  input: {
    readonly email: string;
    readonly memberId: string;
    readonly sourceId: string;
    readonly role: PersonRole | null;
    readonly note: string | null;
  },
): Promise<RegisteredAddressRecord> {
  assertCan(principal, { kind: "manage-identity", ententeId });
  return deps.directory.registerAddress(ententeId, input, identityActor(principal));
}

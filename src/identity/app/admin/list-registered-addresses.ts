import type { Principal } from "../../../access/index.ts";
import type { RegisteredAddressRecord } from "../../domain/email-ownership.ts";
import type { IdentityAdminDeps } from "./identity-admin-ports.ts";
import { identityReadScope } from "./identity-read-scope.ts";

/** Personal addresses registered for members (élus' addresses), of `memberId` or the reader's own member. */
export async function listRegisteredAddresses(
  deps: IdentityAdminDeps,
  principal: Principal,
  ententeId: string,
  memberId: string | null,
): Promise<RegisteredAddressRecord[]> {
  return deps.directory.listRegisteredAddresses(ententeId, identityReadScope(principal, ententeId, memberId));
}

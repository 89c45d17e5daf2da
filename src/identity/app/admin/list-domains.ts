import type { Principal } from "../../../access/index.ts";
import type { MemberDomainRecord } from "../../domain/email-ownership.ts";
import type { IdentityAdminDeps } from "./identity-admin-ports.ts";
import { identityReadScope } from "./identity-read-scope.ts";

/** Email domains owned by the entente's members (of `memberId`, or the reader's own member). */
export async function listDomains(
  deps: IdentityAdminDeps,
  principal: Principal,
  ententeId: string,
  memberId: string | null,
): Promise<MemberDomainRecord[]> {
  return deps.directory.listDomains(ententeId, identityReadScope(principal, ententeId, memberId));
}

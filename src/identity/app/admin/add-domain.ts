import { assertCan, type Principal } from "../../../access/index.ts";
import type { MemberDomainRecord } from "../../domain/email-ownership.ts";
import type { IdentityAdminDeps } from "./identity-admin-ports.ts";
import { identityActor } from "./identity-read-scope.ts";

/** Gives a domain to a member (secretariat); a domain belongs to one member across the instance. */
export async function addDomain(
  deps: IdentityAdminDeps,
  principal: Principal,
  ententeId: string,
  input: { readonly domain: string; readonly memberId: string; readonly sourceId: string | null },
): Promise<MemberDomainRecord> {
  assertCan(principal, { kind: "manage-identity", ententeId });
  return deps.directory.addDomain(ententeId, input, identityActor(principal));
}

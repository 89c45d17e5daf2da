import { assertCan, type Principal } from "../../../access/index.ts";
import type { MemberDomainRecord, RegisteredAddressRecord } from "../../domain/email-ownership.ts";
import type { PersonRole } from "../../domain/person.ts";
import type { IdentityAdminDeps } from "./identity-admin-ports.ts";
import { identityActor, identityReadScope } from "./identity-read-scope.ts";

/** Email domains owned by the entente's members (of `memberId`, or the reader's own member). */
export async function listDomains(
  deps: IdentityAdminDeps,
  principal: Principal,
  ententeId: string,
  memberId: string | null,
): Promise<MemberDomainRecord[]> {
  return deps.directory.listDomains(ententeId, identityReadScope(principal, ententeId, memberId));
}

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

export async function removeDomain(
  deps: IdentityAdminDeps,
  principal: Principal,
  ententeId: string,
  domain: string,
): Promise<void> {
  assertCan(principal, { kind: "manage-identity", ententeId });
  await deps.directory.removeDomain(ententeId, domain, identityActor(principal));
}

/** Personal addresses registered for members (élus' addresses), of `memberId` or the reader's own member. */
export async function listRegisteredAddresses(
  deps: IdentityAdminDeps,
  principal: Principal,
  ententeId: string,
  memberId: string | null,
): Promise<RegisteredAddressRecord[]> {
  return deps.directory.listRegisteredAddresses(ententeId, identityReadScope(principal, ententeId, memberId));
}

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

export async function removeRegisteredAddress(
  deps: IdentityAdminDeps,
  principal: Principal,
  ententeId: string,
  email: string,
): Promise<void> {
  assertCan(principal, { kind: "manage-identity", ententeId });
  await deps.directory.removeRegisteredAddress(ententeId, email, identityActor(principal));
}

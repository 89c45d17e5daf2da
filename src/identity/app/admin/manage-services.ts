import { assertCan, type Principal } from "../../../access/index.ts";
import { isServiceOpenToMember } from "../../domain/service-access.ts";
import type { ServiceClientInput, ServiceClientRecord } from "../../domain/service-client.ts";
import { EntenteError, localized } from "../../errors.ts";
import type { IdentityAdminDeps } from "./identity-admin-ports.ts";
import { identityReadScope } from "./identity-read-scope.ts";

const SERVICE = localized("service", "service");

/**
 * Services (relying parties) of the entente. A member's finance officer sees the services open to
 * its member (policy without member restriction, or listing it).
 */
export async function listServices(
  deps: IdentityAdminDeps,
  principal: Principal,
  ententeId: string,
): Promise<ServiceClientRecord[]> {
  const memberId = identityReadScope(principal, ententeId, null);
  const services = await deps.services.listClients(ententeId);
  if (memberId === null) return services;
  return services.filter((s) => isServiceOpenToMember(s, memberId));
}

/** One service of the entente. @throws `identity.not_found` (also another entente's). */
export async function getService(
  deps: IdentityAdminDeps,
  principal: Principal,
  ententeId: string,
  clientId: string,
): Promise<ServiceClientRecord> {
  const visible = await listServices(deps, principal, ententeId);
  const service = visible.find((s) => s.clientId === clientId);
  if (service === undefined) throw new EntenteError("identity.not_found", { what: SERVICE, id: clientId });
  return service;
}

/** Registers a service (secretariat). @returns it and its secret in clear (confidential clients), shown once. */
export async function createService(
  deps: IdentityAdminDeps,
  principal: Principal,
  ententeId: string,
  input: ServiceClientInput,
): Promise<{ readonly client: ServiceClientRecord; readonly clientSecret: string | null }> {
  assertCan(principal, { kind: "manage-identity", ententeId });
  return deps.services.createClient(ententeId, input);
}

export async function updateService(
  deps: IdentityAdminDeps,
  principal: Principal,
  ententeId: string,
  clientId: string,
  input: ServiceClientInput,
  rowVersion: number,
): Promise<ServiceClientRecord> {
  assertCan(principal, { kind: "manage-identity", ententeId });
  return deps.services.updateClient(ententeId, clientId, input, rowVersion);
}

/** A new secret replaces the old one at once (secretariat); shown once. */
export async function rotateServiceSecret(
  deps: IdentityAdminDeps,
  principal: Principal,
  ententeId: string,
  clientId: string,
): Promise<string> {
  assertCan(principal, { kind: "manage-identity", ententeId });
  return deps.services.rotateClientSecret(ententeId, clientId);
}

export async function deleteService(
  deps: IdentityAdminDeps,
  principal: Principal,
  ententeId: string,
  clientId: string,
): Promise<void> {
  assertCan(principal, { kind: "manage-identity", ententeId });
  await deps.services.deleteClient(ententeId, clientId);
}

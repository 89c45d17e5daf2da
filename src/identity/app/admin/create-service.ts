import { assertCan, type Principal } from "../../../access/index.ts";
import type { ServiceClientInput, ServiceClientRecord } from "../../domain/service-client.ts";
import type { IdentityAdminDeps } from "./identity-admin-ports.ts";

/** Registers a service (secretariat). @returns it and its secret in clear (confidential clients), shown once. */
export async function createService(
  deps: IdentityAdminDeps,
  principal: Principal,
  ententeId: string,
  input: ServiceClientInput,
): Promise<{ readonly client: ServiceClientRecord; readonly clientSecret: string | null }> {
  assertCan(principal, { kind: "manage-identity", ententeId });
  return deps.services.createClient(ententeId, input, { id: principal.email, label: principal.email });
}

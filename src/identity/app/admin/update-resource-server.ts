import { assertCan, type Principal } from "../../../access/index.ts";
import type { ResourceServerInput, ResourceServerRecord } from "../../domain/resource-server.ts";
import type { IdentityAdminDeps } from "./identity-admin-ports.ts";
import { identityActor } from "./identity-read-scope.ts";

/**
 * Edits a resource server (secretariat); optimistic concurrency on `rowVersion`. Tokens already
 * issued keep their format and lifetime; the next ones follow the change.
 * @throws `identity.resource_server_invalid`, `identity.resource_server_taken`, `conflict.stale_version`, `resource.not_found`.
 */
export async function updateResourceServer(
  deps: IdentityAdminDeps,
  principal: Principal,
  ententeId: string,
  id: string,
  input: ResourceServerInput,
  rowVersion: number,
): Promise<ResourceServerRecord> {
  assertCan(principal, { kind: "manage-identity", ententeId });
  return deps.resourceServers.updateResourceServer(
    ententeId,
    id,
    input,
    rowVersion,
    identityActor(principal),
  );
}

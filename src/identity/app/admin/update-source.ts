import { assertCan, type Principal } from "../../../access/index.ts";
import type { SourceInput, SourceRecord } from "../../domain/identity-source.ts";
import type { IdentityAdminDeps } from "./identity-admin-ports.ts";
import { identityActor } from "./identity-read-scope.ts";

/** Edits a source; `input.secret` absent keeps the stored secret. Optimistic concurrency on `rowVersion`. */
export async function updateSource(
  deps: IdentityAdminDeps,
  principal: Principal,
  ententeId: string,
  sourceId: string,
  input: SourceInput,
  rowVersion: number,
): Promise<SourceRecord> {
  assertCan(principal, { kind: "manage-identity", ententeId });
  return deps.directory.updateSource(ententeId, sourceId, input, rowVersion, identityActor(principal));
}

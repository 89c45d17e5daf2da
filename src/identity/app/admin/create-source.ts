import { assertCan, type Principal } from "../../../access/index.ts";
import type { SourceInput, SourceRecord } from "../../domain/identity-source.ts";
import type { IdentityAdminDeps } from "./identity-admin-ports.ts";
import { identityActor } from "./identity-read-scope.ts";

/** Connects a new identity source for a member (secretariat). */
export async function createSource(
  deps: IdentityAdminDeps,
  principal: Principal,
  ententeId: string,
  input: SourceInput,
): Promise<SourceRecord> {
  assertCan(principal, { kind: "manage-identity", ententeId });
  return deps.directory.createSource(ententeId, input, identityActor(principal));
}

import { assertCan, type Principal } from "../../../access/index.ts";
import type { SourceInput, SourceRecord } from "../../domain/identity-source.ts";
import { EntenteError } from "../../errors.ts";
import type { IdentityAdminDeps } from "./identity-admin-ports.ts";
import { identityActor, identityReadScope } from "./identity-read-scope.ts";

/** Identity sources of the entente (of `memberId`, or the reader's own member). Secrets included: the HTTP layer drops them. */
export async function listSources(
  deps: IdentityAdminDeps,
  principal: Principal,
  ententeId: string,
  memberId: string | null,
): Promise<SourceRecord[]> {
  return deps.directory.listSources(ententeId, identityReadScope(principal, ententeId, memberId));
}

/** One source. @throws `identity.source_not_found` (also when the reader may not see its member). */
export async function getSource(
  deps: IdentityAdminDeps,
  principal: Principal,
  ententeId: string,
  sourceId: string,
): Promise<SourceRecord> {
  identityReadScope(principal, ententeId, principal.role === "secretariat" ? null : principal.memberId);
  const source = await deps.directory.getSource(ententeId, sourceId);
  if (source === null || (principal.role !== "secretariat" && source.memberId !== principal.memberId)) {
    throw new EntenteError("identity.source_not_found", { id: sourceId });
  }
  return source;
}

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

/** Deletes a source nobody signed in through yet (else disable it). */
export async function deleteSource(
  deps: IdentityAdminDeps,
  principal: Principal,
  ententeId: string,
  sourceId: string,
): Promise<void> {
  assertCan(principal, { kind: "manage-identity", ententeId });
  await deps.directory.deleteSource(ententeId, sourceId, identityActor(principal));
}

import type { Principal } from "../../../access/index.ts";
import type { SourceRecord } from "../../domain/identity-source.ts";
import { EntenteError } from "../../errors.ts";
import type { IdentityAdminDeps } from "./identity-admin-ports.ts";
import { identityReadScope } from "./identity-read-scope.ts";

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

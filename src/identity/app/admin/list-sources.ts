import type { Principal } from "../../../access/index.ts";
import type { SourceRecord } from "../../domain/identity-source.ts";
import type { IdentityAdminDeps } from "./identity-admin-ports.ts";
import { identityReadScope } from "./identity-read-scope.ts";

/** Identity sources of the entente (of `memberId`, or the reader's own member). Secrets included: the HTTP layer drops them. */
export async function listSources(
  deps: IdentityAdminDeps,
  principal: Principal,
  ententeId: string,
  memberId: string | null,
): Promise<SourceRecord[]> {
  return deps.directory.listSources(ententeId, identityReadScope(principal, ententeId, memberId));
}

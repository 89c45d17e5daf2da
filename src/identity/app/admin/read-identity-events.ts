import type { Principal } from "../../../access/index.ts";
import type { IdentityEventEntry } from "../../domain/identity-event.ts";
import type { IdentityAdminDeps, IdentityEventQuery } from "./identity-admin-ports.ts";
import { identityReadScope } from "./identity-read-scope.ts";

/**
 * The sign-in log of the entente, newest first. A member's finance officer reads its own
 * member's events only; `limit` is clamped to 1…200 by the store.
 */
export async function listIdentityEvents(
  deps: IdentityAdminDeps,
  principal: Principal,
  ententeId: string,
  query: IdentityEventQuery,
): Promise<{ events: IdentityEventEntry[]; nextBefore: string | null }> {
  const memberId = identityReadScope(principal, ententeId, query.memberId);
  return deps.events.listEvents(ententeId, { ...query, memberId });
}

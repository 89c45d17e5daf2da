import { assertCan, type Principal } from "../../../access/index.ts";
import { EntenteError } from "../../errors.ts";
import type { IdentityAdminDeps, SessionsEnded } from "./identity-admin-ports.ts";

/**
 * Ends the sessions of everyone who signed in through a source of the entente — typically right
 * after suspending it (issue 10 item 5): their services get back-channel logout tokens, their
 * grants and tokens are revoked, and the next visit asks them to sign in again (where the
 * suspended source refuses). Secretariat only. Written to the audit log: kind `logout`, the
 * source, `details` = who ended them and the counts.
 * @throws `access.forbidden` (not the entente's secretariat), `identity.source_not_found`.
 */
export async function endSourceSessions(
  deps: IdentityAdminDeps,
  principal: Principal,
  ententeId: string,
  sourceId: string,
): Promise<SessionsEnded> {
  assertCan(principal, { kind: "manage-identity", ententeId });
  const source = await deps.directory.getSource(ententeId, sourceId);
  if (source === null) throw new EntenteError("identity.source_not_found", { id: sourceId });
  const ended = await deps.sessions.endSessionsOfSource(source.id);
  await deps.events.record({
    kind: "logout",
    at: new Date(),
    ententeId,
    sub: null,
    memberId: source.memberId,
    clientId: null,
    sourceId: source.id,
    code: null,
    requestId: null,
    ip: null,
    details: { endedBy: principal.accountId, ...ended },
  });
  return ended;
}

import type Provider from "oidc-provider";
import type { SessionsEnded } from "../app/admin/identity-admin-ports.ts";

type SessionAuthorizations = Record<string, { readonly sid?: string; readonly grantId?: string }>;

/**
 * Ends provider sessions from outside a browser request (an administrator's action), as the
 * library's own logout does for one session (its end_session action): each service of the
 * session with a back-channel logout URI gets a logout token (`Client#backchannelLogout`, OIDC
 * Back-Channel Logout 1.0 §2.5), the service's grant and its codes and tokens are revoked, then
 * the session is destroyed. A service that does not answer 200/204 is counted, never retried.
 * @param sessionIds the sessions' ids (the adapter's `Session` keys).
 */
export async function endSessions(
  provider: Provider,
  sessionIds: readonly string[],
  onError: (error: unknown) => void,
): Promise<SessionsEnded> {
  const counts = { sessions: 0, servicesNotified: 0, servicesFailed: 0 };
  for (const id of sessionIds) {
    const session = await provider.Session.find(id);
    if (session === undefined || session.accountId === undefined) continue;
    const authorizations = (session.authorizations ?? {}) as SessionAuthorizations;
    for (const [clientId, { sid, grantId }] of Object.entries(authorizations)) {
      const told = await tellService(provider, clientId, session.accountId, sid, onError);
      if (told === true) counts.servicesNotified += 1;
      if (told === false) counts.servicesFailed += 1;
      if (grantId !== undefined) await revokeGrant(provider, grantId);
    }
    await session.destroy();
    counts.sessions += 1;
  }
  return counts;
}

/** true: told; false: its endpoint failed; null: no back-channel logout URI (or no such service). */
async function tellService(
  provider: Provider,
  clientId: string,
  sub: string,
  sid: string | undefined,
  onError: (error: unknown) => void,
): Promise<boolean | null> {
  const client = await provider.Client.find(clientId);
  if (client === undefined || !client.backchannelLogoutUri) return null;
  try {
    const notify = client as unknown as { backchannelLogout(sub: string, sid: string): Promise<void> };
    await notify.backchannelLogout(sub, sid ?? "");
    return true;
  } catch (error) {
    onError(error);
    return false;
  }
}

async function revokeGrant(provider: Provider, grantId: string): Promise<void> {
  await Promise.all([
    provider.AccessToken.revokeByGrantId(grantId),
    provider.RefreshToken.revokeByGrantId(grantId),
    provider.AuthorizationCode.revokeByGrantId(grantId),
    provider.Grant.adapter.destroy(grantId),
  ]);
}

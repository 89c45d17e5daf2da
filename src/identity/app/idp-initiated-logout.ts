import { EntenteError } from "../errors.ts";
import type { IdentityEventLog, IdentityRouting, RedirectConnector } from "./ports.ts";

/**
 * A logout that starts at the member's SAML IdP (SAML Profiles §4.4, IdP-initiated; issue 10
 * item 6): the IdP sends a signed LogoutRequest to our SLO route; the hub sessions of the person
 * it names end (with back-channel logout to their services, as the global logout does:
 * `endSessionsOf`), and the browser goes back to the IdP with our signed LogoutResponse (Success
 * when the person was known and their sessions ended; a person not signed in here any more is
 * answered Success too, nothing being left to end). Written to the audit log: kind `logout`,
 * `details.upstream` = `idp-initiated`.
 * @returns the URL of our answer; null when the request is refused (unsigned, forged, not from
 *   the source's IdP, Single Logout not configured), also audited with its code.
 */
export function createIdpInitiatedLogout(deps: {
  readonly routing: IdentityRouting;
  readonly connector: RedirectConnector;
  readonly subOfLink: (sourceId: string, upstreamId: string) => Promise<string | null>;
  readonly endSessionsOf: (sub: string) => Promise<{ readonly sessions: number }>;
  readonly events: IdentityEventLog;
  readonly now: () => Date;
}) {
  const audit = (
    source: { id: string; ententeId: string; memberId: string },
    sub: string | null,
    code: string | null,
    details: Record<string, string | number>,
  ) =>
    deps.events.record({
      kind: "logout",
      at: deps.now(),
      ententeId: source.ententeId,
      sub,
      memberId: source.memberId,
      clientId: null,
      sourceId: source.id,
      code,
      requestId: null,
      ip: null,
      details: { upstream: "idp-initiated", ...details },
    });
  return async (
    sourceId: string,
    request: { readonly query: Readonly<Record<string, string>>; readonly rawQuery: string },
  ): Promise<string | null> => {
    const source = await deps.routing.findSource(sourceId);
    if (source === null || source.kind !== "saml" || deps.connector.acceptLogoutRequest === undefined)
      return null;
    let accepted: Awaited<ReturnType<NonNullable<RedirectConnector["acceptLogoutRequest"]>>>;
    try {
      accepted = await deps.connector.acceptLogoutRequest(source, request);
    } catch (error) {
      if (!(error instanceof EntenteError)) throw error;
      await audit(source, null, error.code, { refused: "logout-request" });
      return null;
    }
    const sub = accepted.upstreamId === null ? null : await deps.subOfLink(source.id, accepted.upstreamId);
    const ended = sub === null ? { sessions: 0 } : await deps.endSessionsOf(sub);
    await audit(source, sub, null, { sessions: ended.sessions });
    return accepted.respond(true);
  };
}

export type IdpInitiatedLogout = ReturnType<typeof createIdpInitiatedLogout>;

import type { TransientStore } from "../../platform/db/transient-store.ts";
import type { SourceRecord } from "../domain/identity-source.ts";
import type { IdentityRouting, RedirectConnector } from "./ports.ts";

/** What the page after an upstream logout says: the source, whether its session was ended, where to go next. */
export interface UpstreamLogoutOutcome {
  readonly sourceLabel: string;
  readonly ended: boolean;
  readonly next: string;
}

/** The path the upstream IdP sends the browser back to after its logout (register it at the IdP). */
export const UPSTREAM_LOGOUT_RETURN_PATH = "/interaction/logout/return";

const key = (state: string) => `upstream-logout:${state}`;

/**
 * Logout "of the entente and all its services" goes on to the member's own IdP (issue 10 item 6),
 * so that the next sign-in asks for a password again:
 *
 * - `afterGlobalLogout(sub, next)`: the source the person last signed in through (`lastSourceOf`);
 *   an OIDC source with an `end_session_endpoint` → its RP-Initiated Logout URL (returning to
 *   `UPSTREAM_LOGOUT_RETURN_PATH` with a random single-use `state`); an OIDC source without one,
 *   or a SAML source (Single Logout needs the assertion's session, not kept yet) → our page saying
 *   that session could not be ended; a directory (LDAP, local accounts) keeps no session → null
 *   (the provider's own redirect stands). What follows (`next`: the service's post-logout URI or
 *   the provider's "signed out" page) is kept 10 minutes under the state.
 * - `outcomeOf(state, ended)`: what the page shows, once (the state is taken).
 */
export function createUpstreamLogout(deps: {
  readonly routing: IdentityRouting;
  readonly lastSourceOf: (sub: string) => Promise<string | null>;
  readonly redirectConnectors: Readonly<Record<"oidc" | "saml", RedirectConnector>>;
  readonly state: TransientStore;
  readonly publicUrl: string;
  readonly newState: () => string;
}) {
  const returnUrl = new URL(UPSTREAM_LOGOUT_RETURN_PATH, deps.publicUrl).href;
  const upstreamUrl = async (source: SourceRecord, state: string): Promise<string | null> => {
    if (source.kind !== "oidc" && source.kind !== "saml") return null;
    const connector = deps.redirectConnectors[source.kind];
    try {
      return (await connector.logoutUrl?.(source, { postLogoutRedirectUri: returnUrl, state })) ?? null;
    } catch {
      return null; // the IdP's discovery failed: the page says its session could not be ended
    }
  };
  return {
    async afterGlobalLogout(sub: string, next: string): Promise<string | null> {
      const sourceId = await deps.lastSourceOf(sub);
      const source = sourceId === null ? null : await deps.routing.findSource(sourceId);
      if (source === null || (source.kind !== "oidc" && source.kind !== "saml")) return null;
      const state = deps.newState();
      const url = await upstreamUrl(source, state);
      await deps.state.put(key(state), { sourceLabel: source.label, next, ended: url !== null }, 600);
      if (url !== null) return url;
      const page = new URL(returnUrl);
      page.searchParams.set("state", state);
      return page.href;
    },

    async outcomeOf(state: string): Promise<UpstreamLogoutOutcome | null> {
      const kept = (await deps.state.take(key(state))) as UpstreamLogoutOutcome | null;
      return kept === null || typeof kept !== "object" ? null : kept;
    },
  };
}

export type UpstreamLogout = ReturnType<typeof createUpstreamLogout>;

import type { TransientStore } from "../../platform/db/transient-store.ts";
import type { SourceRecord } from "../domain/identity-source.ts";
import { EntenteError } from "../errors.ts";
import type { IdentityEventLog, IdentityRouting, RedirectConnector } from "./ports.ts";

/**
 * What became of the person's session at their IdP:
 * - `ended`: the IdP ended it (OIDC: it sent the browser back; SAML: a signed Success LogoutResponse);
 * - `no-endpoint`: the source offers no remote logout (OIDC without `end_session_endpoint`, SAML without `sloUrl`);
 * - `not-ended`: it could not be asked (IdP unreachable, SAML session not kept, no SP signing key);
 * - `failed`: the IdP answered that it could not end it (SAML Status other than Success);
 * - `refused`: its answer could not be verified (unsigned, forged, not the answer to our request).
 */
export type UpstreamLogoutStatus = "ended" | "no-endpoint" | "not-ended" | "failed" | "refused";

/** What the page after an upstream logout says: the source, what became of its session, where to go next. */
export interface UpstreamLogoutOutcome {
  readonly sourceLabel: string;
  readonly status: UpstreamLogoutStatus;
  readonly next: string;
}

/** What is kept under a logout's state until the page is shown (10 minutes, single use). */
interface KeptLogout extends UpstreamLogoutOutcome {
  readonly sub: string;
  readonly sourceId: string;
}

/** The path the upstream IdP sends the browser back to after its logout (register it at the IdP). */
export const UPSTREAM_LOGOUT_RETURN_PATH = "/interaction/logout/return";
/** How long a logout waits for the IdP's answer, in seconds. */
export const UPSTREAM_LOGOUT_TTL_SECONDS = 600;

const key = (state: string) => `upstream-logout:${state}`;

/** What the page shows of a kept logout, with `status`. */
const show = (kept: KeptLogout, status: UpstreamLogoutStatus): UpstreamLogoutOutcome => ({
  sourceLabel: kept.sourceLabel,
  status,
  next: kept.next,
});

function asKept(value: unknown): KeptLogout | null {
  if (typeof value !== "object" || value === null) return null;
  const v = value as Partial<KeptLogout>;
  return typeof v.sourceLabel === "string" && typeof v.status === "string" && typeof v.next === "string"
    ? (v as KeptLogout)
    : null;
}

/**
 * Logout "of the entente and all its services" goes on to the member's own IdP (issue 10 item 6),
 * so that the next sign-in asks for a password again:
 *
 * - `afterGlobalLogout(sub, next)`: the source the person last signed in through (`lastSourceOf`);
 *   an OIDC source with an `end_session_endpoint` → its RP-Initiated Logout URL (returning to
 *   `UPSTREAM_LOGOUT_RETURN_PATH` with a random single-use `state`); a SAML source with a
 *   `sloUrl` and a kept upstream session → a signed LogoutRequest (RelayState = the state; the
 *   answer comes to the SAML SLO route, `finishSaml`); otherwise our page saying what could not
 *   be ended; a directory (LDAP, local accounts) keeps no session → null (the provider's own
 *   redirect stands). What follows (`next`: the service's post-logout URI or the provider's
 *   "signed out" page) is kept `UPSTREAM_LOGOUT_TTL_SECONDS` under the state.
 * - `outcomeOf(state)`: what the page shows, once (the state is taken).
 * - `finishSaml(sourceId, answer)`: the IdP's LogoutResponse checked by the SAML connector; the
 *   outcome (`ended`, `failed`, or `refused` when the answer is not trusted), null when the
 *   state is unknown, used or expired (no answer in time).
 * Each outcome is written to the audit log (kind `logout`, `details.upstream`).
 */
export function createUpstreamLogout(deps: {
  readonly routing: IdentityRouting;
  readonly lastSourceOf: (
    sub: string,
  ) => Promise<{ readonly sourceId: string; readonly upstreamId: string } | null>;
  readonly redirectConnectors: Readonly<Record<"oidc" | "saml", RedirectConnector>>;
  readonly state: TransientStore;
  readonly publicUrl: string;
  readonly newState: () => string;
  readonly events?: IdentityEventLog;
  readonly now?: () => Date;
}) {
  const returnUrl = new URL(UPSTREAM_LOGOUT_RETURN_PATH, deps.publicUrl).href;
  const upstreamUrl = async (source: SourceRecord, state: string, upstreamId: string) => {
    if (source.kind !== "oidc" && source.kind !== "saml") return null;
    const connector = deps.redirectConnectors[source.kind];
    try {
      return (
        (await connector.logoutUrl?.(source, { postLogoutRedirectUri: returnUrl, state, upstreamId })) ?? null
      );
    } catch {
      return null; // the IdP's discovery failed: the page says its session could not be ended
    }
  };
  const audit = auditOf(deps);

  return {
    async afterGlobalLogout(sub: string, next: string): Promise<string | null> {
      const last = await deps.lastSourceOf(sub);
      const source = last === null ? null : await deps.routing.findSource(last.sourceId);
      if (last === null || source === null || (source.kind !== "oidc" && source.kind !== "saml")) return null;
      const state = deps.newState();
      const url = await upstreamUrl(source, state, last.upstreamId);
      const offered = source.kind === "oidc" || source.saml.sloUrl !== undefined;
      // A SAML logout stays "not-ended" until its signed LogoutResponse says otherwise (finishSaml).
      const sent: UpstreamLogoutStatus = source.kind === "oidc" ? "ended" : "not-ended";
      const status: UpstreamLogoutStatus = url !== null ? sent : offered ? "not-ended" : "no-endpoint";
      const kept: KeptLogout = { sourceLabel: source.label, next, status, sub, sourceId: source.id };
      await deps.state.put(key(state), kept, UPSTREAM_LOGOUT_TTL_SECONDS);
      if (url === null || source.kind === "oidc") await audit(kept, url === null ? status : "ended");
      if (url !== null) return url;
      const page = new URL(returnUrl);
      page.searchParams.set("state", state);
      return page.href;
    },

    async outcomeOf(state: string): Promise<UpstreamLogoutOutcome | null> {
      const kept = asKept(await deps.state.take(key(state)));
      return kept === null ? null : show(kept, kept.status);
    },

    async finishSaml(
      sourceId: string,
      answer: { readonly query: Readonly<Record<string, string>>; readonly rawQuery: string },
    ): Promise<UpstreamLogoutOutcome | null> {
      const source = await deps.routing.findSource(sourceId);
      const connector = deps.redirectConnectors.saml;
      if (source === null || source.kind !== "saml" || connector.finishLogout === undefined) return null;
      try {
        const { state, ended, status } = await connector.finishLogout(source, answer);
        const kept = asKept(await deps.state.take(key(state)));
        if (kept === null) return null;
        const result: UpstreamLogoutStatus = ended ? "ended" : "failed";
        await audit(kept, result, status === null ? {} : { status });
        return show(kept, result);
      } catch (error) {
        if (error instanceof EntenteError && error.code === "identity.state_lost") return null;
        if (!(error instanceof EntenteError) || error.code !== "identity.upstream_rejected") throw error;
        const kept = asKept(await deps.state.take(key(answer.query.RelayState ?? "")));
        if (kept === null || kept.sourceId !== source.id) return null;
        await audit(kept, "refused", { code: error.code });
        return show(kept, "refused");
      }
    },
  };
}

export type UpstreamLogout = ReturnType<typeof createUpstreamLogout>;

/** Writes an upstream logout's outcome to the audit log: kind `logout`, `details.upstream` = the status. */
function auditOf(deps: {
  readonly routing: IdentityRouting;
  readonly events?: IdentityEventLog;
  readonly now?: () => Date;
}) {
  return async (kept: KeptLogout, status: UpstreamLogoutStatus, extra: Record<string, string> = {}) => {
    if (deps.events === undefined) return;
    const source = await deps.routing.findSource(kept.sourceId);
    await deps.events.record({
      kind: "logout",
      at: deps.now?.() ?? new Date(),
      ententeId: source?.ententeId ?? null,
      sub: kept.sub,
      memberId: source?.memberId ?? null,
      clientId: null,
      sourceId: kept.sourceId,
      code: extra.code ?? null,
      requestId: null,
      ip: null,
      details: { upstream: status, ...extra },
    });
  };
}

import * as client from "openid-client";
import type { TransientStore } from "../../platform/db/transient-store.ts";
import type { RedirectConnector } from "../app/ports.ts";
import type { OidcSourceSettings, SourceRecord } from "../domain/identity-source.ts";
import type { UpstreamIdentity } from "../domain/upstream-identity.ts";
import { EntenteError } from "../errors.ts";
import { toAttributes } from "./oidc-attributes.ts";
import { createOidcDiscovery } from "./oidc-discovery.ts";
import { mapOidcError } from "./oidc-errors.ts";
import { createIdTokenVerifier } from "./oidc-id-token.ts";
import { asOidcState, type OidcState, stateKeyOf } from "./oidc-state.ts";

/**
 * OpenID Connect identity sources as a `RedirectConnector` (openid-client 6): authorization code
 * flow (OIDC Core §3.1) with PKCE S256 (RFC 7636), `state` and `nonce`.
 *
 * - Discovery (`<issuer>/.well-known/openid-configuration`) is cached per source (and per
 *   `rowVersion`, so an edited source is rediscovered) for `discoveryTtlSeconds`.
 * - `begin` keeps {interactionId, PKCE verifier, nonce, sourceId, callbackUrl} in the
 *   TransientStore under the `state` value (random, single use), so any node can finish.
 * - `finish` takes that state (a second use is `identity.state_lost`), then openid-client checks
 *   `iss` (RFC 9207, when the IdP sends it or announces it), `state`, the code exchange with the
 *   verifier, the ID token (issuer, audience, expiry, `nonce`); then `oidc-id-token.ts` checks its
 *   signature with the IdP's JWKS — downloaded again at once on an unknown `kid` (rate-limited),
 *   so sign-ins succeed right after the IdP rotates its keys — and refuses an `iat` more than
 *   `UPSTREAM_CLOCK_SKEW_SECONDS` (60 s) in the future.
 * - `upstreamId` is the ID token's `sub`; attributes are the ID token's claims (protocol claims
 *   left out) merged with userinfo's (userinfo wins); `amr` and `acr` are carried over.
 * - `error=access_denied` (and login_required, consent_required, interaction_required) →
 *   `identity.upstream_denied`; discovery or network failures → `identity.source_unreachable`;
 *   anything that does not verify → `identity.upstream_rejected`.
 *
 * `allowInsecureRequests` lets tests and local development talk to an `http://` IdP on
 * loopback; never set it in production (openid-client refuses plain http otherwise).
 */
export function createOidcConnector(deps: {
  readonly transient: TransientStore;
  readonly now: () => Date;
  /** How long a sign-in may stay at the IdP, in seconds (default 600; composeIdentity: the sign-in state's 30 min). */
  readonly stateTtlSeconds?: number;
  /** How long a discovery document is reused, in seconds (default 600). */
  readonly discoveryTtlSeconds?: number;
  /** HTTP timeout of each request to the IdP, in seconds (default 10). */
  readonly timeoutSeconds?: number;
  readonly allowInsecureRequests?: boolean;
  /** Minimum time between two JWKS downloads forced by an unknown `kid`, per IdP, in seconds (default 30). */
  readonly jwksRefetchIntervalSeconds?: number;
}): RedirectConnector {
  const stateTtl = deps.stateTtlSeconds ?? 600;
  const configurationOf = createOidcDiscovery({
    now: deps.now,
    ttlMs: (deps.discoveryTtlSeconds ?? 600) * 1000,
    timeoutSeconds: deps.timeoutSeconds ?? 10,
    allowInsecureRequests: deps.allowInsecureRequests ?? false,
  });
  const verifyIdToken = createIdTokenVerifier({
    now: deps.now,
    timeoutSeconds: deps.timeoutSeconds ?? 10,
    ...(deps.jwksRefetchIntervalSeconds === undefined
      ? {}
      : { refetchIntervalSeconds: deps.jwksRefetchIntervalSeconds }),
  });
  return {
    async begin(source, request) {
      const settings = oidcSettings(source);
      const config = await configurationOf(source, settings);
      const verifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const nonce = client.randomNonce();
      const scopes = [...new Set(["openid", ...settings.scopes])];
      const parameters: Record<string, string> = {
        redirect_uri: request.callbackUrl,
        scope: scopes.join(" "),
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: "S256",
        state,
        nonce,
      };
      if (request.loginHint !== null && request.loginHint !== "") parameters.login_hint = request.loginHint;
      const kept: OidcState = {
        interactionId: request.interactionId,
        verifier,
        nonce,
        sourceId: source.id,
        callbackUrl: request.callbackUrl,
      };
      await deps.transient.put(stateKeyOf(state), kept, stateTtl);
      return { redirectUrl: client.buildAuthorizationUrl(config, parameters).href };
    },

    async logoutUrl(source, request) {
      const config = await configurationOf(source, oidcSettings(source));
      if (config.serverMetadata().end_session_endpoint === undefined) return null;
      // openid-client adds client_id (RP-Initiated Logout 1.0 §2), so the IdP can check the return URI.
      return client.buildEndSessionUrl(config, {
        post_logout_redirect_uri: request.postLogoutRedirectUri,
        state: request.state,
      }).href;
    },

    async finish(source, answer) {
      const settings = oidcSettings(source);
      const stateValue = answer.query.state;
      if (stateValue === undefined || stateValue === "") throw new EntenteError("identity.state_lost");
      const state = asOidcState(await deps.transient.take(stateKeyOf(stateValue)));
      if (state === null || state.sourceId !== source.id) throw new EntenteError("identity.state_lost");
      const config = await configurationOf(source, settings);
      const tokens = await exchangeCode(config, source, state, stateValue, answer.query);
      await verifyIdToken(source, config.serverMetadata().jwks_uri, tokens.id_token);
      return { interactionId: state.interactionId, identity: await identityOf(config, source, tokens) };
    },
  };
}

/** The code exchanged with the PKCE verifier; openid-client checks `iss`, `state`, the ID token and its `nonce`. */
async function exchangeCode(
  config: client.Configuration,
  source: SourceRecord,
  state: OidcState,
  stateValue: string,
  query: Readonly<Record<string, string>>,
) {
  const currentUrl = new URL(state.callbackUrl);
  for (const [name, value] of Object.entries(query)) currentUrl.searchParams.set(name, value);
  try {
    return await client.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: state.verifier,
      expectedNonce: state.nonce,
      expectedState: stateValue,
      idTokenExpected: true,
    });
  } catch (error) {
    throw mapOidcError(error, source);
  }
}

/** The person as the ID token (its `sub`, `amr`, `acr`) and userinfo (which wins) describe them. */
async function identityOf(
  config: client.Configuration,
  source: SourceRecord,
  tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>,
): Promise<UpstreamIdentity> {
  const claims = tokens.claims();
  if (claims === undefined || typeof claims.sub !== "string" || claims.sub === "") {
    throw new EntenteError("identity.upstream_rejected", { source: source.label, reason: "no sub" });
  }
  let userinfo: Record<string, unknown> = {};
  if (config.serverMetadata().userinfo_endpoint !== undefined) {
    try {
      userinfo = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
    } catch (error) {
      throw mapOidcError(error, source);
    }
  }
  const amr = Array.isArray(claims.amr) ? claims.amr.filter((v): v is string => typeof v === "string") : [];
  return {
    sourceId: source.id,
    upstreamId: claims.sub,
    attributes: toAttributes({ ...claims, ...userinfo }),
    amr,
    acr: typeof claims.acr === "string" ? claims.acr : null,
  };
}

function oidcSettings(source: SourceRecord): OidcSourceSettings {
  if (source.kind !== "oidc") {
    throw new EntenteError("identity.upstream_rejected", {
      source: source.label,
      reason: "not an OIDC source",
    });
  }
  return source.oidc;
}

import * as client from "openid-client";
import type { TransientStore } from "../../platform/db/transient-store.ts";
import type { RedirectConnector } from "../app/ports.ts";
import type { OidcSourceSettings, SourceRecord } from "../domain/identity-source.ts";
import type { UpstreamAttributes } from "../domain/upstream-identity.ts";
import { EntenteError } from "../errors.ts";

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
 *   verifier, the ID token (issuer, audience, expiry, `nonce`) and — `enableNonRepudiationChecks`
 *   — its signature with the IdP's JWKS. openid-client downloads the JWKS again when a token's
 *   `kid` is unknown and its copy is at least 60 s old (and every 5 min anyway): an IdP that
 *   publishes its next key before using it (planned rotation) is followed without a failure.
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
  /** How long a sign-in may stay at the IdP, in seconds (default 600). */
  readonly stateTtlSeconds?: number;
  /** How long a discovery document is reused, in seconds (default 600). */
  readonly discoveryTtlSeconds?: number;
  /** HTTP timeout of each request to the IdP, in seconds (default 10). */
  readonly timeoutSeconds?: number;
  readonly allowInsecureRequests?: boolean;
}): RedirectConnector {
  const stateTtl = deps.stateTtlSeconds ?? 600;
  const discoveryTtlMs = (deps.discoveryTtlSeconds ?? 600) * 1000;
  const timeout = deps.timeoutSeconds ?? 10;
  const cache = new Map<
    string,
    { readonly config: Promise<client.Configuration>; readonly expiresAt: number }
  >();

  async function configurationOf(
    source: SourceRecord,
    settings: OidcSourceSettings,
  ): Promise<client.Configuration> {
    const key = `${source.id}@${source.rowVersion}`;
    const nowMs = deps.now().getTime();
    const cached = cache.get(key);
    if (cached !== undefined && cached.expiresAt > nowMs) return cached.config;
    const auth = source.secret === null ? client.None() : client.ClientSecretBasic(source.secret);
    const config = client.discovery(new URL(settings.issuer), settings.clientId, undefined, auth, {
      timeout,
      ...(deps.allowInsecureRequests ? { execute: [client.allowInsecureRequests] } : {}),
    });
    cache.set(key, { config, expiresAt: nowMs + discoveryTtlMs });
    try {
      const ready = await config;
      client.enableNonRepudiationChecks(ready); // verify ID token signatures with the JWKS
      return ready;
    } catch (error) {
      cache.delete(key);
      throw new EntenteError("identity.source_unreachable", { source: source.label }, { cause: error });
    }
  }

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
      const record: OidcState = {
        interactionId: request.interactionId,
        verifier,
        nonce,
        sourceId: source.id,
        callbackUrl: request.callbackUrl,
      };
      await deps.transient.put(stateKeyOf(state), record, stateTtl);
      return { redirectUrl: client.buildAuthorizationUrl(config, parameters).href };
    },

    async finish(source, answer) {
      const settings = oidcSettings(source);
      const stateValue = answer.query.state;
      if (stateValue === undefined || stateValue === "") throw new EntenteError("identity.state_lost");
      const state = asOidcState(await deps.transient.take(stateKeyOf(stateValue)));
      if (state === null || state.sourceId !== source.id) throw new EntenteError("identity.state_lost");
      const config = await configurationOf(source, settings);

      const currentUrl = new URL(state.callbackUrl);
      for (const [name, value] of Object.entries(answer.query)) currentUrl.searchParams.set(name, value);
      let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
      try {
        tokens = await client.authorizationCodeGrant(config, currentUrl, {
          pkceCodeVerifier: state.verifier,
          expectedNonce: state.nonce,
          expectedState: stateValue,
          idTokenExpected: true,
        });
      } catch (error) {
        throw mapOidcError(error, source);
      }
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
      const amr = Array.isArray(claims.amr)
        ? claims.amr.filter((v): v is string => typeof v === "string")
        : [];
      return {
        interactionId: state.interactionId,
        identity: {
          sourceId: source.id,
          upstreamId: claims.sub,
          attributes: toAttributes({ ...claims, ...userinfo }),
          amr,
          acr: typeof claims.acr === "string" ? claims.acr : null,
        },
      };
    },
  };
}

interface OidcState {
  readonly interactionId: string;
  readonly verifier: string;
  readonly nonce: string;
  readonly sourceId: string;
  readonly callbackUrl: string;
}

const stateKeyOf = (state: string) => `oidc-state:${state}`;

function asOidcState(value: unknown): OidcState | null {
  if (typeof value !== "object" || value === null) return null;
  const v = value as Record<string, unknown>;
  const fields = ["interactionId", "verifier", "nonce", "sourceId", "callbackUrl"] as const;
  if (!fields.every((f) => typeof v[f] === "string")) return null;
  return v as unknown as OidcState;
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

/** JWT and protocol claims (RFC 7519 §4.1, OIDC Core §2) that say nothing about the person. */
const PROTOCOL_CLAIMS = new Set([
  "iss",
  "aud",
  "azp",
  "exp",
  "iat",
  "nbf",
  "jti",
  "nonce",
  "at_hash",
  "c_hash",
  "s_hash",
  "auth_time",
  "sid",
]);

/** Claims as attribute lists: strings as is, numbers and booleans as text, arrays flattened, objects as JSON. */
export function toAttributes(claims: Readonly<Record<string, unknown>>): UpstreamAttributes {
  const out: Record<string, readonly string[]> = {};
  for (const [name, value] of Object.entries(claims)) {
    if (PROTOCOL_CLAIMS.has(name) || value === null || value === undefined) continue;
    const list = Array.isArray(value) ? value : [value];
    out[name] = list
      .filter((v) => v !== null && v !== undefined)
      .map((v) => (typeof v === "object" ? JSON.stringify(v) : String(v)));
  }
  return Object.freeze(out);
}

const DENIED = new Set(["access_denied", "login_required", "consent_required", "interaction_required"]);

function mapOidcError(error: unknown, source: SourceRecord): EntenteError {
  if (error instanceof EntenteError) return error;
  const label = source.label;
  if (error instanceof client.AuthorizationResponseError) {
    if (DENIED.has(error.error)) {
      return new EntenteError(
        "identity.upstream_denied",
        { source: label, reason: error.error },
        { cause: error },
      );
    }
    return new EntenteError(
      "identity.upstream_rejected",
      { source: label, reason: error.error },
      { cause: error },
    );
  }
  if (error instanceof client.ResponseBodyError) {
    return new EntenteError(
      "identity.upstream_rejected",
      { source: label, reason: error.error },
      { cause: error },
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  const cause = error instanceof Error ? (error as { cause?: unknown }).cause : undefined;
  // openid-client wraps the precise check that failed (oauth4webapi's) as the cause.
  const detail = cause instanceof Error ? `${message}: ${cause.message}` : message;
  const network =
    (error instanceof TypeError && /fetch failed/i.test(message)) ||
    (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) ||
    (typeof cause === "object" &&
      cause !== null &&
      "code" in cause &&
      /^E(CONN|HOST|NET|AI_|TIMEDOUT|PIPE|NOTFOUND)/.test(String(cause.code)));
  if (network) return new EntenteError("identity.source_unreachable", { source: label }, { cause: error });
  return new EntenteError(
    "identity.upstream_rejected",
    { source: label, reason: detail.slice(0, 200) },
    { cause: error },
  );
}

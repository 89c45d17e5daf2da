import type { FastifyReply, FastifyRequest } from "fastify";
import * as oidc from "openid-client";
import type { Lang } from "../../shared/errors.ts";
import type { PortalLoginStore, PortalStore } from "../app/portal-ports.ts";
import { EntenteError } from "../errors.ts";
import {
  type CookieSettings,
  clearPortalCookie,
  hashOf,
  LOGIN_COOKIE,
  PORTAL_SESSION_SECONDS,
  randomToken,
  SESSION_COOKIE,
  setPortalCookie,
} from "./portal-session.ts";

/**
 * The portal signs people in as a relying party of the hub (docs/portal.md): OpenID Connect
 * authorization code with PKCE S256, `state` and `nonce` (openid-client 6), the redirect URI
 * `<public URL>/portal/<entente>/callback` registered exactly at the hub, a public client (no
 * secret to keep). The hub's access policy, second factors and audit apply as for any service.
 */

export const PORTAL_SCOPES = "openid profile email organization groups";
const LOGIN_TTL_SECONDS = 600;

interface LoginState {
  readonly ententeId: string;
  readonly state: string;
  readonly nonce: string;
  readonly verifier: string;
  readonly lang: Lang;
}

/** Default of `PortalSignInDeps.maxLoginStates`: sign-ins begun within 10 minutes, per entente. */
export const PORTAL_LOGIN_CAP = 10_000;

/**
 * Default of `PortalSignInDeps.perAddress`: 30 sign-ins begun per minute from one client address,
 * on each node (an office behind one NAT signs its agents in well within it; a client asking for
 * more waits for the window's end).
 */
export const PORTAL_SIGN_INS_PER_ADDRESS = { max: 30, windowMs: 60_000 } as const;

export interface PortalSignInDeps {
  readonly portal: PortalStore;
  readonly logins: PortalLoginStore;
  /** At most this many sign-in states per entente (`PortalLoginStore.put`'s cap). */
  readonly maxLoginStates: number;
  /**
   * Sign-ins (new states) one client address may begin per window, counted on each node by
   * @fastify/rate-limit in memory (an LRU of addresses); the address is `request.ip`, the one
   * trusted-proxy rule (TRUSTED_PROXIES).
   */
  readonly perAddress: { readonly max: number; readonly windowMs: number };
  readonly issuer: string;
  readonly publicUrl: string;
  readonly cookies: CookieSettings;
  readonly now: () => Date;
}

/** The hub's configuration for the entente's portal client, discovered once per client. */
export function createPortalClients(deps: Pick<PortalSignInDeps, "portal" | "issuer">) {
  const discovered = new Map<string, Promise<oidc.Configuration>>();
  return async (ententeId: string): Promise<oidc.Configuration> => {
    const clientId = await deps.portal.portalClientOf(ententeId);
    if (clientId === null) throw new EntenteError("workplace.portal_not_found", { id: ententeId });
    let config = discovered.get(clientId);
    if (config === undefined) {
      // http only towards a loopback issuer (development, tests): production's public URL is https.
      const insecure = deps.issuer.startsWith("http:")
        ? { execute: [oidc.allowInsecureRequests] }
        : undefined;
      config = oidc.discovery(new URL(deps.issuer), clientId, undefined, oidc.None(), insecure);
      discovered.set(clientId, config);
      config.catch(() => discovered.delete(clientId));
    }
    return config;
  };
}

const base = (ententeId: string) => `/portal/${encodeURIComponent(ententeId)}`;

/** GET …/login: a new sign-in state, the browser sent to the hub's authorization endpoint. */
export async function startSignIn(
  deps: PortalSignInDeps,
  clients: ReturnType<typeof createPortalClients>,
  ententeId: string,
  lang: Lang,
  reply: FastifyReply,
) {
  const config = await clients(ententeId);
  const login: LoginState = {
    ententeId,
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
    verifier: oidc.randomPKCECodeVerifier(),
    lang,
  };
  const loginId = randomToken();
  const now = deps.now();
  await deps.logins.put(
    ententeId,
    hashOf(loginId),
    { ...login },
    new Date(now.getTime() + LOGIN_TTL_SECONDS * 1000),
    { cap: deps.maxLoginStates, now },
  );
  setPortalCookie(reply, LOGIN_COOKIE, loginId, base(ententeId), deps.cookies, LOGIN_TTL_SECONDS);
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: `${deps.publicUrl}${base(ententeId)}/callback`,
    scope: PORTAL_SCOPES,
    state: login.state,
    nonce: login.nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(login.verifier),
    code_challenge_method: "S256",
    ui_locales: lang,
  });
  return reply.code(303).header("location", url.href).header("cache-control", "no-store").send();
}

const failed = (reason: string, cause?: unknown) =>
  new EntenteError("workplace.portal_sign_in_failed", { reason }, cause === undefined ? {} : { cause });

/**
 * GET …/callback: the code redeemed (state, nonce and PKCE checked by openid-client), the person
 * read from userinfo — refused unless the hub says they act for a member of this very entente —
 * and a new session. @throws `workplace.portal_sign_in_failed`.
 */
export async function finishSignIn(
  deps: PortalSignInDeps,
  clients: ReturnType<typeof createPortalClients>,
  ententeId: string,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<Lang> {
  const loginId = request.cookies[LOGIN_COOKIE];
  const login = (
    loginId ? await deps.logins.take(ententeId, hashOf(loginId), deps.now()) : null
  ) as LoginState | null;
  clearPortalCookie(reply, LOGIN_COOKIE, base(ententeId), deps.cookies);
  if (login === null || login.ententeId !== ententeId) throw failed("state");
  const config = await clients(ententeId);
  const current = new URL(`${deps.publicUrl}${request.url}`);
  if (current.searchParams.has("error")) throw failed(current.searchParams.get("error") ?? "error");
  let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
  try {
    tokens = await oidc.authorizationCodeGrant(config, current, {
      pkceCodeVerifier: login.verifier,
      expectedState: login.state,
      expectedNonce: login.nonce,
      idTokenExpected: true,
    });
  } catch (error) {
    throw failed("code", error);
  }
  const claims = tokens.claims();
  if (claims === undefined || tokens.id_token === undefined) throw failed("id_token");
  const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
  const memberId = info.organization_id;
  if (info.entente_id !== ententeId || typeof memberId !== "string" || typeof info.role !== "string")
    throw failed("organisation");
  const sessionId = randomToken();
  const name = [info.given_name, info.usual_name ?? info.family_name]
    .filter((v) => typeof v === "string")
    .join(" ");
  await deps.portal.createSession(
    hashOf(sessionId),
    {
      ententeId,
      sub: claims.sub,
      memberId,
      role: info.role,
      groups: Array.isArray(info.groups) ? info.groups.filter((g): g is string => typeof g === "string") : [],
      displayName: name === "" ? String(info.email ?? claims.sub) : name,
      email: typeof info.email === "string" ? info.email : null,
      idToken: tokens.id_token,
      sid: typeof claims.sid === "string" ? claims.sid : null,
      csrfToken: randomToken(),
    },
    new Date(deps.now().getTime() + PORTAL_SESSION_SECONDS * 1000),
  );
  setPortalCookie(reply, SESSION_COOKIE, sessionId, base(ententeId), deps.cookies, PORTAL_SESSION_SECONDS);
  return login.lang;
}

/** The hub's end-session URL (RP-initiated logout) with the ID token as hint, back to …/signed-out. */
export async function endSessionUrl(
  deps: PortalSignInDeps,
  clients: ReturnType<typeof createPortalClients>,
  ententeId: string,
  idToken: string,
  lang: Lang,
): Promise<string> {
  const config = await clients(ententeId);
  return oidc.buildEndSessionUrl(config, {
    id_token_hint: idToken,
    post_logout_redirect_uri: `${deps.publicUrl}${base(ententeId)}/signed-out`,
    ui_locales: lang,
  }).href;
}

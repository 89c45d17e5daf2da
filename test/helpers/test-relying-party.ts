import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createRemoteJWKSet, jwtVerify } from "jose";
import * as oidc from "openid-client";

/**
 * A small relying party (a "service" of the entente) for the identity tests and benchmarks: a
 * real OpenID Connect client (openid-client 6, authorization code + PKCE S256 + state + nonce)
 * on its own http server on 127.0.0.1. Pages:
 * - `/login?acr=…` sends the browser to Entente;
 * - `/callback` redeems the code, keeps the ID token claims and userinfo in a session (cookie `rp`),
 *   and shows them in `<pre id="claims">` (JSON);
 * - `/` shows "signed in as …" or "not signed in";
 * - `/logout` starts RP-initiated logout; `/logged-out` is the post-logout page;
 * - `/backchannel-logout` receives logout tokens (OIDC Back-Channel Logout 1.0 §2.6), verifies
 *   them against Entente's JWKS and ends the matching sessions.
 */
export interface TestRelyingParty {
  readonly url: string;
  readonly redirectUri: string;
  readonly postLogoutRedirectUri: string;
  readonly backchannelLogoutUri: string;
  /** Completes the client registration (after Entente knows the client) and fetches discovery. */
  connect(options: { issuer: string; clientId: string; clientSecret: string | null }): Promise<void>;
  /** Logout tokens received and verified so far (their claims). */
  readonly logoutTokens: Record<string, unknown>[];
  /** Answers of the token endpoint that failed (for assertions). */
  readonly errors: string[];
  close(): Promise<void>;
}

interface RpSession {
  state: string;
  nonce: string;
  verifier: string;
  claims?: Record<string, unknown>;
  userinfo?: Record<string, unknown>;
  idToken?: string;
  sid?: string;
  ended?: boolean;
}

export async function startTestRelyingParty(name: string): Promise<TestRelyingParty> {
  let config: oidc.Configuration | undefined;
  let jwks: ReturnType<typeof createRemoteJWKSet> | undefined;
  let issuer = "";
  let clientId = "";
  const sessions = new Map<string, RpSession>();
  const logoutTokens: Record<string, unknown>[] = [];
  const errors: string[] = [];

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      errors.push(String(error));
      send(res, 500, `<p id="error">${escapeText(String(error))}</p>`);
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) {
    res.writeHead(status, { "content-type": "text/html; charset=utf-8", ...headers });
    res.end(
      `<!doctype html><html lang="fr"><head><title>${escapeText(name)}</title></head><body><h1>${escapeText(name)}</h1>${body}</body></html>`,
    );
  }
  function sessionOf(req: IncomingMessage): [string, RpSession] | null {
    const id = /(?:^|;\s*)rp=([A-Za-z0-9_-]+)/.exec(req.headers.cookie ?? "")?.[1];
    const session = id === undefined ? undefined : sessions.get(id);
    return id === undefined || session === undefined ? null : [id, session];
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", base);
    if (config === undefined) return send(res, 503, "<p>not connected</p>");
    switch (url.pathname) {
      case "/login": {
        const id = randomBytes(16).toString("base64url");
        const session: RpSession = {
          state: oidc.randomState(),
          nonce: oidc.randomNonce(),
          verifier: oidc.randomPKCECodeVerifier(),
        };
        sessions.set(id, session);
        const params: Record<string, string> = {
          redirect_uri: `${base}/callback`,
          scope: url.searchParams.get("scope") ?? "openid profile email organization groups",
          state: session.state,
          nonce: session.nonce,
          code_challenge: await oidc.calculatePKCECodeChallenge(session.verifier),
          code_challenge_method: "S256",
        };
        const acr = url.searchParams.get("acr");
        if (acr !== null) params.acr_values = acr;
        const prompt = url.searchParams.get("prompt");
        if (prompt !== null) params.prompt = prompt;
        res.writeHead(303, {
          location: oidc.buildAuthorizationUrl(config, params).href,
          "set-cookie": `rp=${id}; Path=/; HttpOnly; SameSite=Lax`,
        });
        res.end();
        return;
      }
      case "/callback": {
        const found = sessionOf(req);
        if (found === null) return send(res, 400, '<p id="error">no session</p>');
        const [, session] = found;
        if (url.searchParams.has("error")) {
          return send(
            res,
            200,
            `<p id="error">${escapeText(url.searchParams.get("error") ?? "")}: ${escapeText(url.searchParams.get("error_description") ?? "")}</p>`,
          );
        }
        const tokens = await oidc.authorizationCodeGrant(config, url, {
          pkceCodeVerifier: session.verifier,
          expectedState: session.state,
          expectedNonce: session.nonce,
          idTokenExpected: true,
        });
        const claims = tokens.claims();
        if (claims === undefined || tokens.id_token === undefined) throw new Error("no ID token");
        session.claims = { ...claims };
        session.idToken = tokens.id_token;
        if (typeof claims.sid === "string") session.sid = claims.sid;
        session.userinfo = { ...(await oidc.fetchUserInfo(config, tokens.access_token, claims.sub)) };
        res.writeHead(303, { location: `${base}/` });
        res.end();
        return;
      }
      case "/": {
        const found = sessionOf(req);
        if (found === null || found[1].claims === undefined || found[1].ended === true)
          return send(res, 200, '<p id="status">non connecté</p><a href="/login">Se connecter</a>');
        const [, session] = found;
        return send(
          res,
          200,
          `<p id="status">connecté : ${escapeText(String(session.userinfo?.email ?? ""))}</p><pre id="claims">${escapeText(JSON.stringify({ idToken: session.claims, userinfo: session.userinfo }))}</pre><a href="/logout">Se déconnecter</a>`,
        );
      }
      case "/logout": {
        const found = sessionOf(req);
        const hint = found?.[1].idToken;
        const endUrl = oidc.buildEndSessionUrl(config, {
          post_logout_redirect_uri: `${base}/logged-out`,
          ...(hint === undefined ? {} : { id_token_hint: hint }),
        });
        res.writeHead(303, { location: endUrl.href });
        res.end();
        return;
      }
      case "/logged-out":
        return send(res, 200, '<p id="status">déconnecté</p>');
      case "/backchannel-logout": {
        if (req.method !== "POST" || jwks === undefined) return send(res, 405, "");
        const body = new URLSearchParams(await readBody(req));
        const token = body.get("logout_token") ?? "";
        const { payload } = await jwtVerify(token, jwks, { issuer, audience: clientId });
        const events = payload.events as Record<string, unknown> | undefined;
        if (
          events?.["http://schemas.openid.net/event/backchannel-logout"] === undefined ||
          "nonce" in payload
        )
          return send(res, 400, "");
        logoutTokens.push({ ...payload });
        for (const session of sessions.values()) {
          if (session.sid === payload.sid || session.claims?.sub === payload.sub) session.ended = true;
        }
        res.writeHead(200, { "cache-control": "no-store" });
        res.end();
        return;
      }
      default:
        return send(res, 404, "");
    }
  }

  return {
    url: base,
    redirectUri: `${base}/callback`,
    postLogoutRedirectUri: `${base}/logged-out`,
    backchannelLogoutUri: `${base}/backchannel-logout`,
    logoutTokens,
    errors,
    async connect(options) {
      issuer = options.issuer;
      clientId = options.clientId;
      config = await oidc.discovery(
        new URL(options.issuer),
        options.clientId,
        options.clientSecret ?? undefined,
        options.clientSecret === null ? oidc.None() : undefined,
        { execute: [oidc.allowInsecureRequests] },
      );
      jwks = createRemoteJWKSet(new URL(config.serverMetadata().jwks_uri ?? ""));
    },
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, "close");
    },
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      data += chunk;
    });
    req.on("end", () => resolve(data));
    req.on("error", reject);
  });
}

function escapeText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

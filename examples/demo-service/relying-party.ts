import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createRemoteJWKSet, jwtVerify } from "jose";
import * as oidc from "openid-client";

/**
 * A small relying party (a "service" of the entente): a real OpenID Connect client (openid-client
 * 6, authorization code + PKCE S256 + state + nonce) on its own http server. `npm run
 * demo:service` runs it on 127.0.0.1:3001 (server.ts beside this file); the identity tests and
 * benchmarks start it on a free port (test/helpers/test-relying-party.ts). Pages, in French:
 * - `/login?acr=…&prompt=…&scope=…` sends the browser to Entente;
 * - `/callback` redeems the code, keeps the ID token claims and userinfo in a session (cookie `rp`),
 *   and shows them in `<pre id="claims">` (JSON);
 * - `/` shows "connecté : …" with the pivot claims in a table (and the raw JSON in `#claims`), or
 *   "non connecté" and the sign-in links;
 * - `/logout` starts RP-initiated logout; `/logged-out` is the post-logout page;
 * - `/backchannel-logout` receives logout tokens (OIDC Back-Channel Logout 1.0 §2.6), verifies
 *   them against Entente's JWKS and ends the matching sessions.
 */
export interface RelyingParty {
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

/** The name the tests use: same as `RelyingParty`. */
export type TestRelyingParty = RelyingParty;

export interface RelyingPartyOptions {
  /** Name shown as the pages' title. */
  readonly name: string;
  /** Address to listen on; default 127.0.0.1. */
  readonly host?: string;
  /** TCP port; default 0 (a free one). */
  readonly port?: number;
}

/** A relying party on a free port of 127.0.0.1 (the tests' and benchmarks' services). */
export function startTestRelyingParty(name: string): Promise<RelyingParty> {
  return startRelyingParty({ name });
}

/**
 * Starts the relying party's http server; it answers 503 until `connect` has fetched Entente's
 * discovery document.
 * @throws the `listen` error (`EADDRINUSE` when the port is taken).
 */
export async function startRelyingParty(options: RelyingPartyOptions): Promise<RelyingParty> {
  const { name } = options;
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
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const base = `http://${host.includes(":") ? `[${host}]` : host}:${(server.address() as AddressInfo).port}`;

  function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) {
    res.writeHead(status, { "content-type": "text/html; charset=utf-8", ...headers });
    res.end(
      `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeText(name)}</title><style>${STYLE}</style></head><body><main><h1>${escapeText(name)}</h1>${body}</main></body></html>`,
    );
  }
  function sessionOf(req: IncomingMessage): [string, RpSession] | null {
    const id = /(?:^|;\s*)rp=([A-Za-z0-9_-]+)/.exec(req.headers.cookie ?? "")?.[1];
    const session = id === undefined ? undefined : sessions.get(id);
    return id === undefined || session === undefined ? null : [id, session];
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", base);
    if (config === undefined)
      return send(
        res,
        503,
        "<p>Ce service n'est pas encore relié à Entente (document de découverte OpenID non lu) : réessayez dans un instant.</p>",
      );
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
        if (found === null)
          return send(res, 400, `<p id="error">session inconnue : recommencez la connexion.</p>${LINKS_OUT}`);
        const [, session] = found;
        if (url.searchParams.has("error")) {
          return send(
            res,
            200,
            `<p id="error">${escapeText(url.searchParams.get("error") ?? "")}: ${escapeText(url.searchParams.get("error_description") ?? "")}</p>${LINKS_OUT}`,
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
        const session = found?.[1];
        if (session?.claims === undefined || session.ended === true)
          return send(res, 200, `<p id="status">non connecté</p>${LINKS_OUT}`);
        return send(
          res,
          200,
          `<p id="status">connecté : ${escapeText(String(session.userinfo?.email ?? ""))}</p>${claimsTable(session.claims, session.userinfo ?? {})}<h2>Jeton d'identité et userinfo (JSON)</h2><pre id="claims">${escapeText(JSON.stringify({ idToken: session.claims, userinfo: session.userinfo }))}</pre><p><a href="/login?acr=${encodeURIComponent(TWO_FACTORS)}">Se reconnecter avec deux facteurs</a> · <a href="/logout">Se déconnecter</a></p>`,
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
        return send(res, 200, `<p id="status">déconnecté</p>${LINKS_OUT}`);
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

const TWO_FACTORS = "urn:entente:acr:2fa";

const LINKS_OUT = `<p><a href="/login">Se connecter avec Entente</a> · <a href="/login?acr=${encodeURIComponent(TWO_FACTORS)}">Se connecter avec deux facteurs</a></p>`;

const STYLE =
  "body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1e1e1e}main{max-width:60rem;margin:2rem auto;padding:0 1rem}" +
  "table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.3rem .6rem;text-align:left;vertical-align:top}" +
  "th{background:#f3f3f3;font-weight:600}pre{white-space:pre-wrap;word-break:break-all;background:#f6f6f6;padding:.6rem}a{color:#000091}";

/** The pivot claims (docs/identity.md) and their French labels, in the order shown. */
const CLAIM_LABELS: readonly (readonly [string, string])[] = [
  ["sub", "Identifiant pivot (sub)"],
  ["given_name", "Prénom"],
  ["family_name", "Nom de famille"],
  ["usual_name", "Nom d'usage"],
  ["email", "Adresse électronique"],
  ["email_verified", "Adresse vérifiée"],
  ["uid", "Identifiant dans la source (uid)"],
  ["organization_name", "Organisation"],
  ["organization_id", "Identifiant du membre"],
  ["siren", "SIREN"],
  ["siret", "SIRET"],
  ["entente_id", "Entente"],
  ["role", "Rôle"],
  ["groups", "Groupes"],
  ["acr", "Niveau d'authentification (acr)"],
  ["amr", "Méthodes d'authentification (amr)"],
  ["auth_time", "Authentifié le"],
];

/** A claim's value as a French reader reads it. */
function frenchValue(claim: string, value: unknown): string {
  if (value === undefined || value === null || value === "") return "—";
  if (Array.isArray(value)) return value.length === 0 ? "(aucun)" : value.map(String).join(", ");
  if (typeof value === "boolean") return value ? "oui" : "non";
  if (claim === "role") return value === "elu" ? "élu" : String(value);
  if (claim === "acr") {
    if (value === "urn:entente:acr:1fa") return `${value} (un facteur)`;
    if (value === TWO_FACTORS) return `${value} (deux facteurs)`;
  }
  if (claim === "auth_time" && typeof value === "number") {
    return new Date(value * 1000).toLocaleString("fr-FR", { timeZone: "Europe/Paris" });
  }
  return String(value);
}

/** The claims received, as a table: userinfo first (the pivot), then the ID token's (acr, amr…). */
function claimsTable(idToken: Record<string, unknown>, userinfo: Record<string, unknown>): string {
  const rows = CLAIM_LABELS.map(([claim, label]) => {
    const value = claim in userinfo ? userinfo[claim] : idToken[claim];
    return `<tr><th scope="row">${escapeText(label)}</th><td><code>${claim}</code></td><td>${escapeText(frenchValue(claim, value))}</td></tr>`;
  }).join("");
  return `<table><caption>Identité pivot reçue d'Entente</caption><thead><tr><th scope="col">Donnée</th><th scope="col">Claim</th><th scope="col">Valeur</th></tr></thead><tbody>${rows}</tbody></table>`;
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

// The baseline of bench/identity.bench.ts: oidc-provider 9 alone, in its own process, with what
// Entente's provider has (src/identity/oidc/create-openid-provider.ts): the same signing keys
// (read from Entente's key store in the bench's database: RS256 and ES256), PKCE S256 required,
// the same TTLs, scopes, claims, cookies, features (client credentials, introspection,
// revocation, userinfo, RP-initiated and back-channel logout), refresh tokens, and the same
// storage adapter class as Entente (createDatabaseOidcAdapter, or createRedisOidcAdapter with
// `redisUrl`). What it lacks on purpose: services read from the database (two static clients),
// the pivot directory, access policy, throttling, audit log, Fastify and its hooks.
//
// Its sign-in pages take the same URLs and form fields as Entente's (`/interaction/:uid`, POST
// `/email`, GET/POST `/password`, hidden `csrf`) so the same client drives both; the password
// step does the same LDAP exchange as src/identity/upstream/ldap-connector.ts with ldapts
// directly (StartTLS, service bind, search, bind as the person, read the entry, unbind).
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Redis } from "ioredis";
import Provider, { type Configuration, interactionPolicy } from "oidc-provider";
import { createDatabaseOidcAdapter } from "../src/identity/db/oidc-adapter.ts";
import { createSigningKeyStore } from "../src/identity/db/oidc-signing-key-store.ts";
import { createRedisOidcAdapter } from "../src/identity/db/redis-oidc-adapter.ts";
import { ACR_ONE_FACTOR, ACR_TWO_FACTORS } from "../src/identity/domain/authentication-level.ts";
import { CLAIMS_BY_SCOPE, SUPPORTED_SCOPES } from "../src/identity/oidc/claims-by-scope.ts";
import { toClientMetadata } from "../src/identity/oidc/client-metadata.ts";
import { toProviderJwks } from "../src/identity/oidc/signing-keys.ts";
import {
  ACCESS_TOKEN_TTL_SECONDS,
  AUTHORIZATION_CODE_TTL_SECONDS,
  CLIENT_CREDENTIALS_TTL_SECONDS,
  GRANT_TTL_SECONDS,
  ID_TOKEN_TTL_SECONDS,
  INTERACTION_TTL_SECONDS,
  REFRESH_TOKEN_TTL_SECONDS,
  SESSION_TTL_SECONDS,
} from "../src/identity/oidc/token-lifetimes.ts";
import { openDatabase } from "../src/platform/db/open-database.ts";
import { type BenchClient, type ChildStart, countStorageRoundTrips, serveChild } from "./identity-child.ts";
import { ldapSignIn } from "./identity-ldap-bind.ts";

/** The claims of the people signed in, from their LDAP entries (no pivot directory). */
const accounts = new Map<string, Record<string, unknown>>();

function metadataOf(client: BenchClient): Record<string, unknown> {
  const {
    entente_id: _e,
    entente_required_acr: _a,
    ...metadata
  } = toClientMetadata(client.record, client.clientSecret);
  return metadata;
}

function configuration(start: ChildStart, adapter: Configuration["adapter"], jwks: unknown): Configuration {
  const cookieKey = createHmac("sha256", start.sessionSecret).update("bare cookies").digest("base64url");
  return {
    adapter,
    clients: [metadataOf(start.clients.signIn), metadataOf(start.clients.machine)] as never,
    jwks: jwks as Configuration["jwks"],
    acrValues: [ACR_ONE_FACTOR, ACR_TWO_FACTORS],
    scopes: SUPPORTED_SCOPES,
    claims: {
      ...CLAIMS_BY_SCOPE,
      openid: [...CLAIMS_BY_SCOPE.openid, "acr", "amr", "auth_time"],
      sid: null,
    } as unknown as Configuration["claims"],
    responseTypes: ["code"],
    pkce: { required: () => true },
    cookies: {
      keys: [cookieKey],
      long: { httpOnly: true, sameSite: "lax", secure: false, signed: true },
      short: { httpOnly: true, sameSite: "lax", secure: false, signed: true },
    },
    interactions: {
      policy: interactionPolicy.base(),
      url: (_ctx, interaction) => `/interaction/${interaction.uid}`,
    },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      introspection: {
        enabled: true,
        allowedPolicy: async (_ctx, client, token) => token.clientId === client.clientId,
      },
      revocation: {
        enabled: true,
        allowedPolicy: async (_ctx, client, token) => token.clientId === client.clientId,
      },
      userinfo: { enabled: true },
      rpInitiatedLogout: { enabled: true },
      backchannelLogout: { enabled: true },
    },
    async findAccount(_ctx, sub) {
      const claims = accounts.get(sub);
      return claims === undefined ? undefined : { accountId: sub, claims: () => claims as never };
    },
    async issueRefreshToken(_ctx, client, code) {
      return (
        client.grantTypeAllowed("refresh_token") &&
        (code.scopes.has("offline_access") || client.clientAuthMethod !== "none")
      );
    },
    rotateRefreshToken: () => true,
    ttl: {
      AuthorizationCode: AUTHORIZATION_CODE_TTL_SECONDS,
      AccessToken: ACCESS_TOKEN_TTL_SECONDS,
      IdToken: ID_TOKEN_TTL_SECONDS,
      Interaction: INTERACTION_TTL_SECONDS,
      Session: SESSION_TTL_SECONDS,
      RefreshToken: REFRESH_TOKEN_TTL_SECONDS,
      ClientCredentials: CLIENT_CREDENTIALS_TTL_SECONDS,
      Grant: GRANT_TTL_SECONDS,
    },
  };
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

function page(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
  res.end(
    `<!doctype html><html lang="fr"><meta charset="utf-8"><title>Connexion</title><body>${body}</body></html>`,
  );
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(303, { location });
  res.end();
}

countStorageRoundTrips();
serveChild(async (start) => {
  const database = await openDatabase({ kind: "postgres", url: start.databaseUrl });
  const jwks = toProviderJwks(await createSigningKeyStore(database.db).listKeys(), new Date());
  let adapter: Configuration["adapter"];
  if (start.redisUrl === null) adapter = createDatabaseOidcAdapter(database.db);
  else {
    await database.close();
    adapter = createRedisOidcAdapter(new Redis(start.redisUrl, { maxRetriesPerRequest: 2 }), "bench-bare:");
  }
  // The CSRF token of an interaction's forms: an HMAC of its uid (stateless, as cheap to check as a lookup).
  const csrfKey = randomBytes(32);
  const csrfOf = (uid: string) => createHmac("sha256", csrfKey).update(uid).digest("base64url");
  const csrfValid = (uid: string, token: string | null) => {
    const expected = Buffer.from(csrfOf(uid));
    const given = Buffer.from(token ?? "");
    return expected.length === given.length && timingSafeEqual(expected, given);
  };

  let provider: Provider | undefined;
  let callback: ((req: IncomingMessage, res: ServerResponse) => unknown) | undefined;

  const interaction = async (req: IncomingMessage, res: ServerResponse, path: string) => {
    if (provider === undefined) throw new Error("not started");
    const [, uid = "", step = ""] = /^\/interaction\/([\w-]+)(\/\w+)?/.exec(path) ?? [];
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) return page(res, 400, "<p>Interaction expirée</p>");
    const csrf = `<input type="hidden" name="csrf" value="${csrfOf(uid)}">`;
    if (req.method === "GET" && step === "")
      return page(
        res,
        200,
        `<form method="post" action="/interaction/${uid}/email">${csrf}<input name="email" type="email"><button>Continuer</button></form>`,
      );
    if (req.method === "GET" && step === "/password")
      return page(
        res,
        200,
        `<form method="post" action="/interaction/${uid}/password">${csrf}<input name="login"><input name="password" type="password"><button>Se connecter</button></form>`,
      );
    if (req.method !== "POST") return page(res, 404, "<p>Page inconnue</p>");
    const form = await readForm(req);
    if (!csrfValid(uid, form.get("csrf"))) return page(res, 403, "<p>Formulaire expiré</p>");
    if (step === "/email") return redirect(res, `/interaction/${uid}/password?lang=fr`);
    if (step !== "/password") return page(res, 404, "<p>Page inconnue</p>");
    const claims = await ldapSignIn(start.ldap, form.get("login") ?? "", form.get("password") ?? "");
    if (claims === null) return page(res, 401, "<p>Identifiant ou mot de passe incorrect</p>");
    accounts.set(claims.sub, claims);
    const clientId = String(details.params.client_id ?? "");
    const grant = new provider.Grant({ accountId: claims.sub, clientId });
    grant.addOIDCScope(["openid", ...String(details.params.scope ?? "").split(" ")].join(" "));
    const grantId = await grant.save();
    const redirectTo = await provider.interactionResult(
      req,
      res,
      {
        login: { accountId: claims.sub, acr: ACR_ONE_FACTOR, amr: ["pwd"], remember: false },
        consent: { grantId },
      },
      { mergeWithLastSubmission: false },
    );
    return redirect(res, redirectTo);
  };

  const server = http.createServer((req, res) => {
    const url = req.url ?? "/";
    if (url === "/oidc" || url.startsWith("/oidc/") || url.startsWith("/oidc?")) {
      // Mounted under /oidc like Entente's provider (the issuer's path).
      (req as IncomingMessage & { originalUrl?: string }).originalUrl = url;
      req.url = url.slice("/oidc".length) || "/";
      void callback?.(req, res);
      return;
    }
    if (url.startsWith("/interaction/")) {
      interaction(req, res, url).catch(() => {
        if (!res.headersSent) page(res, 400, "<p>Interaction expirée</p>");
      });
      return;
    }
    page(res, 404, "<p>Page inconnue</p>");
  });
  server.keepAliveTimeout = 72_000; // Fastify's default, for the same connection reuse as Entente
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  provider = new Provider(`${url}/oidc`, configuration(start, adapter, jwks));
  callback = provider.callback();
  return { url, issuer: `${url}/oidc` };
});

import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { AdapterFactory } from "oidc-provider";
import * as client from "openid-client";
import type {
  IdentityEventLog,
  PersonDirectory,
  ServiceClientRegistry,
} from "../../src/identity/app/ports.ts";
import type { SigningKeyStore } from "../../src/identity/app/provider-ports.ts";
import type { ResourceServerDirectory } from "../../src/identity/app/resource-server-ports.ts";
import { finishSignIn } from "../../src/identity/app/sign-in/finish-sign-in.ts";
import { ACR_ONE_FACTOR } from "../../src/identity/domain/authentication-level.ts";
import type { IdentityEvent } from "../../src/identity/domain/identity-event.ts";
import type { Affiliation, PersonRecord } from "../../src/identity/domain/person.ts";
import type { ServiceClientInput } from "../../src/identity/domain/service-client.ts";
import {
  createOpenIdProvider,
  type OpenIdProvider,
  type OpenIdProviderOptions,
} from "../../src/identity/oidc/create-openid-provider.ts";

/** A person of two members of entente `e1` (acting for one or the other), for the claims tests. */
export const ALICE: PersonRecord = {
  sub: "sub-alice",
  givenName: "Alice",
  familyName: "Martin",
  usualName: "Durand",
  affiliations: [
    affiliation("e1", "lyon", "Ville de Lyon", "agent", "alice.martin@lyon.fr", "amartin", ["dsi"]),
    affiliation("e1", "sitiv", "SITIV", "elu", "alice@sitiv.fr", "alice", ["bureau", "elus"]),
  ],
};

function affiliation(
  ententeId: string,
  memberId: string,
  memberName: string,
  role: "agent" | "elu",
  email: string,
  uid: string,
  groups: string[],
): Affiliation {
  return {
    ententeId,
    memberId,
    memberName,
    siren: "200046977",
    siret: "20004697700019",
    role,
    email,
    emailVerified: true,
    uid,
    groups,
  };
}

/** In-memory pivot directory (the peer under test is the provider, not the directory). */
export function createFakePeople(persons: readonly PersonRecord[] = [ALICE]): PersonDirectory & {
  readonly affiliations: Map<string, { sub: string; memberId: string }>;
} {
  const affiliations = new Map<string, { sub: string; memberId: string }>();
  return {
    affiliations,
    async resolvePerson() {
      throw new Error("not used by the provider");
    },
    async findPerson(sub) {
      return persons.find((p) => p.sub === sub) ?? null;
    },
    async recordGrantAffiliation(grantId, sub, memberId) {
      affiliations.set(grantId, { sub, memberId });
    },
    async grantAffiliation(grantId) {
      return affiliations.get(grantId)?.memberId ?? null;
    },
  };
}

export function createEventRecorder(): IdentityEventLog & { readonly events: IdentityEvent[] } {
  const events: IdentityEvent[] = [];
  return {
    events,
    async record(event) {
      events.push(event);
    },
  };
}

export interface RunningServer {
  readonly url: string;
  readonly server: http.Server;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1, port 0; `close` ends every open connection. */
export async function listen(handler: http.RequestListener): Promise<RunningServer> {
  const server = http.createServer(handler);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, "close");
    },
  };
}

/** Who the test-only interaction endpoint signs in (stands in for the real sign-in pages). */
export interface SignInAs {
  sub: string;
  memberId: string;
  acr: string;
  amr: string[];
}

/**
 * One node: an OpenID Provider mounted at /oidc on a plain node:http server, plus a test-only
 * `/interaction/:uid` that ends the interaction for `signInAs` with the sign-in's own last use case
 * (`finishSignIn`: the grant, its affiliation, the login).
 */
export async function startNode(
  options: Omit<OpenIdProviderOptions, "interactionUrl" | "issuer"> & { issuer?: string },
  signInAs: SignInAs,
  port?: number,
): Promise<{ op: OpenIdProvider; server: RunningServer; signInAs: SignInAs }> {
  let op: OpenIdProvider | undefined;
  const state = { signInAs };
  const handler: http.RequestListener = (req, res) => {
    if (op === undefined) {
      res.statusCode = 503;
      res.end();
      return;
    }
    const url = req.url ?? "/";
    if (url.startsWith("/oidc")) return op.handler(req, res);
    if (url.startsWith("/interaction/")) {
      const interactions = op.interactions;
      interactions
        .details(req, res)
        .then((details) =>
          finishSignIn(
            { gateway: interactions, people: options.people },
            details,
            { req, res },
            state.signInAs,
          ),
        )
        .then(({ redirectTo }) => {
          res.statusCode = 303;
          res.setHeader("location", redirectTo);
          res.end();
        })
        .catch((error: unknown) => {
          res.statusCode = 400;
          res.end(String(error));
        });
      return;
    }
    res.statusCode = 404;
    res.end();
  };
  const server = port === undefined ? await listen(handler) : await listenOn(handler, port);
  op = await createOpenIdProvider({
    ...options,
    issuer: options.issuer ?? `${server.url}/oidc`,
    interactionUrl: (uid) => `/interaction/${uid}`,
  });
  return { op, server, signInAs: state.signInAs };
}

async function listenOn(handler: http.RequestListener, port: number): Promise<RunningServer> {
  const server = http.createServer(handler);
  server.listen(port, "127.0.0.1");
  await once(server, "listening");
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, "close");
    },
  };
}

/**
 * A load balancer on 127.0.0.1 in front of several nodes: every request goes to `target` (set
 * by the test), so one flow can hop from node to node under one issuer URL.
 */
export async function startLoadBalancer(
  nodes: () => readonly RunningServer[],
): Promise<RunningServer & { target: number }> {
  const lb = {
    target: 0,
  };
  const running = await listen((req, res) => {
    const node = nodes()[lb.target];
    if (node === undefined) {
      res.statusCode = 502;
      res.end();
      return;
    }
    const upstream = http.request(
      `${node.url}${req.url ?? "/"}`,
      { method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => {
      res.statusCode = 502;
      res.end();
    });
    req.pipe(upstream);
  });
  return Object.assign(lb, running);
}

/** Default options of a test provider (the adapter and stores vary per test). */
export function providerOptions(deps: {
  adapter: AdapterFactory;
  keyStore: SigningKeyStore;
  clients: ServiceClientRegistry;
  people: PersonDirectory;
  events?: IdentityEventLog;
  /** Default: none registered (every `resource=` is refused). */
  resourceServers?: ResourceServerDirectory;
  now?: () => Date;
}): Omit<OpenIdProviderOptions, "interactionUrl" | "issuer"> {
  return {
    adapter: deps.adapter,
    keyStore: deps.keyStore,
    clients: deps.clients,
    people: deps.people,
    resourceServers: deps.resourceServers ?? { findByAudience: async () => null },
    events: deps.events ?? createEventRecorder(),
    cookieKeys: ["test-cookie-key-0123456789abcdef0123456789"],
    allowPrivateNetworkBackchannel: true,
    secureCookies: false,
    keyRefreshSeconds: 3600,
    ...(deps.now === undefined ? {} : { now: deps.now }),
  };
}

/** A minimal cookie-keeping user agent that follows redirects by hand (`redirect: "manual"`). */
export class TestBrowser {
  readonly cookies = new Map<string, string>();

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  keep(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /expires=thu, 01 jan 1970/i.test(a.trim())) || value === "";
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set("cookie", this.cookieHeader());
    const response = await fetch(url, { ...init, headers, redirect: "manual" });
    this.keep(response);
    return response;
  }

  /**
   * Follows redirects from `url` while they stay on `origin` (at most 10 hops); returns the first
   * response that is not a redirect to `origin` (a redirect to a relying party, or a page).
   */
  async follow(
    url: string,
    origin: string,
    init: RequestInit = {},
  ): Promise<{ response: Response; url: string }> {
    let current = url;
    let response = await this.request(current, init);
    for (let hop = 0; hop < 10; hop++) {
      const location = response.headers.get("location");
      if (response.status < 300 || response.status >= 400 || location === null)
        return { response, url: current };
      const next = new URL(location, current).href;
      if (!next.startsWith(origin)) return { response, url: current };
      current = next;
      response = await this.request(current);
    }
    throw new Error("too many redirects");
  }
}

/** A confidential sign-in service of entente e1 with a redirect on `rp` (a test relying party). */
export function signInService(rp: string, extra: Partial<ServiceClientInput> = {}): ServiceClientInput {
  return {
    name: "Service de test",
    redirectUris: [`${rp}/cb`],
    postLogoutRedirectUris: [`${rp}/bye`],
    backchannelLogoutUri: `${rp}/backchannel`,
    grantTypes: ["authorization_code", "refresh_token"],
    tokenEndpointAuthMethod: "client_secret_basic",
    scopes: ["openid", "profile", "email", "organization", "groups"],
    policy: { memberIds: null, roles: null, groups: null },
    requiredAcr: null,
    enabled: true,
    ...extra,
  };
}

/** openid-client configuration of a service, allowed to talk http to 127.0.0.1. */
export async function relyingParty(
  issuer: string,
  clientId: string,
  secret: string | null,
): Promise<client.Configuration> {
  return client.discovery(
    new URL(issuer),
    clientId,
    undefined,
    secret === null ? client.None() : client.ClientSecretBasic(secret),
    { execute: [client.allowInsecureRequests] },
  );
}

/**
 * A full sign-in through `browser`: authorization request with PKCE S256, the test interaction,
 * the redirect back; returns the tokens of the code redemption.
 */
export async function signIn(
  config: client.Configuration,
  browser: TestBrowser,
  opOrigin: string,
  redirectUri: string,
  parameters: Record<string, string> = {},
): Promise<{
  tokens: client.TokenEndpointResponse & client.TokenEndpointResponseHelpers;
  callback: URL;
  verifier: string;
  state: string;
}> {
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: "openid profile email organization groups",
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state,
    ...parameters,
  });
  const { response } = await browser.follow(url.href, opOrigin);
  const location = response.headers.get("location");
  if (location === null)
    throw new Error(`no redirect to the service: ${response.status} ${await response.text()}`);
  const callback = new URL(location);
  const tokens = await client.authorizationCodeGrant(config, callback, {
    pkceCodeVerifier: verifier,
    expectedState: state,
  });
  return { tokens, callback, verifier, state };
}

export const ONE_FACTOR_SIGN_IN: SignInAs = {
  sub: ALICE.sub,
  memberId: "sitiv",
  acr: ACR_ONE_FACTOR,
  amr: ["pwd"],
};

/** Inserts a bare entente row (service clients reference it). */
export async function insertEntente(
  db: import("kysely").Kysely<import("../../src/identity/db/tables.ts").IdentityDatabase>,
  id: string,
): Promise<void> {
  await db
    .insertInto("entente")
    .values({ id, name: `Entente ${id}`, legal_basis: "[]", rounding_unit: "euro", default_key: "k" })
    .onConflict((oc) => oc.column("id").doNothing())
    .execute();
}

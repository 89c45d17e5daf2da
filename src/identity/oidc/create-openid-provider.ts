import { createHash, randomUUID, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import Provider, {
  type Adapter,
  type AdapterFactory,
  type Configuration,
  interactionPolicy,
  type KoaContextWithOIDC,
} from "oidc-provider";
import {
  ACR_ONE_FACTOR,
  ACR_TWO_FACTORS,
  type IdentityEvent,
  type IdentityEventLog,
  type InteractionGateway,
  type PersonDirectory,
  type ServiceClientRegistry,
  type SigningKeyStore,
} from "../app/ports.ts";
import { EXTRA_CLIENT_PROPERTIES, toClientMetadata } from "./client-metadata.ts";
import { createInteractionGateway } from "./interaction-gateway.ts";
import { CLAIMS_BY_SCOPE, pickAffiliation, pivotClaimsOf, SUPPORTED_SCOPES } from "./pivot-claims.ts";
import { type PageLang, PLAIN_PROVIDER_PAGES, type ProviderPages } from "./provider-pages.ts";
import { ACR_RANK, requiredAcrOf } from "./required-acr.ts";
import { ensureSigningKeys, toProviderJwks } from "./signing-keys.ts";
import {
  ACCESS_TOKEN_TTL_SECONDS,
  AUTHORIZATION_CODE_TTL_SECONDS,
  CLIENT_CREDENTIALS_TTL_SECONDS,
  GRANT_TTL_SECONDS,
  ID_TOKEN_TTL_SECONDS,
  INTERACTION_TTL_SECONDS,
  REFRESH_TOKEN_TTL_SECONDS,
  SESSION_TTL_SECONDS,
} from "./token-lifetimes.ts";

/** What `createOpenIdProvider` needs; everything is injected (nothing is read from the environment). */
export interface OpenIdProviderOptions {
  /** Issuer identifier, the URL of the /oidc mount, e.g. `https://entente.example.fr/oidc` (no trailing slash). */
  readonly issuer: string;
  /** oidc-provider storage: `createDatabaseOidcAdapter(db)` or `createRedisOidcAdapter(redis)` (src/db). */
  readonly adapter: AdapterFactory;
  readonly keyStore: SigningKeyStore;
  readonly clients: ServiceClientRegistry;
  readonly people: PersonDirectory;
  /** Keys signing the provider's cookies, newest first; the same on every node (derived from SESSION_SECRET). */
  readonly cookieKeys: readonly string[];
  /** URL of the sign-in pages for an interaction (`/interaction/:uid`). */
  readonly interactionUrl: (uid: string) => string;
  /** HTML of the pages oidc-provider renders itself; default: plain pages (tests). */
  readonly pages?: ProviderPages;
  /** Audit log: logouts and tokens issued to people (codes exchanged, refreshes; not client credentials). */
  readonly events: IdentityEventLog;
  /**
   * Re-checks a service's access policy when an existing grant would let a person in without an
   * interaction (single sign-on); false: the grant is ignored and the interaction runs again.
   */
  readonly authorizeExistingGrant?: (grant: {
    readonly sub: string;
    readonly clientId: string;
    readonly grantId: string;
  }) => Promise<boolean>;
  /**
   * TEST/DEV ONLY. oidc-provider ≥ 9.7 refuses outgoing requests (back-channel logout) to
   * loopback and private addresses (an SSRF guard, through the `dispatcher` it passes to its
   * `fetch` helper). true removes that dispatcher so services on 127.0.0.1 get their logout tokens.
   */
  readonly allowPrivateNetworkBackchannel: boolean;
  /** Cookies marked Secure, and X-Forwarded-Proto trusted (TLS ends at a proxy). true in production. */
  readonly secureCookies: boolean;
  /** Every node re-reads the signing keys this often (seconds) and swaps its provider when they changed. */
  readonly keyRefreshSeconds: number;
  /** Request id shown on error pages; default: a safe `x-request-id` header, else a new UUID. */
  readonly requestIdOf?: (req: IncomingMessage) => string;
  /** Housekeeping run on the key refresh timer (e.g. `() => pruneOidcPayloads(db)`). */
  readonly housekeeping?: () => Promise<unknown>;
  /** Errors that cannot reach a response (key reload, audit log, back-channel delivery); default: ignored. */
  readonly onError?: (error: unknown) => void;
  readonly now?: () => Date;
}

/** The OpenID Provider as the HTTP layer and the sign-in pages use it. */
export interface OpenIdProvider {
  /** Node request handler for the /oidc mount (prefix stripped with `req.originalUrl` kept, or not stripped). */
  handler(req: IncomingMessage, res: ServerResponse): void;
  readonly interactions: InteractionGateway;
  /** Re-reads the signing keys now; swaps the provider when they changed. */
  reloadKeys(): Promise<void>;
  /** The JWKS currently published (public keys), for tests and the CLI. */
  publishedKids(): readonly string[];
  /** Stops the refresh timer. */
  close(): Promise<void>;
}

const SAFE_REQUEST_ID = /^[\w.:-]{1,100}$/;

function langOf(ctx: KoaContextWithOIDC): PageLang {
  const accepted = ctx.acceptsLanguages("fr", "en");
  return accepted === "en" ? "en" : "fr";
}

/**
 * Entente's OpenID Provider on oidc-provider 9 (DESIGN.md pillar 2): authorization code with
 * PKCE S256 required for every client (RFC 7636, OAuth 2.0 Security BCP §2.1.1), refresh tokens
 * rotated at each use, client credentials, introspection (RFC 7662), revocation (RFC 7009),
 * userinfo, RP-initiated logout 1.0, back-channel logout 1.0, discovery and JWKS.
 *
 * Refresh tokens (decision): issued to a service that has the `refresh_token` grant type when it
 * is confidential (bound to the session: they die with it at logout) or when `offline_access`
 * was granted (which oidc-provider grants only with `prompt=consent`); rotated at every use.
 *
 * Signing keys come from `keyStore` (`ensureSigningKeys` creates them on first start) and are
 * re-read every `keyRefreshSeconds`; when they changed, a new oidc-provider instance is built
 * with the same storage and swapped in (requests in flight finish on the old one).
 * @throws whatever the key store throws at start (database unreachable).
 */
export async function createOpenIdProvider(options: OpenIdProviderOptions): Promise<OpenIdProvider> {
  const now = options.now ?? (() => new Date());
  const pages = options.pages ?? PLAIN_PROVIDER_PAGES;
  const onError = options.onError ?? (() => {});
  const requestIdOf =
    options.requestIdOf ??
    ((req: IncomingMessage) => {
      const header = req.headers["x-request-id"];
      return typeof header === "string" && SAFE_REQUEST_ID.test(header) ? header : randomUUID();
    });
  const record = (
    event: Omit<IdentityEvent, "at" | "memberId" | "sourceId" | "code" | "ip"> & Partial<IdentityEvent>,
  ) => {
    options.events
      .record({ at: now(), memberId: null, sourceId: null, code: null, ip: null, ...event })
      .catch(onError);
  };

  // Services come from the registry on every lookup (oidc-provider caches the parsed metadata by
  // its hash). The database registry keeps what it read for ≤ 5 s on this node and forgets it at
  // each write made here (src/db/service-client-store.ts): a disabled or deleted service is
  // refused at once on the node that changed it, within 5 s on the others: invalid_client.
  const clientAdapter: Adapter = {
    async find(id) {
      const [service, secret] = await Promise.all([
        options.clients.findClient(id),
        options.clients.clientSecret(id),
      ]);
      if (service === null || !service.enabled) return undefined;
      return toClientMetadata(service, secret) as never;
    },
    async upsert() {},
    async findByUid() {
      return undefined;
    },
    async findByUserCode() {
      return undefined;
    },
    async consume() {},
    async destroy() {},
    async revokeByGrantId() {},
  };
  const adapter: AdapterFactory = (name) => (name === "Client" ? clientAdapter : options.adapter(name));

  const policy = interactionPolicy.base();
  // Single sign-on must not skip a stronger authentication the service needs (OIDC Core §3.1.2.1 acr_values).
  policy.get("login")?.checks.add(
    new interactionPolicy.Check("entente_acr", "a stronger authentication is required", (ctx) => {
      const { oidc } = ctx;
      if (oidc.session?.accountId === undefined || oidc.client === undefined)
        return interactionPolicy.Check.NO_NEED_TO_PROMPT;
      const registered = (oidc.client as unknown as Record<string, unknown>).entente_required_acr;
      const needed = requiredAcrOf(
        typeof registered === "string" ? registered : null,
        oidc.params?.acr_values as string | undefined,
      );
      const has = ACR_RANK[oidc.session.acr ?? ""] ?? 0;
      return has >= (ACR_RANK[needed] ?? 1)
        ? interactionPolicy.Check.NO_NEED_TO_PROMPT
        : interactionPolicy.Check.REQUEST_PROMPT;
    }),
  );

  const configuration = (jwks: { keys: Record<string, unknown>[] }): Configuration => ({
    adapter,
    clients: [],
    jwks: jwks as Configuration["jwks"],
    acrValues: [ACR_ONE_FACTOR, ACR_TWO_FACTORS],
    scopes: SUPPORTED_SCOPES,
    claims: {
      ...CLAIMS_BY_SCOPE,
      // acr and amr in every ID token: services decide on them (OIDC Core §2).
      openid: [...CLAIMS_BY_SCOPE.openid, "acr", "amr", "auth_time"],
      sid: null,
    } as unknown as Configuration["claims"],
    responseTypes: ["code"],
    pkce: { required: () => true },
    cookies: {
      keys: [...options.cookieKeys],
      long: { httpOnly: true, sameSite: "lax", secure: options.secureCookies, signed: true },
      short: { httpOnly: true, sameSite: "lax", secure: options.secureCookies, signed: true },
    },
    extraClientMetadata: { properties: [...EXTRA_CLIENT_PROPERTIES] },
    interactions: {
      policy,
      url: (_ctx, interaction) => options.interactionUrl(interaction.uid),
    },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      introspection: {
        enabled: true,
        // A service reads its own tokens; a confidential service also those of the services of
        // its entente (a resource server checking a token another service obtained). Never across ententes.
        async allowedPolicy(_ctx, client, token) {
          if (token.clientId === client.clientId) return true;
          if (client.clientAuthMethod === "none" || token.clientId === undefined) return false;
          const owner = await options.clients.findClient(token.clientId);
          return (
            owner !== null && owner.ententeId === (client as unknown as { entente_id?: string }).entente_id
          );
        },
      },
      revocation: {
        enabled: true,
        async allowedPolicy(_ctx, client, token) {
          // RFC 7009 §2.1: a client revokes only its own tokens.
          return token.clientId === client.clientId;
        },
      },
      userinfo: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        async logoutSource(ctx, form) {
          ctx.type = "html";
          ctx.body = pages.logoutSource(form, langOf(ctx));
        },
        async postLogoutSuccessSource(ctx) {
          ctx.type = "html";
          ctx.body = pages.postLogoutSuccess(langOf(ctx), ctx.oidc.client?.clientName ?? null);
        },
      },
      backchannelLogout: { enabled: true },
    },
    async findAccount(ctx, sub, token) {
      const person = await options.people.findPerson(sub);
      if (person === null) return undefined;
      return {
        accountId: sub,
        async claims() {
          const grantId =
            (token as { grantId?: string } | undefined)?.grantId ??
            ctx.oidc.entities.Grant?.jti ??
            (ctx.oidc.result?.consent as { grantId?: string } | undefined)?.grantId;
          const memberId = grantId === undefined ? null : await options.people.grantAffiliation(grantId);
          const entente =
            (ctx.oidc.client as unknown as { entente_id?: string } | undefined)?.entente_id ?? null;
          return pivotClaimsOf(person, pickAffiliation(person, memberId, entente)) as never;
        },
      };
    },
    async loadExistingGrant(ctx) {
      const justGiven = (ctx.oidc.result?.consent as { grantId?: string } | undefined)?.grantId;
      const clientId = ctx.oidc.client?.clientId;
      if (clientId === undefined) return undefined;
      const grantId = justGiven ?? ctx.oidc.session?.grantIdFor(clientId);
      if (grantId === undefined) return undefined;
      const grant = await ctx.oidc.provider.Grant.find(grantId);
      if (grant === undefined || grant.accountId === undefined) return undefined;
      if (grantId !== justGiven && options.authorizeExistingGrant !== undefined) {
        const allowed = await options.authorizeExistingGrant({ sub: grant.accountId, clientId, grantId });
        if (!allowed) return undefined;
      }
      return grant;
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
    async renderError(ctx, out) {
      const requestId = requestIdOf(ctx.req);
      ctx.set("x-request-id", requestId);
      ctx.type = "html";
      ctx.body = pages.error(out as { error: string; error_description?: string }, requestId, langOf(ctx));
    },
    fetch: (url, init) => {
      if (options.allowPrivateNetworkBackchannel && init !== undefined) {
        // The library's documented seam: the SSRF-guarding dispatcher arrives in the options.
        delete (init as { dispatcher?: unknown }).dispatcher;
      }
      return globalThis.fetch(url, init);
    },
  });

  const build = (jwks: { keys: Record<string, unknown>[] }) => {
    const provider = new Provider(options.issuer, configuration(jwks));
    provider.proxy = options.secureCookies;
    // Secrets are stored as SHA-256 (src/db/service-client-store.ts): compare the presented
    // secret's hash. The library exposes this prototype method for hashed secrets (issue #631).
    provider.Client.prototype.compareClientSecret = function compareHashedSecret(
      this: { clientSecret?: string },
      actual: string,
    ) {
      if (typeof this.clientSecret !== "string") return false;
      const presented = Buffer.from(createHash("sha256").update(actual, "utf8").digest("base64url"));
      const stored = Buffer.from(this.clientSecret);
      return presented.length === stored.length && timingSafeEqual(presented, stored);
    } as never;
    // Audit of tokens (written without making the token request wait: `record` does not await).
    // Client credentials are not recorded: no person signs in (issue 4 audits sign-ins, refusals
    // and logouts), and a service asking a token per call would flood the log. Codes exchanged
    // (a person reaching a service) and refresh tokens are.
    provider.on("grant.success", (ctx) => {
      if (ctx.oidc.params?.grant_type === "client_credentials") return;
      const entente = (ctx.oidc.client as unknown as { entente_id?: string } | undefined)?.entente_id ?? null;
      record({
        kind: "token_issued",
        ententeId: entente,
        sub: ctx.oidc.account?.accountId ?? null,
        clientId: ctx.oidc.client?.clientId ?? null,
        requestId: requestIdOf(ctx.req),
        ip: ctx.ip,
        details: { grant_type: String(ctx.oidc.params?.grant_type ?? "") },
      });
    });
    provider.on("end_session.success", (ctx) => {
      record({
        kind: "logout",
        ententeId: (ctx.oidc.client as unknown as { entente_id?: string } | undefined)?.entente_id ?? null,
        sub: ctx.oidc.session?.accountId ?? null,
        clientId: ctx.oidc.client?.clientId ?? null,
        requestId: requestIdOf(ctx.req),
        ip: ctx.ip,
        details: {},
      });
    });
    provider.on("backchannel.error", (ctx, error, client, accountId) => {
      onError(error);
      record({
        kind: "logout",
        ententeId: (client as unknown as { entente_id?: string }).entente_id ?? null,
        sub: accountId,
        clientId: client.clientId,
        requestId: requestIdOf(ctx.req),
        details: { backchannel: "failed", reason: error.message },
      });
    });
    provider.on("server_error", (_ctx, error) => onError(error));
    return { provider, callback: provider.callback() };
  };

  await ensureSigningKeys(options.keyStore, now);
  let fingerprint = "";
  let published: string[] = [];
  let current: ReturnType<typeof build> | undefined;
  const reloadKeys = async () => {
    const jwks = toProviderJwks(await options.keyStore.listKeys(), now());
    const kids = jwks.keys.map((k) => String(k.kid));
    const next = kids.join(",");
    if (next === fingerprint && current !== undefined) return;
    current = build(jwks);
    fingerprint = next;
    published = kids;
  };
  await reloadKeys();

  const mountPath = new URL(options.issuer).pathname.replace(/\/$/, "");
  const active = () => {
    if (current === undefined) throw new Error("OpenID Provider not started");
    return current.provider;
  };
  let timer: NodeJS.Timeout | undefined = setInterval(() => {
    reloadKeys()
      .then(() => options.housekeeping?.())
      .catch(onError);
  }, options.keyRefreshSeconds * 1000);
  timer.unref();

  return {
    handler(req, res) {
      const url = req.url ?? "/";
      if (
        mountPath !== "" &&
        (url === mountPath || url.startsWith(`${mountPath}/`) || url.startsWith(`${mountPath}?`))
      ) {
        const mounted = req as IncomingMessage & { originalUrl?: string };
        mounted.originalUrl ??= url;
        req.url = url.slice(mountPath.length) || "/";
      }
      if (current === undefined) throw new Error("OpenID Provider not started");
      void current.callback(req, res);
    },
    interactions: createInteractionGateway({
      provider: active,
      clients: options.clients,
      people: options.people,
    }),
    reloadKeys,
    publishedKids: () => published,
    async close() {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
    },
  };
}

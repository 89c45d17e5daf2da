import type { IncomingMessage, ServerResponse } from "node:http";
import Provider, { type AdapterFactory } from "oidc-provider";
import type { SessionsEnded } from "../app/admin/identity-admin-ports.ts";
import type {
  IdentityEventLog,
  InteractionGateway,
  PersonDirectory,
  ServiceClientRegistry,
} from "../app/ports.ts";
import type { SigningKeyStore } from "../app/provider-ports.ts";
import type { ResourceServerDirectory } from "../app/resource-server-ports.ts";
import { createClientAdapter } from "./client-adapter.ts";
import { consumeCodeOnPkceFailure } from "./consume-code-on-pkce-failure.ts";
import { endSessions } from "./end-sessions.ts";
import { type AfterGlobalLogout, propagateGlobalLogout } from "./global-logout.ts";
import { compareHashedClientSecrets } from "./hashed-client-secrets.ts";
import { createInteractionGateway } from "./interaction-gateway.ts";
import { createKeySwappedProvider } from "./key-swapped-provider.ts";
import type { ExistingGrantCheck } from "./load-existing-grant.ts";
import { mountPathOf, stripMountPath } from "./mount-path.ts";
import { providerConfiguration } from "./provider-configuration.ts";
import { auditProviderEvents, type ProviderEvent } from "./provider-events.ts";
import { PLAIN_PROVIDER_PAGES, type ProviderPages } from "./provider-pages.ts";
import { requestIdOf as defaultRequestIdOf } from "./request-id.ts";

/** What `createOpenIdProvider` needs; everything is injected (nothing is read from the environment). */
export interface OpenIdProviderOptions {
  /** Issuer identifier, the URL of the /oidc mount, e.g. `https://entente.example.fr/oidc` (no trailing slash). */
  readonly issuer: string;
  /** oidc-provider storage: `createDatabaseOidcAdapter(db)` or `createRedisOidcAdapter(redis)` (src/identity/db). */
  readonly adapter: AdapterFactory;
  readonly keyStore: SigningKeyStore;
  readonly clients: ServiceClientRegistry;
  readonly people: PersonDirectory;
  /** The registered resource servers (RFC 8707 `resource=`); an empty directory refuses every resource. */
  readonly resourceServers: ResourceServerDirectory;
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
  readonly authorizeExistingGrant?: ExistingGrantCheck;
  /** After a logout of the whole session: where to go first (the member's IdP, see `propagateGlobalLogout`). */
  readonly afterGlobalLogout?: AfterGlobalLogout;
  /**
   * TEST/DEV ONLY. oidc-provider ≥ 9.7 refuses outgoing requests (back-channel logout) to
   * loopback and private addresses (an SSRF guard, through the `dispatcher` it passes to its
   * `fetch` helper). true removes that dispatcher so services on 127.0.0.1 get their logout tokens.
   */
  readonly allowPrivateNetworkBackchannel: boolean;
  /** Cookies marked Secure (true in production): set only on requests that came over HTTPS. */
  readonly secureCookies: boolean;
  /**
   * Whether Koa reads `X-Forwarded-For/-Proto/-Host` (`app.proxy`, one address at most). Only
   * inside the server `buildApp` builds, which replaces them on every request with what its one
   * trusted-proxy rule derived (`normalizeForwardedHeaders`); default false (a bare HTTP server).
   */
  readonly trustForwardedHeaders?: boolean;
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
  /** Ends these sessions (back-channel logout to their services, grants revoked); see `endSessions`. */
  endSessions(sessionIds: readonly string[]): Promise<SessionsEnded>;
  /** Stops the refresh timer. */
  close(): Promise<void>;
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
 * Assembled from: the configuration (`providerConfiguration`), the services as the `Client`
 * storage (`createClientAdapter`), hashed client secrets, the audit of the provider's events,
 * the signing keys re-read every `keyRefreshSeconds` (`createKeySwappedProvider`) and the
 * interaction gateway the sign-in pages use.
 * @throws whatever the key store throws at start (database unreachable).
 */
export async function createOpenIdProvider(options: OpenIdProviderOptions): Promise<OpenIdProvider> {
  const now = options.now ?? (() => new Date());
  const onError = options.onError ?? (() => {});
  const requestIdOf = options.requestIdOf ?? defaultRequestIdOf;
  const record = (event: ProviderEvent) => {
    options.events
      .record({ at: now(), memberId: null, sourceId: null, code: null, ip: null, ...event })
      .catch(onError);
  };
  const clientAdapter = createClientAdapter(options.clients);
  const parts = {
    ...options,
    adapter: ((name) => (name === "Client" ? clientAdapter : options.adapter(name))) as AdapterFactory,
    pages: options.pages ?? PLAIN_PROVIDER_PAGES,
    authorizeExistingGrant: options.authorizeExistingGrant,
    requestIdOf,
  };
  const instance = await createKeySwappedProvider(
    options.keyStore,
    (jwks) => {
      const provider = new Provider(options.issuer, providerConfiguration(parts, jwks));
      provider.proxy = options.trustForwardedHeaders ?? false;
      provider.maxIpsCount = 1;
      compareHashedClientSecrets(provider);
      consumeCodeOnPkceFailure(provider);
      auditProviderEvents(provider, { record, requestIdOf, onError });
      if (options.afterGlobalLogout !== undefined)
        propagateGlobalLogout(provider, options.afterGlobalLogout, onError);
      return provider;
    },
    now,
  );
  let timer: NodeJS.Timeout | undefined = setInterval(() => {
    instance
      .reloadKeys()
      .then(() => options.housekeeping?.())
      .catch(onError);
  }, options.keyRefreshSeconds * 1000);
  timer.unref();
  const mountPath = mountPathOf(options.issuer);
  return {
    handler(req, res) {
      stripMountPath(req, mountPath);
      instance.handle(req, res);
    },
    interactions: createInteractionGateway({
      provider: instance.provider,
      clients: options.clients,
      resourceServers: options.resourceServers,
    }),
    reloadKeys: instance.reloadKeys,
    publishedKids: instance.publishedKids,
    endSessions: (sessionIds) => endSessions(instance.provider(), sessionIds, onError),
    async close() {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
    },
  };
}

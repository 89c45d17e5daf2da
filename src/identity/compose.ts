// Composition of the identity federation (issue 4, DESIGN.md pillar 2) on an open database: the
// OpenID Provider mounted at /oidc, the sign-in pages at /interaction, the upstream connectors,
// the pivot directory, second factors, and the administration API. src/main.ts runs it; the
// identity tests and benchmarks use the same wiring.
import { hkdfSync, randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import {
  type AccountStore,
  createLoginFailureStore,
  createLoginThrottle,
  type PasswordHasher,
} from "../access/index.ts";
import type { OpenDatabase } from "../platform/db/open-database.ts";
import type { TransientStore } from "../platform/db/transient-store.ts";
import { createDatabaseTransientStore, createRedisTransientStore } from "../platform/db/transient-store.ts";
import type { RouteRegistrar } from "../platform/http/app-deps.ts";
import type {
  IdentityEventReader,
  PersonSessionTerminator,
  SessionTerminator,
} from "./app/admin/identity-admin-ports.ts";
import { createIdentityDirectory } from "./app/identity-directory.ts";
import { createIdpInitiatedLogout } from "./app/idp-initiated-logout.ts";
import type { IdentityEventLog, IdentityRouting, PersonDirectory } from "./app/ports.ts";
import type { ServiceClientStore } from "./app/provider-ports.ts";
import { createExistingGrantCheck } from "./app/recheck-existing-grant.ts";
import type { ResourceServerAdmin } from "./app/resource-server-ports.ts";
import { createResourceServerRegistry } from "./app/resource-server-registry.ts";
import {
  type DemoAccountOfExample,
  type ExampleEntente,
  type SeededIdentity,
  seedIdentityExample,
  seedPortalClient,
} from "./app/seed-identity-example.ts";
import type { ServiceAccessPolicy } from "./app/service-access-port.ts";
import { createServiceRegistry } from "./app/service-registry.ts";
import type { SignInFlowDeps } from "./app/sign-in/step-kit.ts";
import { upstreamCallbackPath } from "./app/sign-in/upstream-callback-url.ts";
import { createSignInFlow, type SignInFlow } from "./app/sign-in-flow.ts";
import { SIGN_IN_STATE_TTL_SECONDS } from "./app/sign-in-state.ts";
import { createUpstreamLogout, type UpstreamLogout } from "./app/upstream-logout.ts";
import { composeSamlConnector, type SamlSpUrls, samlMetadataOf, samlSloPath } from "./compose-saml.ts";
import { createIdentityAdminStore } from "./db/identity-admin-store.ts";
import { createIdentityDirectoryStore } from "./db/identity-directory-store.ts";
import { createIdentityEventStore } from "./db/identity-event-store.ts";
import { createMfaCredentialStore } from "./db/mfa-credential-store.ts";
import { createDatabaseOidcAdapter, pruneOidcPayloads } from "./db/oidc-adapter.ts";
import { createSigningKeyStore } from "./db/oidc-signing-key-store.ts";
import { createRedisOidcAdapter, REDIS_OIDC_PREFIX } from "./db/redis-oidc-adapter.ts";
import { createResourceServerStore } from "./db/resource-server-store.ts";
import { createServiceClientStore } from "./db/service-client-store.ts";
import { lastSourceOf, subOfLink } from "./db/source-sessions.ts";
import { createIdentityAdminRoutes } from "./http/identity-admin-routes.ts";
import { createInteractionRoutes } from "./http/interaction/interaction-routes.ts";
import {
  renderLoggedOutPage,
  renderLogoutPage,
  renderProviderError,
} from "./http/interaction/provider-pages.ts";
import { createUpstreamLogoutRoutes } from "./http/interaction/upstream-logout-routes.ts";
import { createOidcMount, OIDC_MOUNT_PATH } from "./http/oidc-mount.ts";
import { createSamlMetadataRoutes } from "./http/saml-metadata-routes.ts";
import { createMfaService } from "./mfa/create-mfa-service.ts";
import { createOpenIdProvider, type OpenIdProvider } from "./oidc/create-openid-provider.ts";
import { createSessionTerminator, type SessionStorage } from "./session-terminator.ts";
import { createLdapConnector } from "./upstream/ldap-connector.ts";
import { createLocalAccountConnector } from "./upstream/local-account-connector.ts";
import { createOidcConnector } from "./upstream/oidc-connector.ts";
import type { SamlSpSigning } from "./upstream/saml-logout.ts";

/** What the identity federation is composed with: the configuration and the access context's accounts. */
export interface IdentityOptions {
  /** Entente's public URL without a trailing slash (`https://entente.example.fr`); the issuer is `<publicUrl>/oidc`. */
  readonly publicUrl: string;
  /** SESSION_SECRET: the provider's cookie keys are derived from it (HKDF-SHA256), the same on every node. */
  readonly sessionSecret: string;
  /** Production: Secure cookies, https issuer, no http upstream IdPs. */
  readonly production: boolean;
  /** REDIS_URL: when set, the provider's state and the sign-in state live in Redis. */
  readonly redisUrl: string | undefined;
  readonly keyRefreshSeconds: number;
  readonly backchannelPrivateNetworks: boolean;
  /** IDENTITY_SHARED_MAIL_DOMAINS: shared consumer mail domains no member may own, beside the built-in list. */
  readonly sharedMailDomains?: readonly string[];
  /** The entente's own accounts, one more identity source (`local`). */
  readonly accounts: AccountStore;
  readonly hasher: PasswordHasher;
  readonly now: () => Date;
  /** Name shown by authenticator apps (TOTP) and security-key prompts. */
  readonly mfaIssuer?: string;
  /** Errors that reach no response (key reload, audit, back-channel delivery). */
  readonly onError?: (error: unknown) => void;
  /**
   * Another context's access policy, registered at composition: the digital workplace's
   * subscriptions decide for the services of its catalogue (src/main.ts wires it).
   */
  readonly serviceAccess?: ServiceAccessPolicy;
  /**
   * SAML_SP_KEY_FILE / SAML_SP_CERT_FILE: the key (PEM) our SAML SP signs its requests with and
   * its certificate (published in the SP metadata). Needed for SAML Single Logout; never logged.
   */
  readonly samlSpSigning?: SamlSpSigning | null;
}

/** The identity federation composed: the provider, the sign-in, the routes to register. */
export interface ComposedIdentity {
  readonly issuer: string;
  readonly provider: OpenIdProvider;
  readonly flow: SignInFlow;
  readonly registerRoutes: readonly RouteRegistrar[];
  /** Ends a person's hub sessions (back-channel logout, grants and tokens revoked): provisioning's port. */
  readonly sessions: SessionTerminator & PersonSessionTerminator;
  /** Stops the key refresh timer and closes the Redis connection. */
  close(): Promise<void>;
}

/**
 * The first start's identity set-up of the example (a local source per member, the demo
 * addresses, the demo service) on `database`; see `seedIdentityExample`.
 */
export function seedIdentityExampleOn(
  database: OpenDatabase,
  options: { readonly now: () => Date },
  ententeId: string,
  entente: ExampleEntente,
  accounts: readonly DemoAccountOfExample[],
): Promise<SeededIdentity | null> {
  return seedIdentityExample(
    {
      directory: createIdentityAdminStore(database.db, { clock: { now: options.now } }),
      services: createServiceRegistry(createServiceClientStore(database.db)),
    },
    ententeId,
    entente,
    accounts,
  );
}

/** The portal's hub client, registered on the first start with the example; see `seedPortalClient`. */
export function seedPortalClientOn(
  database: OpenDatabase,
  ententeId: string,
  publicUrl: string,
): Promise<{ readonly clientId: string }> {
  return seedPortalClient(
    { services: createServiceRegistry(createServiceClientStore(database.db)) },
    ententeId,
    publicUrl,
  );
}

/** The provider's cookie-signing key, derived from SESSION_SECRET so that every node has it. */
export function deriveCookieKey(sessionSecret: string): string {
  return Buffer.from(
    hkdfSync("sha256", sessionSecret, "entente", "oidc-provider cookie keys v1", 32),
  ).toString("base64url");
}

/** The parts of the identity federation every other part is wired to. */
interface IdentityCore {
  readonly options: IdentityOptions;
  readonly database: OpenDatabase;
  readonly redis: Redis | null;
  readonly transient: TransientStore;
  readonly clients: ServiceClientStore;
  readonly resourceServers: ResourceServerAdmin;
  readonly directory: PersonDirectory & IdentityRouting;
  readonly events: IdentityEventLog & IdentityEventReader;
  /** Our SAML SP's entityID (its metadata URL), ACS and SLO URLs for a source. */
  readonly urls: SamlSpUrls;
  readonly redirectConnectors: SignInFlowDeps["redirectConnectors"];
  readonly upstreamLogout: UpstreamLogout;
}

/** The connectors of the OIDC and SAML sources (sign-in, and logout at the member's IdP). */
function composeRedirectConnectors(
  options: IdentityOptions,
  transient: TransientStore,
  urls: SamlSpUrls,
): SignInFlowDeps["redirectConnectors"] {
  return {
    // A person may linger at the IdP as long as the sign-in's state lives, past the interaction:
    // the service then gets an OAuth error (answerExpiredSignIn) rather than a dead end.
    oidc: createOidcConnector({
      transient,
      now: options.now,
      allowInsecureRequests: !options.production,
      stateTtlSeconds: SIGN_IN_STATE_TTL_SECONDS,
    }),
    saml: composeSamlConnector({
      transient,
      urls,
      signing: options.samlSpSigning ?? null,
      now: options.now,
    }),
  };
}

/**
 * Redis at REDIS_URL, null when it is not set. ioredis is loaded only then: a tenth of a second
 * of every start otherwise.
 */
async function connectRedis(url: string | undefined): Promise<Redis | null> {
  if (url === undefined) return null;
  const { Redis } = await import("ioredis");
  return new Redis(url, { maxRetriesPerRequest: 2, lazyConnect: false });
}

/**
 * Wires the identity federation on `database` (and Redis when `redisUrl` is set). The signing
 * keys are created on first start. Routes: `/oidc/*` (the provider), `/interaction/*` (sign-in
 * pages and upstream callbacks), `/api/ententes/:id/identity/*` (administration),
 * `/interaction/saml/:sourceId/metadata` (our SAML SP metadata for the members' IdPs).
 */
export async function composeIdentity(
  database: OpenDatabase,
  options: IdentityOptions,
): Promise<ComposedIdentity> {
  const { db } = database;
  const redis = await connectRedis(options.redisUrl);
  const transient =
    redis === null ? createDatabaseTransientStore(db, options.now) : createRedisTransientStore(redis);
  const urls: SamlSpUrls = {
    sloUrlFor: (sourceId: string) => `${options.publicUrl}${samlSloPath(sourceId)}`,
    samlEntityIdFor: (sourceId: string) =>
      `${options.publicUrl}/interaction/saml/${encodeURIComponent(sourceId)}/metadata`,
    acsUrlFor: (sourceId: string) => `${options.publicUrl}${upstreamCallbackPath("saml", sourceId)}`,
  };
  const directory = createIdentityDirectory(
    createIdentityDirectoryStore(db, { clock: { now: options.now } }),
    { sharedMailDomains: options.sharedMailDomains ?? [] },
  );
  const redirectConnectors = composeRedirectConnectors(options, transient, urls);
  const events = createIdentityEventStore(db);
  const core: IdentityCore = {
    options,
    database,
    redis,
    transient,
    clients: createServiceClientStore(db),
    resourceServers: createResourceServerRegistry(createResourceServerStore(db)),
    directory,
    events,
    urls,
    redirectConnectors,
    upstreamLogout: createUpstreamLogout({
      routing: directory,
      lastSourceOf: (sub) => lastSourceOf(db, sub),
      redirectConnectors,
      state: transient,
      publicUrl: options.publicUrl,
      newState: () => randomBytes(24).toString("base64url"),
      events,
      now: options.now,
    }),
  };
  const provider = await composeProvider(core);
  const flow = composeSignIn(core, provider);
  return {
    issuer: `${options.publicUrl}${OIDC_MOUNT_PATH}`,
    provider,
    flow,
    registerRoutes: composeRoutes(core, provider, flow),
    sessions: createSessionTerminator(sessionStorage(core), provider),
    async close() {
      await provider.close();
      if (redis !== null) await redis.quit().catch(() => undefined); // a lost connection has nothing left to close
    },
  };
}

/** The OpenID Provider at `<publicUrl>/oidc`, its storage in Redis or the database. */
function composeProvider(core: IdentityCore): Promise<OpenIdProvider> {
  const { options, database, redis } = core;
  const { db } = database;
  return createOpenIdProvider({
    issuer: `${options.publicUrl}${OIDC_MOUNT_PATH}`,
    adapter:
      redis === null
        ? createDatabaseOidcAdapter(db, options.now)
        : createRedisOidcAdapter(redis, REDIS_OIDC_PREFIX),
    keyStore: createSigningKeyStore(db),
    clients: core.clients,
    people: core.directory,
    resourceServers: core.resourceServers,
    cookieKeys: [deriveCookieKey(options.sessionSecret)],
    interactionUrl: (uid) => `/interaction/${encodeURIComponent(uid)}`,
    pages: {
      logoutSource: renderLogoutPage,
      postLogoutSuccess: renderLoggedOutPage,
      error: renderProviderError,
    },
    events: core.events,
    authorizeExistingGrant: createExistingGrantCheck({
      people: core.directory,
      clients: core.clients,
      events: core.events,
      now: options.now,
      serviceAccess: options.serviceAccess,
    }),
    afterGlobalLogout: core.upstreamLogout.afterGlobalLogout,
    allowPrivateNetworkBackchannel: options.backchannelPrivateNetworks,
    secureCookies: options.production,
    trustForwardedHeaders: true, // buildApp normalizes X-Forwarded-* (TRUSTED_PROXIES)
    keyRefreshSeconds: options.keyRefreshSeconds,
    housekeeping: () => pruneOidcPayloads(db, options.now()),
    ...(options.onError === undefined ? {} : { onError: options.onError }),
    now: options.now,
  });
}

/** The sign-in's use cases over the connectors of every kind of source, second factors and the throttle. */
function composeSignIn(core: IdentityCore, provider: OpenIdProvider): SignInFlow {
  const { options, directory, transient } = core;
  const { db } = core.database;
  return createSignInFlow({
    routing: directory,
    people: directory,
    events: core.events,
    passwordConnectors: {
      ldap: createLdapConnector(),
      local: createLocalAccountConnector({
        accounts: options.accounts,
        hasher: options.hasher,
        now: options.now,
        registeredSourceOf: async (email) => {
          const route = await directory.routeEmail(email);
          return route?.via === "registered-address" ? route.source.id : null;
        },
      }),
    },
    redirectConnectors: core.redirectConnectors,
    mfa: createMfaService({
      store: createMfaCredentialStore(db),
      publicUrl: options.publicUrl,
      issuer: options.mfaIssuer ?? "Entente",
      now: options.now,
    }),
    // The one sign-in throttle of the server, over the same table as the console's (access).
    throttle: createLoginThrottle(createLoginFailureStore(core.database.db)),
    clock: { now: options.now },
    gateway: provider.interactions,
    state: transient,
    publicUrl: options.publicUrl,
    ...(options.serviceAccess === undefined ? {} : { serviceAccess: options.serviceAccess }),
  });
}

/** The routes: the provider's mount, the sign-in pages, our SAML SP metadata, the administration API. */
function composeRoutes(core: IdentityCore, provider: OpenIdProvider, flow: SignInFlow): RouteRegistrar[] {
  const { options, database } = core;
  return [
    createOidcMount(() => provider.handler),
    createInteractionRoutes({ flow, gateway: provider.interactions, publicUrl: options.publicUrl }),
    createUpstreamLogoutRoutes(
      core.upstreamLogout,
      createIdpInitiatedLogout({
        routing: core.directory,
        connector: core.redirectConnectors.saml,
        subOfLink: (sourceId, upstreamId) => subOfLink(database.db, sourceId, upstreamId),
        endSessionsOf: (sub) =>
          createSessionTerminator(sessionStorage(core), provider).endSessionsOfPerson(sub),
        events: core.events,
        now: options.now,
      }),
    ),
    createSamlMetadataRoutes({
      metadataFor: async (sourceId) =>
        samlMetadataOf(await core.directory.findSource(sourceId), core.urls, options.samlSpSigning ?? null),
    }),
    createIdentityAdminRoutes({
      directory: createIdentityAdminStore(database.db, {
        clock: { now: options.now },
        sharedMailDomains: options.sharedMailDomains ?? [],
      }),
      events: core.events,
      services: createServiceRegistry(core.clients),
      resourceServers: core.resourceServers,
      sessions: createSessionTerminator(sessionStorage(core), provider),
    }),
  ];
}

/** Where the provider keeps its sessions (the database or Redis), for `createSessionTerminator`. */
function sessionStorage(core: IdentityCore): SessionStorage {
  return { db: core.database.db, redis: core.redis, now: core.options.now };
}

// Composition of the digital workplace (issue 11, DESIGN.md pillar 3) on an open database: the
// catalogue, subscriptions, launcher feed and entitlements stores, their routes, and the access
// policy identity asks at sign-in (registered by src/main.ts as identity's `serviceAccess`).
import type { Kysely } from "kysely";
import type { FinanceWorkplacePorts } from "../finance/index.ts";
import type { ServiceAccessPolicy } from "../identity/index.ts";
import type { OpenDatabase } from "../platform/db/open-database.ts";
import { type RouteRegistrar, withoutConsoleSession } from "../platform/http/app-deps.ts";
import { type EntitlementAnswer, type EntitlementQuery, getEntitlements } from "./app/entitlements.ts";
import { createSubscriptionsOfMember, createUsageSource } from "./app/finance-ports.ts";
import { type LauncherAnswer, type LauncherQuery, launcherFeed } from "./app/launcher-feed.ts";
import type { PortalDeps } from "./app/portal-home.ts";
import type { ServiceStatusReader } from "./app/portal-ports.ts";
import type { AffiliationRef, MemberRef, SubscriptionListener, WorkplaceDeps } from "./app/ports.ts";
import { type ProbeScheduler, type SchedulerOptions, startProbeScheduler } from "./app/probe-scheduler.ts";
import { type ProbeRun, probeEntenteOnce } from "./app/run-probes.ts";
import {
  currentServiceStatuses,
  type ServiceStatus,
  type StatusViewDeps,
  serviceStatusesOf,
  statusPage,
} from "./app/service-status.ts";
import { createSubscribedAccessPolicy } from "./app/subscribed-access-policy.ts";
import { createTtlCache } from "./app/ttl-cache.ts";
import { createAnnouncementStore } from "./db/announcement-store.ts";
import { createCatalogueStore } from "./db/catalogue-store.ts";
import {
  createAffiliationReader,
  createEntenteNameReader,
  createMemberReader,
} from "./db/directory-readers.ts";
import { createIncidentStore } from "./db/incident-store.ts";
import { createLeaseStore } from "./db/lease-store.ts";
import { createPortalLoginStore } from "./db/portal-login-store.ts";
import { createPortalStore } from "./db/portal-store.ts";
import { createProbeStore } from "./db/probe-store.ts";
import { createSubscriptionStore } from "./db/subscription-store.ts";
import type { WorkplaceDatabase } from "./db/tables.ts";
import { createUsageStore } from "./db/usage-store.ts";
import type { CatalogueEntry } from "./domain/catalogue-entry.ts";
import type { ServiceState } from "./domain/service-status.ts";
import type { Subscription } from "./domain/subscription.ts";
import { registerAnnouncementRoutes } from "./http/announcement-routes.ts";
import { registerCatalogueRoutes } from "./http/catalogue-routes.ts";
import { registerEntitlementRoutes } from "./http/entitlement-routes.ts";
import { registerPortalRoutes } from "./http/portal-routes.ts";
import { PORTAL_LOGIN_CAP, PORTAL_SIGN_INS_PER_ADDRESS } from "./http/portal-sign-in.ts";
import { registerPublicRoutes } from "./http/public-routes.ts";
import {
  type PublicStatusBodies,
  registerPublicStatusRoutes,
  registerStatusRoutes,
  renderPublicStatus,
} from "./http/status-routes.ts";
import { registerSubscriptionRoutes } from "./http/subscription-routes.ts";
import { createNetworkProber } from "./probe/network-prober.ts";

export interface WorkplaceOptions {
  /** Entente's public URL without a trailing slash (the logos' addresses in the feed start with it). */
  readonly publicUrl: string;
  readonly now: () => Date;
  /** Told when a subscription is created, changed or removed: provisioning's `subscriptionListener` (src/main.ts). */
  readonly subscriptionListener?: SubscriptionListener;
  /** How long this node reuses a feed answer, a key's service, a SIRET's member, a public status page (ms; default 5000; 0: never). */
  readonly publicCacheTtlMs?: number;
  /** The hub's issuer the portal signs people in with (default `<publicUrl>/oidc`, as identity mounts it). */
  readonly issuer?: string;
  /** The status probes' answer for the portal's tiles (issue 11 §6); absent: no status badge. */
  readonly serviceStatus?: ServiceStatusReader;
  /** Whether probes may reach loopback and private addresses (`STATUS_PROBE_PRIVATE_NETWORKS`; default false). */
  readonly probePrivateNetworks?: boolean;
  /** The portal's sign-in states kept per entente at most (default `PORTAL_LOGIN_CAP`, 10 000). */
  readonly portalLoginCap?: number;
  /** Sign-ins a client address may begin on this node per window (default 30 per minute). */
  readonly portalSignInsPerAddress?: { readonly max: number; readonly windowMs: number };
}

/** Default of `publicCacheTtlMs`: a change shows on every node within 5 s (as identity's service cache). */
export const PUBLIC_CACHE_TTL_MS = 5000;

/**
 * The deps of the public routes, with the per-node TTL cache on their hot lookups: the feed's
 * answer, the service a key belongs to, the members a SIRET or SIREN names, a member's
 * subscription, a person's affiliation, the latest storage used, and the entitlements answer of
 * each account (computed from the stores themselves, so that it is never more than `ttlMs` old:
 * a service asks for the same account on every upload). A usage report received by this node
 * empties its usage and answer caches once stored (the POST's own answer and later reads show it
 * at once); another node's report shows within `ttlMs`, like a changed subscription.
 */
function withPublicCache(deps: WorkplaceDeps, ttlMs: number) {
  const cache = <T>() => createTtlCache<T>({ ttlMs, maxEntries: 10_000, now: Date.now });
  const feeds = cache<LauncherAnswer>();
  const keys = cache<CatalogueEntry | null>();
  const members = cache<MemberRef[]>();
  const subscriptions = cache<Subscription | null>();
  const affiliations = cache<AffiliationRef | null>();
  const usage = cache<number | null>();
  const answers = cache<EntitlementAnswer>();
  const afterReport = () => {
    usage.clear();
    answers.clear();
  };
  const cached: WorkplaceDeps = {
    ...deps,
    usage: {
      ...deps.usage,
      latestStorageUsed: (c, m, account) =>
        usage.get(JSON.stringify([c, m, account]), () => deps.usage.latestStorageUsed(c, m, account)),
      // Emptied after the report is stored: a read begun before it is dropped with the rest.
      record: (lines, at) =>
        lines.length === 0 ? deps.usage.record(lines, at) : deps.usage.record(lines, at).finally(afterReport),
    },
    catalogue: {
      ...deps.catalogue,
      findByServiceKeyHash: (h) => keys.get(h, () => deps.catalogue.findByServiceKeyHash(h)),
    },
    subscriptions: {
      ...deps.subscriptions,
      find: (e, c, m) => subscriptions.get(JSON.stringify([e, c, m]), () => deps.subscriptions.find(e, c, m)),
    },
    affiliations: {
      find: (e, m, account) =>
        affiliations.get(JSON.stringify([e, m, account]), () => deps.affiliations.find(e, m, account)),
    },
    members: {
      ...deps.members,
      findByIdentifier: (id) => members.get(JSON.stringify(id), () => deps.members.findByIdentifier(id)),
    },
  };
  const feed = (query: LauncherQuery) =>
    feeds.get(JSON.stringify([query.siret ?? null, query.siren ?? null, query.operator ?? null]), () =>
      launcherFeed(deps, query),
    );
  const entitlements = (service: CatalogueEntry, query: EntitlementQuery) =>
    answers.get(
      JSON.stringify([
        service.clientId,
        query.accountType,
        query.siret,
        query.accountEmail ?? null,
        query.accountId ?? null,
      ]),
      () => getEntitlements(deps, service, query),
    );
  return { deps: cached, feed, entitlements };
}

export interface ComposedWorkplace {
  readonly deps: WorkplaceDeps;
  /** The portal's deps (its set-up, sessions, preferences, announcements). */
  readonly portal: PortalDeps;
  readonly registerRoutes: readonly RouteRegistrar[];
  /** What identity asks at sign-in: subscriptions decide for a catalogued service. */
  readonly serviceAccess: ServiceAccessPolicy;
  /** The current status of each enabled catalogue service (the portal's tiles: field `status`). */
  statuses(ententeId: string): Promise<ServiceStatus[]>;
  /** The same, by client id, for some services: the portal's `ServiceStatusReader`. */
  readonly statusReader: {
    statusOf(ententeId: string, clientIds: readonly string[]): Promise<ReadonlyMap<string, ServiceState>>;
  };
  /** Every probe of an entente, now (the CLI's `status probe-once`). */
  probeOnce(ententeId: string): Promise<ProbeRun[]>;
  /** Starts this node's probe loop (one node probes at a time: a lease in the database). */
  startProbes(options: {
    readonly holder: string;
    readonly tickMs?: number;
    readonly onError: (error: unknown) => void;
    readonly onPass?: SchedulerOptions["onPass"];
  }): ProbeScheduler;
}

/** Default time between two probe passes on a node (ms). */
export const PROBE_TICK_MS = 5000;
/** A lease outlives the longest pass: two probe timeouts (30 s at most) and a margin. */
const PROBE_LEASE_MS = 75_000;

/** Wires the workplace on `database`. */
export function composeWorkplace(database: OpenDatabase, options: WorkplaceOptions): ComposedWorkplace {
  const db: Kysely<WorkplaceDatabase> = database.db;
  const deps: WorkplaceDeps = {
    catalogue: createCatalogueStore(db),
    subscriptions: createSubscriptionStore(db),
    members: createMemberReader(db),
    affiliations: createAffiliationReader(db),
    usage: createUsageStore(db),
    clock: { now: options.now },
    publicUrl: options.publicUrl.replace(/\/+$/, ""),
    ...(options.subscriptionListener === undefined
      ? {}
      : { subscriptionListener: options.subscriptionListener }),
  };
  const ttl = options.publicCacheTtlMs ?? PUBLIC_CACHE_TTL_MS;
  const publicSide =
    ttl > 0
      ? withPublicCache(deps, ttl)
      : {
          deps,
          feed: (q: LauncherQuery) => launcherFeed(deps, q),
          entitlements: (s: CatalogueEntry, q: EntitlementQuery) => getEntitlements(deps, s, q),
        };
  const status = composeStatus(db, deps, options, ttl);
  const portal = composePortal(database, deps, {
    ...options,
    serviceStatus: options.serviceStatus ?? knownStatusesOnly(status.statusReader),
  });
  return {
    deps,
    portal: portal.deps,
    statuses: status.statuses,
    statusReader: status.statusReader,
    probeOnce: status.probeOnce,
    startProbes: status.startProbes,
    registerRoutes: [
      ...portal.registerRoutes,
      ...status.registerRoutes,
      async (app) => registerCatalogueRoutes(app, deps),
      async (app) => registerSubscriptionRoutes(app, deps),
      withoutConsoleSession(async (app) => registerPublicRoutes(app, publicSide.deps, publicSide.feed)),
      withoutConsoleSession(async (app) =>
        registerEntitlementRoutes(app, publicSide.deps, publicSide.entitlements),
      ),
    ],
    serviceAccess: createSubscribedAccessPolicy(deps),
  };
}

/**
 * The portal's tiles show a status only where a probe or an incident says one: a service nobody
 * watches shows no badge rather than « inconnu » on every tile.
 */
function knownStatusesOnly(reader: ServiceStatusReader): ServiceStatusReader {
  return {
    async statusOf(ententeId, clientIds) {
      const all = await reader.statusOf(ententeId, clientIds);
      return new Map([...all].filter(([, status]) => status !== "unknown"));
    },
  };
}

/** Service status (issue 11 §6): probes, the lease, incidents, the public page and JSON. */
function composeStatus(
  db: Kysely<WorkplaceDatabase>,
  deps: WorkplaceDeps,
  options: WorkplaceOptions,
  ttl: number,
): Pick<ComposedWorkplace, "statuses" | "statusReader" | "probeOnce" | "startProbes" | "registerRoutes"> {
  const status: StatusViewDeps = {
    probes: createProbeStore(db),
    leases: createLeaseStore(db),
    incidents: createIncidentStore(db),
    ententes: createEntenteNameReader(db),
    catalogue: deps.catalogue,
    members: deps.members,
    clock: deps.clock,
  };
  const prober = createNetworkProber({ allowPrivate: options.probePrivateNetworks ?? false });
  // The public status page is reloaded by everyone during an outage: each node reuses it `ttl` ms.
  const pages = createTtlCache<PublicStatusBodies | null>({ ttlMs: ttl, maxEntries: 1000, now: Date.now });
  const render = async (ententeId: string) => {
    const page = await statusPage(status, ententeId);
    return page === null ? null : renderPublicStatus(page);
  };
  const publicStatus = (ententeId: string) =>
    ttl > 0 ? pages.get(ententeId, () => render(ententeId)) : render(ententeId);
  return {
    statuses: (ententeId) => currentServiceStatuses(status, ententeId),
    statusReader: { statusOf: (ententeId, clientIds) => serviceStatusesOf(status, ententeId, clientIds) },
    probeOnce: (ententeId) => probeEntenteOnce(status, prober, ententeId),
    startProbes: (o) =>
      startProbeScheduler(status, prober, {
        holder: o.holder,
        tickMs: o.tickMs ?? PROBE_TICK_MS,
        leaseMs: Math.max(PROBE_LEASE_MS, 3 * (o.tickMs ?? PROBE_TICK_MS)),
        onError: o.onError,
        ...(o.onPass === undefined ? {} : { onPass: o.onPass }),
      }),
    registerRoutes: [
      async (app) => registerStatusRoutes(app, status),
      async (app) => registerPublicStatusRoutes(app, publicStatus),
    ],
  };
}

/** The agents' and élus' portal (docs/portal.md): its stores, its pages and its console API. */
function composePortal(database: OpenDatabase, deps: WorkplaceDeps, options: WorkplaceOptions) {
  const db: Kysely<WorkplaceDatabase> = database.db;
  const portalDeps: PortalDeps = {
    ...deps,
    portal: createPortalStore(db),
    announcements: createAnnouncementStore(db, options.now),
    ...(options.serviceStatus === undefined ? {} : { status: options.serviceStatus }),
  };
  const signIn = {
    portal: portalDeps.portal,
    logins: createPortalLoginStore(db),
    maxLoginStates: options.portalLoginCap ?? PORTAL_LOGIN_CAP,
    perAddress: options.portalSignInsPerAddress ?? PORTAL_SIGN_INS_PER_ADDRESS,
    issuer: options.issuer ?? `${deps.publicUrl}/oidc`,
    publicUrl: deps.publicUrl,
    cookies: { secure: deps.publicUrl.startsWith("https:") },
    now: options.now,
  };
  const registerRoutes: RouteRegistrar[] = [
    async (app) => registerPortalRoutes(app, portalDeps, signIn),
    async (app) =>
      registerAnnouncementRoutes(app, {
        ...portalDeps,
        findClient: (e, c) => deps.catalogue.findClient(e, c),
      }),
  ];
  return { deps: portalDeps, registerRoutes };
}

/**
 * What finance asks the workplace on `database` (its ports, given by src/compose.ts): the usage
 * that feeds a usage key, and a member's subscriptions checked when its membership changes.
 */
export function composeWorkplaceForFinance(database: OpenDatabase): Required<FinanceWorkplacePorts> {
  const db: Kysely<WorkplaceDatabase> = database.db;
  const subscriptions = createSubscriptionStore(db);
  return {
    usage: createUsageSource({
      catalogue: createCatalogueStore(db),
      subscriptions,
      usage: createUsageStore(db),
    }),
    subscriptions: createSubscriptionsOfMember({ subscriptions }),
  };
}

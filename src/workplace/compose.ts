// Composition of the digital workplace (issue 11, DESIGN.md pillar 3) on an open database: the
// catalogue, subscriptions, launcher feed and entitlements stores, their routes, and the access
// policy identity asks at sign-in (registered by src/main.ts as identity's `serviceAccess`).
import type { Kysely } from "kysely";
import type { ServiceAccessPolicy } from "../identity/index.ts";
import type { OpenDatabase } from "../platform/db/open-database.ts";
import type { RouteRegistrar } from "../platform/http/app-deps.ts";
import { type LauncherAnswer, type LauncherQuery, launcherFeed } from "./app/launcher-feed.ts";
import type { AffiliationRef, MemberRef, SubscriptionListener, WorkplaceDeps } from "./app/ports.ts";
import { createSubscribedAccessPolicy } from "./app/subscribed-access-policy.ts";
import { createTtlCache } from "./app/ttl-cache.ts";
import { createCatalogueStore } from "./db/catalogue-store.ts";
import { createAffiliationReader, createMemberReader } from "./db/directory-readers.ts";
import { createSubscriptionStore } from "./db/subscription-store.ts";
import type { WorkplaceDatabase } from "./db/tables.ts";
import { createUsageStore } from "./db/usage-store.ts";
import type { CatalogueEntry } from "./domain/catalogue-entry.ts";
import type { Subscription } from "./domain/subscription.ts";
import { registerCatalogueRoutes } from "./http/catalogue-routes.ts";
import { registerEntitlementRoutes } from "./http/entitlement-routes.ts";
import { registerPublicRoutes } from "./http/public-routes.ts";
import { registerSubscriptionRoutes } from "./http/subscription-routes.ts";

export interface WorkplaceOptions {
  /** Entente's public URL without a trailing slash (the logos' addresses in the feed start with it). */
  readonly publicUrl: string;
  readonly now: () => Date;
  /** Told when a subscription starts or ends: provisioning's `subscriptionListener` (src/main.ts). */
  readonly subscriptionListener?: SubscriptionListener;
  /** How long this node reuses a feed answer, a key's service, a SIRET's member (ms; default 5000; 0: never). */
  readonly publicCacheTtlMs?: number;
}

/** Default of `publicCacheTtlMs`: a change shows on every node within 5 s (as identity's service cache). */
export const PUBLIC_CACHE_TTL_MS = 5000;

/**
 * The deps of the public routes, with the per-node TTL cache on their hot lookups: the feed's
 * answer, the service a key belongs to, the members a SIRET or SIREN names, a member's
 * subscription, a person's affiliation. Usage is never cached (a report shows at once).
 */
function withPublicCache(deps: WorkplaceDeps, ttlMs: number) {
  const cache = <T>() => createTtlCache<T>({ ttlMs, maxEntries: 10_000, now: Date.now });
  const feeds = cache<LauncherAnswer>();
  const keys = cache<CatalogueEntry | null>();
  const members = cache<MemberRef[]>();
  const subscriptions = cache<Subscription | null>();
  const affiliations = cache<AffiliationRef | null>();
  const cached: WorkplaceDeps = {
    ...deps,
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
  return { deps: cached, feed };
}

export interface ComposedWorkplace {
  readonly deps: WorkplaceDeps;
  readonly registerRoutes: readonly RouteRegistrar[];
  /** What identity asks at sign-in: subscriptions decide for a catalogued service. */
  readonly serviceAccess: ServiceAccessPolicy;
}

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
    ttl > 0 ? withPublicCache(deps, ttl) : { deps, feed: (q: LauncherQuery) => launcherFeed(deps, q) };
  return {
    deps,
    registerRoutes: [
      async (app) => registerCatalogueRoutes(app, deps),
      async (app) => registerSubscriptionRoutes(app, deps),
      async (app) => registerPublicRoutes(app, publicSide.deps, publicSide.feed),
      async (app) => registerEntitlementRoutes(app, publicSide.deps),
    ],
    serviceAccess: createSubscribedAccessPolicy(deps),
  };
}

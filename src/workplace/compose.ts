// Composition of the digital workplace (issue 11, DESIGN.md pillar 3) on an open database: the
// catalogue, subscriptions, launcher feed and entitlements stores, their routes, and the access
// policy identity asks at sign-in (registered by src/main.ts as identity's `serviceAccess`).
import type { Kysely } from "kysely";
import type { ServiceAccessPolicy } from "../identity/index.ts";
import type { OpenDatabase } from "../platform/db/open-database.ts";
import type { RouteRegistrar } from "../platform/http/app-deps.ts";
import type { WorkplaceDeps } from "./app/ports.ts";
import { createSubscribedAccessPolicy } from "./app/subscribed-access-policy.ts";
import { createCatalogueStore } from "./db/catalogue-store.ts";
import { createAffiliationReader, createMemberReader } from "./db/directory-readers.ts";
import { createSubscriptionStore } from "./db/subscription-store.ts";
import type { WorkplaceDatabase } from "./db/tables.ts";
import { createUsageStore } from "./db/usage-store.ts";
import { registerCatalogueRoutes } from "./http/catalogue-routes.ts";
import { registerEntitlementRoutes } from "./http/entitlement-routes.ts";
import { registerPublicRoutes } from "./http/public-routes.ts";
import { registerSubscriptionRoutes } from "./http/subscription-routes.ts";

export interface WorkplaceOptions {
  /** Entente's public URL without a trailing slash (the logos' addresses in the feed start with it). */
  readonly publicUrl: string;
  readonly now: () => Date;
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
  };
  return {
    deps,
    registerRoutes: [
      async (app) => registerCatalogueRoutes(app, deps),
      async (app) => registerSubscriptionRoutes(app, deps),
      async (app) => registerPublicRoutes(app, deps),
      async (app) => registerEntitlementRoutes(app, deps),
    ],
    serviceAccess: createSubscribedAccessPolicy(deps),
  };
}

// The workplace's part of the first start with the example (src/first-start.ts).
import type { Kysely } from "kysely";
import type { OpenDatabase } from "../platform/db/open-database.ts";
import {
  type SeededWorkplace,
  seedWorkplaceExample,
  type WorkplaceExample,
} from "./app/seed-workplace-example.ts";
import { createAnnouncementStore } from "./db/announcement-store.ts";
import { createCatalogueStore } from "./db/catalogue-store.ts";
import { createMemberReader } from "./db/directory-readers.ts";
import { createPortalStore } from "./db/portal-store.ts";
import { createProbeStore } from "./db/probe-store.ts";
import { createSubscriptionStore } from "./db/subscription-store.ts";
import type { WorkplaceDatabase } from "./db/tables.ts";

/** `seedWorkplaceExample` on `database` (the portal, the demo service's entry, subscriptions, probe, welcome). */
export function seedWorkplaceExampleOn(
  database: OpenDatabase,
  options: { readonly now: () => Date },
  example: WorkplaceExample,
): Promise<SeededWorkplace | null> {
  const db: Kysely<WorkplaceDatabase> = database.db;
  return seedWorkplaceExample(
    {
      catalogue: createCatalogueStore(db),
      subscriptions: createSubscriptionStore(db),
      members: createMemberReader(db),
      probes: createProbeStore(db),
      portal: createPortalStore(db),
      announcements: createAnnouncementStore(db, options.now),
      now: options.now,
    },
    example,
  );
}

/** Every entente's portal client on `database` (src/compose.ts aligns their addresses at start). */
export function portalClientsOn(
  database: OpenDatabase,
): Promise<{ readonly ententeId: string; readonly clientId: string }[]> {
  return createPortalStore(database.db).listPortals();
}

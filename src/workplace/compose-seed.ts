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
import { createProbeStore, listHubComponents } from "./db/probe-store.ts";
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

/**
 * At each start, once the public URL is known: the OIDC discovery probe of every entente's hub
 * entry (`hub:<entente>`, seeded with the first start's issuer) follows the hub's current issuer,
 * so that a changed PUBLIC_URL — or a new port — is not reported as the hub being down. A probe
 * the secretariat turned into another kind, or removed, is left alone. Audited as a probe change.
 *
 * @param issuer the hub's issuer of this start (`<public URL>/oidc`)
 * @returns the ententes whose hub probe moved
 */
export async function alignHubProbesOn(
  database: OpenDatabase,
  issuer: string,
  now: () => Date,
): Promise<string[]> {
  const probes = createProbeStore(database.db);
  const moved: string[] = [];
  for (const hub of await listHubComponents(database.db)) {
    const probe = await probes.find(hub.ententeId, hub.id);
    if (probe === null || probe.kind !== "oidc" || probe.target === issuer) continue;
    const { clientId: _c, ententeId: _e, nextDueAt: _n, rowVersion: _r, ...fields } = probe;
    await probes.put(hub.ententeId, hub.id, { ...fields, target: issuer }, now(), START);
    moved.push(hub.ententeId);
  }
  return moved;
}

const START = { id: "system", label: "start" } as const;

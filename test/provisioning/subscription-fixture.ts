import type { Principal } from "../../src/access/index.ts";
import { createServiceRegistry } from "../../src/identity/app/service-registry.ts";
import { createServiceClientStore } from "../../src/identity/db/service-client-store.ts";
import type { OpenDatabase } from "../../src/platform/db/open-database.ts";
import type { ConnectorChange, ConnectorKind } from "../../src/provisioning/app/connector.ts";
import { deliverUntilIdle } from "../../src/provisioning/app/deliver-due-events.ts";
import { emitDueBoundaries } from "../../src/provisioning/app/subscription-scheduler.ts";
import type { ProvisioningOptions } from "../../src/provisioning/index.ts";
import { addToCatalogue } from "../../src/workplace/app/manage-catalogue.ts";
import { putSubscription } from "../../src/workplace/app/manage-subscriptions.ts";
import { type ComposedWorkplace, composeWorkplace } from "../../src/workplace/index.ts";
import { entryBody, serviceInput, subscriptionBody } from "../workplace/workplace-fixtures.ts";
import { type ScimHarness, startScimHarness } from "./scim-harness.ts";

export const SECRETARIAT: Principal = {
  accountId: "1",
  email: "secretariat@lyon.test",
  role: "secretariat",
  ententeId: "lyon",
  memberId: null,
  missionId: null,
};

export const GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";

/** A connector kind that records what it is given, by connector label. */
export function recordingKind(calls: (ConnectorChange & { readonly connector: string })[]): ConnectorKind {
  return {
    kind: "recording",
    checkSettings: () => [],
    create: (record) => ({
      async deliver(change) {
        calls.push({ ...change, connector: record.label });
        return { status: "done" };
      },
    }),
  };
}

/** The SCIM harness with the workplace composed as src/main.ts does, on a clock the test moves. */
export interface SubscribedHarness {
  readonly h: ScimHarness;
  readonly workplace: ComposedWorkplace;
  /** Catalogues a new service of the entente; returns its client id. */
  catalogue(name: string): Promise<string>;
  /** Declares an identity service (not catalogued); returns its client id. */
  service(name: string): Promise<string>;
  /** Creates or replaces the Ville de Lyon's subscription to `clientId`. */
  subscribe(clientId: string, overrides?: Record<string, unknown>): Promise<void>;
  deliver(): Promise<unknown>;
  /** One run of the subscription scheduler as node `holder`. */
  boundaries(holder?: string): Promise<number>;
}

export async function startSubscribedHarness(
  database: OpenDatabase,
  clock: () => Date,
  options: Omit<ProvisioningOptions, "now"> = {},
): Promise<SubscribedHarness> {
  const h = await startScimHarness(database, clock, options);
  const workplace = composeWorkplace(database, {
    publicUrl: "https://entente.test",
    now: clock,
    subscriptionListener: h.provisioning.subscriptionListener,
  });
  const registry = createServiceRegistry(createServiceClientStore(database.db));
  const service = async (name: string) =>
    (await registry.createClient("lyon", serviceInput(name) as never)).client.clientId;
  let order = 0;
  return {
    h,
    workplace,
    service,
    async catalogue(name) {
      const clientId = await service(name);
      order += 1;
      const { clientId: _, ...draft } = entryBody(clientId, "video", order);
      await addToCatalogue(workplace.deps, SECRETARIAT, "lyon", clientId, draft);
      return clientId;
    },
    async subscribe(clientId, overrides = {}) {
      const key = { ententeId: "lyon", clientId, memberId: "ville-lyon" };
      const current = await workplace.deps.subscriptions.find("lyon", clientId, "ville-lyon");
      const { rowVersion: _, ...draft } = subscriptionBody(overrides);
      await putSubscription(workplace.deps, SECRETARIAT, key, {
        ...draft,
        rowVersion: current?.rowVersion ?? null,
      });
    },
    deliver: () =>
      deliverUntilIdle(h.provisioning.engine, { batch: 50, concurrency: 2, leaseSeconds: 60, maxPasses: 20 }),
    boundaries: (holder = "node-a") =>
      emitDueBoundaries(h.provisioning.boundaries, { holder, leaseSeconds: 120 }),
  };
}

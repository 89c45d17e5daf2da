import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import type { Principal } from "../../src/access/index.ts";
import { createServiceRegistry } from "../../src/identity/app/service-registry.ts";
import { createServiceClientStore } from "../../src/identity/db/service-client-store.ts";
import type { ConnectorChange, ConnectorKind } from "../../src/provisioning/app/connector.ts";
import { deliverUntilIdle } from "../../src/provisioning/app/deliver-due-events.ts";
import { addConnector } from "../../src/provisioning/app/delivery-admin.ts";
import { addToCatalogue } from "../../src/workplace/app/manage-catalogue.ts";
import { putSubscription, removeSubscription } from "../../src/workplace/app/manage-subscriptions.ts";
import { type ComposedWorkplace, composeWorkplace } from "../../src/workplace/index.ts";
import { describeOnDatabases } from "../helpers/databases.ts";
import { entryBody, serviceInput, subscriptionBody } from "../workplace/workplace-fixtures.ts";
import { entraUser, json, PATCH_OP, type ScimHarness, startScimHarness } from "./scim-harness.ts";

/** The console's catalogue entry fields (the client id is the route's). */
function catalogueDraft(clientId: string) {
  const { clientId: _, ...draft } = entryBody(clientId, "video", 1);
  return draft;
}

const SECRETARIAT: Principal = {
  accountId: "1",
  email: "secretariat@lyon.test",
  role: "secretariat",
  ententeId: "lyon",
  memberId: null,
  missionId: null,
};

/**
 * Issue 12 item 1, subscriptions: a member's subscription to a catalogued service starting gives
 * the member's active persons an account on that service's connectors (and no other), its end
 * disables them there (never deletes). Workplace and provisioning composed as src/main.ts does,
 * the connectors a recording test double of the plugin interface.
 */
describeOnDatabases("provisioning: a subscription's start and end become events", (get) => {
  let h: ScimHarness;
  let workplace: ComposedWorkplace;
  const clock = () => new Date("2026-03-02T09:00:00Z");
  const calls: (ConnectorChange & { readonly connector: string })[] = [];
  const recording: ConnectorKind = {
    kind: "recording",
    checkSettings: () => [],
    create: (record) => ({
      async deliver(change) {
        calls.push({ ...change, connector: record.label });
        return { status: "done" };
      },
    }),
  };
  let visio = "";

  before(async () => {
    h = await startScimHarness(get(), clock, { extraKinds: [recording] });
    workplace = composeWorkplace(get(), {
      publicUrl: "https://entente.test",
      now: clock,
      subscriptionListener: h.provisioning.subscriptionListener,
    });
    const registry = createServiceRegistry(createServiceClientStore(get().db));
    visio = (await registry.createClient("lyon", serviceInput("Visio") as never)).client.clientId;
    const drive = (await registry.createClient("lyon", serviceInput("Drive") as never)).client.clientId;
    await addToCatalogue(workplace.deps, SECRETARIAT, "lyon", visio, catalogueDraft(visio));
    for (const [label, clientId] of [
      ["Visio", visio],
      ["Drive", drive],
    ] as const)
      await addConnector(h.provisioning.admin, null, "lyon", {
        kind: "recording",
        label,
        clientId,
        settings: {},
        secret: null,
        memberIds: null,
        enabled: true,
      });
    // Two persons of the Ville de Lyon, one of them suspended; then nothing left to deliver.
    await h.scim("ville-lyon", "POST", "/Users", entraUser("active", "ext-active"));
    const suspended = json(await h.scim("ville-lyon", "POST", "/Users", entraUser("off", "ext-off")));
    await h.scim("ville-lyon", "PATCH", `/Users/${String(suspended.id)}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: "Replace", path: "active", value: "False" }],
    });
    await deliverUntilIdle(h.provisioning.engine, {
      batch: 50,
      concurrency: 2,
      leaseSeconds: 60,
      maxPasses: 20,
    });
    calls.length = 0;
  });
  after(async () => {
    await h?.app.close();
  });

  const key = () => ({ ententeId: "lyon", clientId: visio, memberId: "ville-lyon" });
  const deliver = () =>
    deliverUntilIdle(h.provisioning.engine, { batch: 50, concurrency: 2, leaseSeconds: 60, maxPasses: 20 });

  it("a subscription started: the active persons are created on the service's connector only", async () => {
    const { rowVersion: _, ...draft } = subscriptionBody();
    await putSubscription(workplace.deps, SECRETARIAT, key(), { ...draft, rowVersion: null });
    await deliver();
    assert.deepEqual(
      calls.map((c) => [c.connector, c.kind, c.account.email, c.account.active]),
      [["Visio", "created", "active@ville-lyon.test", true]],
    );
  });

  it("a change of the subscription that changes no one's access sends nothing; its end disables the persons there, deleting nothing", async () => {
    calls.length = 0;
    const current = (await workplace.deps.subscriptions.find("lyon", visio, "ville-lyon"))?.rowVersion ?? 0;
    const { rowVersion: _, ...draft } = subscriptionBody({ startsOn: "2023-02-01" });
    await putSubscription(workplace.deps, SECRETARIAT, key(), { ...draft, rowVersion: current });
    await deliver();
    assert.equal(calls.length, 0, JSON.stringify(calls));
    await removeSubscription(workplace.deps, SECRETARIAT, key());
    await deliver();
    // Only the person who had an account there is disabled (the suspended one never got one).
    assert.deepEqual(calls.map((c) => [c.connector, c.kind, c.account.email, c.account.active]).sort(), [
      ["Visio", "suspended", "active@ville-lyon.test", false],
    ]);
  });

  it("another member's subscription gives the Ville de Lyon's persons nothing", async () => {
    calls.length = 0;
    const { rowVersion: _, ...draft } = subscriptionBody();
    await putSubscription(
      workplace.deps,
      SECRETARIAT,
      { ...key(), memberId: "metropole" },
      { ...draft, rowVersion: null },
    );
    await deliver();
    assert.equal(calls.length, 0, JSON.stringify(calls));
  });
});

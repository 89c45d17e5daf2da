import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import type { ConnectorChange } from "../../src/provisioning/app/connector.ts";
import { addConnector } from "../../src/provisioning/app/delivery-admin.ts";
import { enqueueDueErasures, readErasures } from "../../src/provisioning/app/retention.ts";
import { emitDueBoundaries } from "../../src/provisioning/app/subscription-scheduler.ts";
import { describeOnDatabases } from "../helpers/databases.ts";
import { entraUser, json, PATCH_OP } from "./scim-harness.ts";
import { recordingKind, type SubscribedHarness, startSubscribedHarness } from "./subscription-fixture.ts";

/**
 * Issue 12 item 1: a subscription's start and end days send events when they come (the scheduler,
 * one node at a time, exactly once per boundary), an ended subscription is never re-enabled by a
 * later SCIM update, and its accounts are erased only after the member's retention period. The
 * clock is moved by the test; the connectors record what they are given (Visio is catalogued and
 * governed by the subscription, Drive is not).
 */
describeOnDatabases("provisioning: a subscription's days send events when they come", (get) => {
  let s: SubscribedHarness;
  let now = new Date("2026-03-02T09:00:00Z");
  const calls: (ConnectorChange & { readonly connector: string })[] = [];
  let visio = "";
  let alice = "";
  const seen = () => {
    const out = calls.map((c) => [c.connector, c.kind, c.account.email, c.account.active]);
    calls.length = 0;
    return out.sort();
  };

  before(async () => {
    s = await startSubscribedHarness(get(), () => now, { extraKinds: [recordingKind(calls)] });
    visio = await s.catalogue("Visio");
    const drive = await s.service("Drive");
    for (const [label, clientId] of [
      ["Visio", visio],
      ["Drive", drive],
    ] as const)
      await addConnector(s.h.provisioning.admin, null, "lyon", {
        kind: "recording",
        label,
        clientId,
        settings: {},
        secret: null,
        memberIds: null,
        enabled: true,
      });
    alice = String(json(await s.h.scim("ville-lyon", "POST", "/Users", entraUser("alice", "ext-alice"))).id);
    await s.h.scim("ville-lyon", "POST", "/Users", entraUser("bob", "ext-bob"));
    await s.deliver();
  });
  after(async () => {
    await s?.h.app.close();
  });

  it("before any subscription, a catalogued service gets nothing; the others get the persons", () => {
    assert.deepEqual(seen(), [
      ["Drive", "created", "alice@ville-lyon.test", true],
      ["Drive", "created", "bob@ville-lyon.test", true],
    ]);
  });

  it("a subscription starting on a future day sends nothing until that day, then `created` once", async () => {
    await s.subscribe(visio, { startsOn: "2026-04-01", endsOn: "2026-06-30" });
    assert.equal(await s.boundaries(), 0);
    await s.deliver();
    assert.deepEqual(seen(), []);
    now = new Date("2026-04-01T00:05:00Z");
    assert.equal(await s.boundaries(), 2);
    await s.deliver();
    assert.deepEqual(seen(), [
      ["Visio", "created", "alice@ville-lyon.test", true],
      ["Visio", "created", "bob@ville-lyon.test", true],
    ]);
  });

  it("the boundary is emitted once: run again, and by another node once the lease ran out", async () => {
    assert.equal(await s.boundaries(), 0);
    assert.equal(await s.boundaries("node-b"), 0, "node-a's lease still runs");
    now = new Date("2026-04-01T00:30:00Z");
    assert.equal(await s.boundaries("node-b"), 0, "node-b holds the lease, the boundary is recorded");
    await s.deliver();
    assert.deepEqual(seen(), []);
  });

  it("while in force, a person's update reaches the service as an update", async () => {
    await s.h.scim("ville-lyon", "PATCH", `/Users/${alice}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: "Replace", path: "name.familyName", value: "Durand" }],
    });
    await s.deliver();
    assert.deepEqual(seen(), [
      ["Drive", "updated", "alice@ville-lyon.test", true],
      ["Visio", "updated", "alice@ville-lyon.test", true],
    ]);
  });

  it("the day after the end, `disable` once (never delete the same day)", async () => {
    now = new Date("2026-06-30T23:00:00Z");
    assert.equal(await s.boundaries(), 0, "the last day is still in force");
    now = new Date("2026-07-01T08:00:00Z");
    // Two nodes at once, even with a lease that let both in: the boundary is emitted once.
    const noLease = { ...s.h.provisioning.boundaries, leases: { takeLease: async () => true } };
    const runs = await Promise.all(
      ["node-x", "node-y"].map((holder) => emitDueBoundaries(noLease, { holder, leaseSeconds: 120 })),
    );
    assert.deepEqual([...runs].sort(), [0, 2]);
    assert.equal(await s.boundaries(), 0);
    await s.deliver();
    assert.deepEqual(seen(), [
      ["Visio", "suspended", "alice@ville-lyon.test", false],
      ["Visio", "suspended", "bob@ville-lyon.test", false],
    ]);
    const erasures = await enqueueDueErasures(s.h.provisioning.retention, {
      holder: "node-a",
      batch: 10,
      maxBatches: 1,
      leaseSeconds: 60,
    });
    assert.equal(erasures, 0, "nothing erased on the day of the end");
    const scheduled = await readErasures(s.h.provisioning.retention, null, "lyon", "ville-lyon");
    assert.deepEqual(scheduled.scheduled.map((e) => [e.userName, e.clientId, e.dueAt.toISOString()]).sort(), [
      ["alice@ville-lyon.test", visio, "2026-07-31T08:00:00.000Z"],
      ["bob@ville-lyon.test", visio, "2026-07-31T08:00:00.000Z"],
    ]);
  });

  it("an ended subscription is never re-enabled by a later SCIM update of the person", async () => {
    for (const value of ["Lefèvre", "False", "True"]) {
      const path = value === "Lefèvre" ? "name.familyName" : "active";
      await s.h.scim("ville-lyon", "PATCH", `/Users/${alice}`, {
        schemas: [PATCH_OP],
        Operations: [{ op: "Replace", path, value }],
      });
    }
    await s.deliver();
    assert.deepEqual(seen(), [
      ["Drive", "reactivated", "alice@ville-lyon.test", true],
      ["Drive", "suspended", "alice@ville-lyon.test", false],
      ["Drive", "updated", "alice@ville-lyon.test", true],
    ]);
  });

  it("after the member's retention period, the ended service's accounts are erased there only", async () => {
    now = new Date("2026-08-15T08:00:00Z");
    const erased = await enqueueDueErasures(s.h.provisioning.retention, {
      holder: "node-a",
      batch: 10,
      maxBatches: 5,
      leaseSeconds: 60,
    });
    await s.deliver();
    const kinds = seen();
    // Bob's Visio account is erased there only; Alice, suspended and reactivated by her
    // directory, keeps her Drive account, and her Visio account is erased too.
    assert.deepEqual(kinds, [
      ["Visio", "erased", "alice@ville-lyon.test", false],
      ["Visio", "erased", "bob@ville-lyon.test", false],
    ]);
    assert.equal(erased, 2);
  });
});

import assert from "node:assert/strict";
import { after, before, beforeEach, it } from "node:test";
import type { ConnectorChange, ConnectorKind } from "../../src/provisioning/app/connector.ts";
import { deliverUntilIdle } from "../../src/provisioning/app/deliver-due-events.ts";
import { addConnector } from "../../src/provisioning/app/delivery-admin.ts";
import { enqueueDueErasures, readErasures, setRetention } from "../../src/provisioning/app/retention.ts";
import { EntenteError } from "../../src/provisioning/errors.ts";
import { describeOnDatabases } from "../helpers/databases.ts";
import { entraUser, json, PATCH_OP, type ScimHarness, startScimHarness } from "./scim-harness.ts";

const DAY = 86_400_000;

/**
 * Issue 12 item 1, retention: a person disabled by its member's directory is scheduled for
 * erasure after the member's retention period (default 30 days), visible to the member; the
 * scheduler (one node at a time, by its lease) turns due erasures into `erased` events that the
 * connectors receive; a reactivation before the deadline cancels the erasure.
 */
describeOnDatabases("provisioning: retention and erasure", (get) => {
  let h: ScimHarness;
  let clock = new Date("2026-03-02T09:00:00Z");
  const calls: ConnectorChange[] = [];
  const recording: ConnectorKind = {
    kind: "recording",
    checkSettings: () => [],
    create: () => ({
      async deliver(change) {
        calls.push(change);
        return { status: "done" };
      },
    }),
  };
  const run = (holder = "node-a") =>
    enqueueDueErasures(h.provisioning.retention, { holder, batch: 2, maxBatches: 5, leaseSeconds: 120 });
  const deliver = () =>
    deliverUntilIdle(h.provisioning.engine, { batch: 50, concurrency: 2, leaseSeconds: 60, maxPasses: 20 });
  const setActive = (id: string, value: string) =>
    h.scim("ville-lyon", "PATCH", `/Users/${id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: "Replace", path: "active", value }],
    });
  const scheduled = async () =>
    (await readErasures(h.provisioning.retention, null, "lyon", "ville-lyon")).scheduled.map((e) => [
      e.userName,
      e.dueAt.toISOString(),
    ]);

  before(async () => {
    h = await startScimHarness(get(), () => clock, { extraKinds: [recording] });
    await addConnector(h.provisioning.admin, null, "lyon", {
      kind: "recording",
      label: "Chat",
      clientId: null,
      settings: {},
      secret: null,
      memberIds: null,
      enabled: true,
    });
  });
  after(async () => {
    await h?.app.close();
  });
  beforeEach(() => {
    calls.length = 0;
  });

  it("a suspension schedules the erasure after 30 days by default; the scheduler enqueues it when due, once", async () => {
    const user = json(await h.scim("ville-lyon", "POST", "/Users", entraUser("partante", "ext-partante")));
    const t0 = clock;
    assert.equal((await setActive(String(user.id), "False")).statusCode, 200);
    const read = await readErasures(h.provisioning.retention, null, "lyon", "ville-lyon");
    assert.equal(read.retentionDays, 30);
    assert.deepEqual(await scheduled(), [
      ["partante@ville-lyon.test", new Date(t0.getTime() + 30 * DAY).toISOString()],
    ]);
    clock = new Date(t0.getTime() + 29 * DAY);
    assert.equal(await run(), 0, "not due yet");
    clock = new Date(t0.getTime() + 30 * DAY);
    assert.equal(await run(), 1);
    assert.equal(await run(), 0, "enqueued once");
    assert.deepEqual(await scheduled(), []);
    await deliver();
    assert.deepEqual(
      calls.map((c) => [c.kind, c.account.email]),
      [
        ["created", "partante@ville-lyon.test"],
        ["suspended", "partante@ville-lyon.test"],
        ["erased", "partante@ville-lyon.test"],
      ],
    );
  });

  it("the member's period applies to the next suspensions; a reactivation before the deadline cancels", async () => {
    assert.equal(await setRetention(h.provisioning.retention, null, "lyon", "ville-lyon", 7), 7);
    const user = json(await h.scim("ville-lyon", "POST", "/Users", entraUser("revenue", "ext-revenue")));
    const t0 = clock;
    await setActive(String(user.id), "False");
    assert.deepEqual(await scheduled(), [
      ["revenue@ville-lyon.test", new Date(t0.getTime() + 7 * DAY).toISOString()],
    ]);
    clock = new Date(t0.getTime() + 3 * DAY);
    await setActive(String(user.id), "True");
    assert.deepEqual(await scheduled(), []);
    clock = new Date(t0.getTime() + 8 * DAY);
    assert.equal(await run(), 0);
    await deliver();
    assert.deepEqual(
      calls.map((c) => c.kind),
      ["created", "suspended", "reactivated"],
    );
  });

  it("a SCIM DELETE is scheduled too; one node at a time runs the scheduler (lease)", async () => {
    const user = json(await h.scim("ville-lyon", "POST", "/Users", entraUser("supprimee", "ext-supprimee")));
    const t0 = clock;
    assert.equal((await h.scim("ville-lyon", "DELETE", `/Users/${String(user.id)}`)).statusCode, 204);
    assert.equal((await scheduled()).length, 1);
    clock = new Date(t0.getTime() + 7 * DAY);
    assert.equal(await run("node-a"), 1);
    await h.scim("ville-lyon", "POST", "/Users", entraUser("autre", "ext-autre"));
    const other = json(
      await h.scim(
        "ville-lyon",
        "GET",
        `/Users?filter=${encodeURIComponent('userName eq "autre@ville-lyon.test"')}`,
      ),
    );
    const id = String((other.Resources as { id: string }[])[0]?.id);
    await setActive(id, "False");
    clock = new Date(clock.getTime() + 7 * DAY);
    assert.equal(await run("node-b"), 1, "node-a's lease ran out: node-b takes over");
    const until = new Date(clock.getTime() + 60_000);
    const { erasures } = h.provisioning.retention;
    assert.equal(
      await erasures.takeLease("erasures", "node-a", clock, until),
      false,
      "node-b holds the lease",
    );
    assert.equal(await erasures.takeLease("erasures", "node-b", clock, until), true, "its holder renews it");
  });

  it("refuses a period that is not whole days within 1..3650, and an unknown member, naming them", async () => {
    for (const days of [0, 3651, 2.5, "7", null]) {
      await assert.rejects(
        setRetention(h.provisioning.retention, null, "lyon", "ville-lyon", days),
        (error: unknown) => error instanceof EntenteError && error.code === "provisioning.retention_invalid",
      );
    }
    await assert.rejects(
      setRetention(h.provisioning.retention, null, "lyon", "nowhere", 10),
      (error: unknown) => error instanceof EntenteError && error.code === "provisioning.member_unknown",
    );
  });
});

import assert from "node:assert/strict";
import { after, before, beforeEach, it } from "node:test";
import { sql } from "kysely";
import type {
  ConnectorChange,
  ConnectorKind,
  DeliveryOutcome,
} from "../../src/provisioning/app/connector.ts";
import { deliverDueEvents, deliverUntilIdle } from "../../src/provisioning/app/deliver-due-events.ts";
import { addConnector, listDeliveries, replayEvent } from "../../src/provisioning/app/delivery-admin.ts";
import { describeOnDatabases } from "../helpers/databases.ts";
import { entraUser, json, PATCH_OP, type ScimHarness, startScimHarness } from "./scim-harness.ts";

/**
 * The provisioning engine on PGlite and PostgreSQL: events delivered in order per person, retried
 * with backoff, failed then replayed, leased without doubling. The connector here is a recording
 * test double of the plugin interface (the real connectors meet real peers in their own suites).
 */
describeOnDatabases("provisioning engine", (get) => {
  let h: ScimHarness;
  let clock = new Date("2026-03-02T09:00:00Z");
  const calls: ConnectorChange[] = [];
  let answer: (change: ConnectorChange) => DeliveryOutcome = () => ({ status: "done" });
  const recording: ConnectorKind = {
    kind: "recording",
    checkSettings: (settings) =>
      typeof settings.name === "string" ? [] : ["settings.name: a string is expected"],
    create: () => ({
      async deliver(change) {
        calls.push(change);
        await new Promise((resolve) => setImmediate(resolve));
        return answer(change);
      },
    }),
  };
  let connectorId = "";
  const pass = { batch: 50, concurrency: 4, leaseSeconds: 60 };
  const advance = (seconds: number) => {
    clock = new Date(clock.getTime() + seconds * 1000);
  };

  before(async () => {
    h = await startScimHarness(get(), () => clock, {
      extraKinds: [recording],
      retry: { baseSeconds: 10, maxSeconds: 60, maxAttempts: 3 },
    });
    const admin = h.provisioning.admin;
    connectorId = (
      await addConnector(admin, null, "lyon", {
        kind: "recording",
        label: "Chat",
        clientId: null,
        settings: { name: "chat" },
        secret: null,
        memberIds: ["ville-lyon"],
        enabled: true,
      })
    ).id;
    await addConnector(admin, null, "lyon", {
      kind: "recording",
      label: "Métropole only",
      clientId: null,
      settings: { name: "metro" },
      secret: null,
      memberIds: ["metropole"],
      enabled: true,
    });
  });
  after(async () => {
    await h?.app.close();
  });
  beforeEach(() => {
    calls.length = 0;
    answer = () => ({ status: "done" });
  });

  const patchActive = (id: string, value: string) =>
    h.scim("ville-lyon", "PATCH", `/Users/${id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: "Replace", path: "active", value }],
    });

  it("delivers a person's changes to the connectors of the person's member only, then nothing more", async () => {
    const created = json(await h.scim("ville-lyon", "POST", "/Users", entraUser("ines", "oid-ines")));
    await patchActive(String(created.id), "False");
    const first = await deliverDueEvents(h.provisioning.engine, pass);
    assert.deepEqual(
      first,
      { delivered: 1, retried: 0, failed: 0 },
      "one event per person and connector per pass",
    );
    await deliverUntilIdle(h.provisioning.engine, { ...pass, maxPasses: 5 });
    assert.deepEqual(
      calls.map((c) => [c.kind, c.account.userName, c.account.active]),
      [
        ["created", "ines@ville-lyon.test", true],
        ["suspended", "ines@ville-lyon.test", false],
      ],
    );
    assert.equal(calls[0]?.memberId, "ville-lyon");
    assert.deepEqual(await deliverDueEvents(h.provisioning.engine, pass), {
      delivered: 0,
      retried: 0,
      failed: 0,
    });
    const listed = await listDeliveries(h.provisioning.admin, null, "lyon", { state: "done" });
    assert.equal(listed.counts.done, 2);
    assert.deepEqual(
      listed.deliveries.map((d) => d.connectorLabel),
      ["Chat", "Chat"],
    );
  });

  it("retries with backoff and keeps the person's later events waiting, in order", async () => {
    const created = json(await h.scim("ville-lyon", "POST", "/Users", entraUser("jules", "oid-jules")));
    await patchActive(String(created.id), "False");
    answer = () => ({ status: "retry", detail: "503 Service Unavailable from the peer" });
    assert.deepEqual(await deliverDueEvents(h.provisioning.engine, pass), {
      delivered: 0,
      retried: 1,
      failed: 0,
    });
    const [pending] = (
      await listDeliveries(h.provisioning.admin, null, "lyon", { state: "pending" })
    ).deliveries.filter((d) => d.kind === "created");
    assert.equal(pending?.lastError, "503 Service Unavailable from the peer");
    assert.equal(pending?.nextAttemptAt?.toISOString(), new Date(clock.getTime() + 10_000).toISOString());
    answer = () => ({ status: "done" });
    assert.deepEqual(
      await deliverDueEvents(h.provisioning.engine, pass),
      { delivered: 0, retried: 0, failed: 0 },
      "not before the backoff",
    );
    advance(11);
    await deliverUntilIdle(h.provisioning.engine, { ...pass, maxPasses: 5 });
    assert.deepEqual(
      calls.map((c) => c.kind),
      ["created", "created", "suspended"],
    );
  });

  it("fails after the last attempt (the peer's answer kept), blocks the person's next events, and replays", async () => {
    const created = json(await h.scim("ville-lyon", "POST", "/Users", entraUser("lea", "oid-lea")));
    await patchActive(String(created.id), "False");
    answer = (change) =>
      change.kind === "created" ? { status: "reject", detail: "400 invalid user name" } : { status: "done" };
    assert.deepEqual(await deliverDueEvents(h.provisioning.engine, pass), {
      delivered: 0,
      retried: 0,
      failed: 1,
    });
    await deliverUntilIdle(h.provisioning.engine, { ...pass, maxPasses: 3 });
    assert.deepEqual(
      calls.map((c) => c.kind),
      ["created"],
      "the suspension waits behind the failed creation",
    );
    const failed = (await listDeliveries(h.provisioning.admin, null, "lyon", { state: "failed" })).deliveries;
    assert.deepEqual(
      failed.map((d) => [d.userName, d.lastError]),
      [["lea@ville-lyon.test", "400 invalid user name"]],
    );
    answer = () => ({ status: "done" });
    assert.equal(await replayEvent(h.provisioning.admin, null, "lyon", failed[0]?.eventId ?? "", null), 1);
    await deliverUntilIdle(h.provisioning.engine, { ...pass, maxPasses: 5 });
    assert.deepEqual(
      calls.map((c) => c.kind),
      ["created", "created", "suspended"],
    );
    await assert.rejects(replayEvent(h.provisioning.admin, null, "autre", failed[0]?.eventId ?? "", null), {
      code: "provisioning.event_not_found",
    });
  });

  it("several nodes at once never deliver the same event twice", async () => {
    for (let i = 0; i < 20; i += 1)
      await h.scim("ville-lyon", "POST", "/Users", entraUser(`n${i}`, `oid-n${i}`));
    const nodes = await Promise.all(
      [1, 2, 3].map(() => deliverUntilIdle(h.provisioning.engine, { ...pass, batch: 4, maxPasses: 20 })),
    );
    assert.equal(
      nodes.reduce((sum, n) => sum + n.delivered, 0),
      20,
    );
    const keys = calls.map((c) => c.eventId);
    assert.equal(new Set(keys).size, keys.length);
    assert.equal(keys.length, 20);
  });

  it("takes over a delivery whose node died once its lease expired", async () => {
    await h.scim("ville-lyon", "POST", "/Users", entraUser("orphan", "oid-orphan"));
    const leased = await h.provisioning.engine.deliveries.leaseDue(
      clock,
      new Date(clock.getTime() + 60_000),
      10,
    );
    assert.equal(leased.length, 1);
    assert.deepEqual(await deliverDueEvents(h.provisioning.engine, pass), {
      delivered: 0,
      retried: 0,
      failed: 0,
    });
    advance(61);
    assert.deepEqual(await deliverDueEvents(h.provisioning.engine, pass), {
      delivered: 1,
      retried: 0,
      failed: 0,
    });
    await h.provisioning.engine.deliveries.markDone(leased[0] as never, clock);
    const [row] = (
      await sql<{
        attempts: number;
      }>`SELECT attempts FROM provisioning_delivery WHERE event_id = ${BigInt(leased[0]?.eventId ?? 0)}`.execute(
        get().db,
      )
    ).rows;
    assert.equal(row?.attempts, 2, "the dead node's late answer changes nothing");
  });

  it("refuses a connector of an unknown kind or with wrong settings, naming them", async () => {
    const input = {
      kind: "matrix",
      label: "x",
      clientId: null,
      settings: {},
      secret: null,
      memberIds: null,
      enabled: true,
    };
    await assert.rejects(addConnector(h.provisioning.admin, null, "lyon", input), {
      code: "provisioning.connector_unknown",
    });
    await assert.rejects(
      addConnector(h.provisioning.admin, null, "lyon", { ...input, kind: "recording" }),
      (error: Error) => /settings\.name/.test(JSON.stringify(error)),
    );
    assert.ok(connectorId);
  });
});

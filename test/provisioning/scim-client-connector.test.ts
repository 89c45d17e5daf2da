import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import type { ConnectorRecord } from "../../src/provisioning/app/connector.ts";
import { deliverUntilIdle } from "../../src/provisioning/app/deliver-due-events.ts";
import { addConnector, listDeliveries } from "../../src/provisioning/app/delivery-admin.ts";
import { resyncConnector } from "../../src/provisioning/app/resync.ts";
import { enqueueDueErasures } from "../../src/provisioning/app/retention.ts";
import { scimClientKind } from "../../src/provisioning/connectors/scim-client-connector.ts";
import { describeOnDatabases } from "../helpers/databases.ts";
import { entraUser, json, PATCH_OP, type ScimHarness, startScimHarness } from "./scim-harness.ts";
import { type ScimmyPeer, startScimmyPeer } from "./scimmy-peer.ts";

/** In this branch's private range (18800–18899); the two suites of the file run one after the other. */
const PEER_PORT = 18810;
const TOKEN = "peer-bearer-token";

/**
 * The generic SCIM 2.0 client against an independent SCIM server from npm (SCIMMY with its
 * Express routers) started on loopback: a member's Entra ID creates a person, the engine
 * provisions the service, a suspension disables the account there, a peer down waits and retries.
 */
describeOnDatabases("SCIM client connector against SCIMMY", (get) => {
  let h: ScimHarness;
  let peer: ScimmyPeer;
  let connector: ConnectorRecord;
  let clock = new Date("2026-03-02T09:00:00Z");
  const pass = { batch: 50, concurrency: 4, leaseSeconds: 60, maxPasses: 10 };
  const peerUsers = () => [...peer.users.values()];

  before(async () => {
    peer = await startScimmyPeer(PEER_PORT, TOKEN);
    h = await startScimHarness(get(), () => clock);
    connector = await addConnector(h.provisioning.admin, null, "lyon", {
      kind: "scim",
      label: "Visio (SCIM)",
      clientId: null,
      settings: { baseUrl: peer.baseUrl },
      secret: TOKEN,
      memberIds: ["ville-lyon"],
      enabled: true,
    });
  });
  after(async () => {
    await peer?.stop();
    await h?.app.close();
  });

  it("creates the person's account at the service, found again by externalId = sub", async () => {
    await h.scim("ville-lyon", "POST", "/Users", entraUser("jeanne.martin", "oid-1"));
    assert.deepEqual(await deliverUntilIdle(h.provisioning.engine, pass), {
      delivered: 1,
      retried: 0,
      failed: 0,
    });
    const [user] = peerUsers();
    assert.equal(user?.userName, "jeanne.martin@ville-lyon.test");
    assert.equal(user?.active, true);
    assert.deepEqual(user?.name, { givenName: "Jeanne", familyName: "Martin" });
    assert.match(String(user?.externalId), /^[0-9a-f-]{36}$/);
  });

  it("is idempotent: the same change delivered twice leaves one account", async () => {
    const [delivery] = (await listDeliveries(h.provisioning.admin, null, "lyon", { state: "done" }))
      .deliveries;
    const change = {
      eventId: delivery?.eventId ?? "",
      kind: "created" as const,
      sub: String(peerUsers()[0]?.externalId),
      ententeId: "lyon",
      memberId: "ville-lyon",
      account: {
        userName: "jeanne.martin@ville-lyon.test",
        active: true,
        email: "jeanne.martin@ville-lyon.test",
        givenName: "Jeanne",
        familyName: "Martin",
        displayName: "Jeanne Martin",
        role: "agent" as const,
        groups: [],
      },
    };
    const connectorOf = scimClientKind.create(connector);
    assert.equal((await connectorOf.deliver(change)).status, "done");
    assert.equal((await connectorOf.deliver(change)).status, "done");
    assert.equal(peerUsers().length, 1);
  });

  it("disables the account when the member sets active: 'False'", async () => {
    const found = json(
      await h.scim(
        "ville-lyon",
        "GET",
        `/Users?filter=${encodeURIComponent('userName eq "jeanne.martin@ville-lyon.test"')}`,
      ),
    );
    const id = String(found.Resources?.[0]?.id);
    await h.scim("ville-lyon", "PATCH", `/Users/${id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: "Replace", path: "active", value: "False" }],
    });
    assert.deepEqual(await deliverUntilIdle(h.provisioning.engine, pass), {
      delivered: 1,
      retried: 0,
      failed: 0,
    });
    assert.equal(peerUsers().length, 1);
    assert.equal(peerUsers()[0]?.active, false);
  });

  it("keeps events while the service is down, says so, and delivers them when it is back", async () => {
    await peer.stop();
    await h.scim("ville-lyon", "POST", "/Users", entraUser("paul", "oid-paul"));
    assert.deepEqual(await deliverUntilIdle(h.provisioning.engine, pass), {
      delivered: 0,
      retried: 1,
      failed: 0,
    });
    const [pending] = (await listDeliveries(h.provisioning.admin, null, "lyon", { state: "pending" }))
      .deliveries;
    assert.match(String(pending?.lastError), /unreachable/);
    await peer.start();
    clock = new Date(clock.getTime() + 60_000);
    assert.deepEqual(await deliverUntilIdle(h.provisioning.engine, pass), {
      delivered: 1,
      retried: 0,
      failed: 0,
    });
    assert.deepEqual(
      peerUsers()
        .map((u) => u.userName)
        .sort(),
      ["jeanne.martin@ville-lyon.test", "paul@ville-lyon.test"],
    );
  });

  it("fails at once on the service's refusal (a wrong token), with its answer", async () => {
    const wrong = scimClientKind.create({ ...connector, secret: "wrong" });
    const outcome = await wrong.deliver({
      eventId: "1",
      kind: "updated",
      sub: "s",
      ententeId: "lyon",
      memberId: "ville-lyon",
      account: {
        userName: "x@ville-lyon.test",
        active: true,
        email: null,
        givenName: "",
        familyName: "",
        displayName: "x",
        role: "agent",
        groups: [],
      },
    });
    assert.equal(outcome.status, "reject");
    assert.match(String(outcome.detail), /HTTP 401/);
    assert.deepEqual(scimClientKind.checkSettings({ baseUrl: "ftp://x" }), [
      "settings.baseUrl: an http(s) URL is expected, not ftp:",
    ]);
  });

  it("the full resync catches an account the service lost (a 200 that did nothing) and one that drifted", async () => {
    const [paul] = peerUsers().filter((u) => u.userName === "paul@ville-lyon.test");
    const jeanne = json(await h.scim("ville-lyon", "POST", "/Users", entraUser("jeanne.bis", "oid-bis")));
    await deliverUntilIdle(h.provisioning.engine, pass);
    // The service "forgets" jeanne.bis (as if its 200 did nothing) and re-enables nobody but changes paul.
    for (const [id, user] of peer.users)
      if (user.userName === "jeanne.bis@ville-lyon.test") peer.users.delete(id);
    if (paul !== undefined) (paul as Record<string, unknown>).active = false;
    assert.deepEqual(await resyncConnector(h.provisioning.resync, null, "lyon", connector.id), {
      checked: 3,
      missing: 1,
      drifted: 1,
      extra: 0,
    });
    await deliverUntilIdle(h.provisioning.engine, pass);
    assert.deepEqual(
      peerUsers()
        .filter((u) => u.active === true)
        .map((u) => u.userName)
        .sort(),
      ["jeanne.bis@ville-lyon.test", "paul@ville-lyon.test"],
    );
    assert.deepEqual(await resyncConnector(h.provisioning.resync, null, "lyon", connector.id), {
      checked: 3,
      missing: 0,
      drifted: 0,
      extra: 0,
    });
    await h.scim("ville-lyon", "DELETE", `/Users/${String(jeanne.id)}`);
    await deliverUntilIdle(h.provisioning.engine, pass);
  });

  it("erases the disabled account after the member's retention period (30 days), idempotently", async () => {
    clock = new Date(clock.getTime() + 31 * 86_400_000);
    const options = { holder: "node", batch: 10, maxBatches: 1, leaseSeconds: 60 };
    assert.equal(await enqueueDueErasures(h.provisioning.retention, options), 2, "jeanne.martin, jeanne.bis");
    assert.deepEqual(await deliverUntilIdle(h.provisioning.engine, pass), {
      delivered: 2,
      retried: 0,
      failed: 0,
    });
    assert.deepEqual(
      peerUsers().map((u) => u.userName),
      ["paul@ville-lyon.test"],
    );
    const [erased] = (await listDeliveries(h.provisioning.admin, null, "lyon", { state: "done" })).deliveries;
    assert.equal(erased?.kind, "erased");
    assert.equal(
      await h.provisioning.admin.deliveries.replay("lyon", erased?.eventId ?? "", null, clock, {
        id: "test",
        label: "test",
      }),
      1,
    );
    await deliverUntilIdle(h.provisioning.engine, pass);
    const [again] = (await listDeliveries(h.provisioning.admin, null, "lyon", { state: "done" })).deliveries;
    assert.equal(again?.lastError ?? null, null);
    assert.equal(peerUsers().length, 1, "a replayed erasure changes nothing more");
  });
});

import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { deliverUntilIdle } from "../../src/provisioning/app/deliver-due-events.ts";
import { addConnector, listConnectors, listDeliveries } from "../../src/provisioning/app/delivery-admin.ts";
import { runResyncJob, startResync } from "../../src/provisioning/app/resync-job.ts";
import { enqueueDueErasures } from "../../src/provisioning/app/retention.ts";
import { ejabberdKind } from "../../src/provisioning/connectors/ejabberd-connector.ts";
import { describeOnDatabases } from "../helpers/databases.ts";
import { entraUser, json, PATCH_OP, type ScimHarness, startScimHarness } from "./scim-harness.ts";
import { type EjabberdPeer, startEjabberd } from "./start-ejabberd.ts";

const HOST = "chat.ville-lyon.test";
/** In this branch's private range (18800–18899). */
const PORTS = { api: 18821, dist: 18820 };

/** ejabberd's REST API, called the way ejabberd answers it. */
const api = async (peer: EjabberdPeer, command: string, body: Record<string, string>) => {
  const response = await fetch(`${peer.apiUrl}/${command}`, { method: "POST", body: JSON.stringify(body) });
  return response.json() as Promise<unknown>;
};

/**
 * The chat connector against Debian's ejabberd started privately on loopback: a member's Entra ID
 * creates a person → a chat account; `active: "False"` → the account is banned; again active →
 * the ban is lifted; a retried delivery changes nothing twice; ejabberd down → the event waits.
 */
describeOnDatabases("ejabberd connector against a private ejabberd", (get) => {
  let h: ScimHarness;
  let peer: EjabberdPeer;
  let clock = new Date("2026-03-02T09:00:00Z");
  const pass = { batch: 50, concurrency: 4, leaseSeconds: 60, maxPasses: 10 };
  let userId = "";

  before(async () => {
    peer = await startEjabberd(PORTS, [HOST]);
    h = await startScimHarness(get(), () => clock);
    await addConnector(h.provisioning.admin, null, "lyon", {
      kind: "ejabberd",
      label: "Messagerie instantanée",
      clientId: null,
      settings: { apiUrl: peer.apiUrl, host: HOST },
      secret: null,
      memberIds: ["ville-lyon"],
      enabled: true,
    });
  });
  after(async () => {
    await h?.app.close();
    await peer?.stop();
  });

  const patchActive = (value: string | boolean) =>
    h.scim("ville-lyon", "PATCH", `/Users/${userId}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: "Replace", path: "active", value }],
    });

  it("registers a chat account for a person the member's directory creates", async () => {
    userId = String(
      json(await h.scim("ville-lyon", "POST", "/Users", entraUser("Jeanne.Martin", "oid-1"))).id,
    );
    assert.deepEqual(await deliverUntilIdle(h.provisioning.engine, pass), {
      delivered: 1,
      retried: 0,
      failed: 0,
    });
    assert.equal(await api(peer, "check_account", { user: "jeanne.martin", host: HOST }), 0);
    assert.deepEqual(await api(peer, "registered_users", { host: HOST }), ["jeanne.martin"]);
  });

  it("bans the account when the member sets active: 'False', and lifts the ban when active again", async () => {
    // A ban in ejabberd 23.01 kicks the sessions and replaces the password: a known one stops working.
    const account = { user: "jeanne.martin", host: HOST };
    await api(peer, "change_password", { ...account, newpass: "known-password" });
    assert.equal(await api(peer, "check_password", { ...account, password: "known-password" }), 0);
    await patchActive("False");
    assert.deepEqual(await deliverUntilIdle(h.provisioning.engine, pass), {
      delivered: 1,
      retried: 0,
      failed: 0,
    });
    const [done] = (await listDeliveries(h.provisioning.admin, null, "lyon", { state: "done" })).deliveries;
    assert.equal(done?.kind, "suspended");
    assert.equal(await api(peer, "check_password", { ...account, password: "known-password" }), 1);
    await patchActive(true);
    assert.deepEqual(await deliverUntilIdle(h.provisioning.engine, pass), {
      delivered: 1,
      retried: 0,
      failed: 0,
    });
    assert.deepEqual(await api(peer, "registered_users", { host: HOST }), ["jeanne.martin"]);
  });

  it("changes nothing twice on a retried delivery, and bans nobody who has no account", async () => {
    const connector = ejabberdKind.create({
      id: "c",
      ententeId: "lyon",
      kind: "ejabberd",
      label: "chat",
      clientId: null,
      settings: { apiUrl: peer.apiUrl, host: HOST },
      secret: null,
      memberIds: null,
      enabled: true,
    });
    const change = (local: string, kind: "created" | "suspended") => ({
      eventId: "1",
      kind,
      sub: "s",
      ententeId: "lyon",
      memberId: "ville-lyon",
      account: {
        userName: `${local}@ville-lyon.test`,
        active: kind === "created",
        email: `${local}@ville-lyon.test`,
        givenName: "",
        familyName: "",
        displayName: local,
        role: "agent" as const,
        groups: [],
      },
    });
    assert.equal((await connector.deliver(change("paul", "created"))).status, "done");
    assert.equal((await connector.deliver(change("paul", "created"))).status, "done");
    assert.equal((await connector.deliver(change("ghost", "suspended"))).detail, "no account to ban");
    assert.deepEqual(((await api(peer, "registered_users", { host: HOST })) as string[]).sort(), [
      "jeanne.martin",
      "paul",
    ]);
  });

  it("the full resync lists ejabberd's accounts: re-registers one lost, bans one of nobody Entente knows", async () => {
    // jeanne.martin's account vanishes at ejabberd (as if its register did nothing); paul, registered
    // by hand above, is nobody of the Ville de Lyon's directory.
    await api(peer, "change_password", { user: "paul", host: HOST, newpass: "known-password" });
    await api(peer, "unregister", { user: "jeanne.martin", host: HOST });
    assert.equal(await api(peer, "check_account", { user: "jeanne.martin", host: HOST }), 1);
    const deps = h.provisioning.resyncJobs;
    const connectorId = (await listConnectors(h.provisioning.admin, null, "lyon"))[0]?.id ?? "";
    const job = await startResync(deps, null, "lyon", connectorId);
    const ended = await runResyncJob(deps, job.id, "node", { pageSize: 1 });
    assert.deepEqual(
      [ended?.state, ended?.total, ended?.compared, ended?.created, ended?.updated, ended?.disabled],
      ["done", 2, 2, 1, 0, 1],
    );
    assert.deepEqual(await deliverUntilIdle(h.provisioning.engine, pass), {
      delivered: 2,
      retried: 0,
      failed: 0,
    });
    assert.equal(await api(peer, "check_account", { user: "jeanne.martin", host: HOST }), 0);
    assert.equal(
      await api(peer, "check_password", { user: "paul", host: HOST, password: "known-password" }),
      1,
    );
    const again = await startResync(deps, null, "lyon", connectorId);
    const second = await runResyncJob(deps, again.id, "node");
    // ejabberd 23.01 cannot tell a banned account: the unknown one is banned again (no change twice).
    assert.deepEqual(
      [second?.created, second?.updated, second?.disabled],
      [0, 0, 1],
      "nothing missing any more",
    );
    assert.deepEqual(await deliverUntilIdle(h.provisioning.engine, pass), {
      delivered: 1,
      retried: 0,
      failed: 0,
    });
  });

  it("keeps the event while ejabberd is down and says which peer", async () => {
    await peer.stop();
    await h.scim("ville-lyon", "POST", "/Users", entraUser("lea", "oid-lea"));
    assert.deepEqual(await deliverUntilIdle(h.provisioning.engine, pass), {
      delivered: 0,
      retried: 1,
      failed: 0,
    });
    const [pending] = (await listDeliveries(h.provisioning.admin, null, "lyon", { state: "pending" }))
      .deliveries;
    assert.match(String(pending?.lastError), /ejabberd http:\/\/127\.0\.0\.1:18821\/api: peer unreachable/);
    peer = await startEjabberd(PORTS, [HOST]);
    clock = new Date(clock.getTime() + 60_000);
    assert.deepEqual(await deliverUntilIdle(h.provisioning.engine, pass), {
      delivered: 1,
      retried: 0,
      failed: 0,
    });
    assert.equal(await api(peer, "check_account", { user: "lea", host: HOST }), 0);
  });

  it("unregisters the account after the member's retention period, and only that one", async () => {
    await patchActive("False");
    await deliverUntilIdle(h.provisioning.engine, pass);
    clock = new Date(clock.getTime() + 30 * 86_400_000);
    const options = { holder: "node", batch: 10, maxBatches: 1, leaseSeconds: 60 };
    assert.equal(await enqueueDueErasures(h.provisioning.retention, options), 1);
    assert.deepEqual(await deliverUntilIdle(h.provisioning.engine, pass), {
      delivered: 1,
      retried: 0,
      failed: 0,
    });
    const [done] = (await listDeliveries(h.provisioning.admin, null, "lyon", { state: "done" })).deliveries;
    assert.deepEqual([done?.kind, done?.userName], ["erased", "Jeanne.Martin@ville-lyon.test"]);
    assert.equal(await api(peer, "check_account", { user: "jeanne.martin", host: HOST }), 1);
    assert.equal(await api(peer, "check_account", { user: "lea", host: HOST }), 0);
  });
});

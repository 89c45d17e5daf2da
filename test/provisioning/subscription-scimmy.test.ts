import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { addConnector } from "../../src/provisioning/app/delivery-admin.ts";
import { resyncConnector } from "../../src/provisioning/app/resync.ts";
import { describeOnDatabases } from "../helpers/databases.ts";
import { entraUser, json, PATCH_OP } from "./scim-harness.ts";
import { type ScimmyPeer, startScimmyPeer } from "./scimmy-peer.ts";
import { GROUP_SCHEMA, type SubscribedHarness, startSubscribedHarness } from "./subscription-fixture.ts";

/** In the private range of the provisioning tests (18800–18899), apart from the connector's own suite. */
const PEER_PORT = 18857;
const TOKEN = "peer-bearer-token";

/**
 * Issue 12 item 1 through a real connector: the generic SCIM client delivering to an independent
 * SCIM server (SCIMMY, npm) for a catalogued service whose subscription starts on a future day,
 * is limited to a group, and ends: the accounts appear on the start day, follow the group, and
 * are disabled (not deleted) the day after the end.
 */
describeOnDatabases("provisioning: a subscription's days and groups on a SCIM peer", (get) => {
  let s: SubscribedHarness;
  let peer: ScimmyPeer;
  let now = new Date("2026-03-02T09:00:00Z");
  let service = "";
  let alice = "";
  let bob = "";
  let group = "";
  const accounts = () =>
    [...peer.users.values()].map((u) => [String(u.userName), u.active === true] as const).sort();

  before(async () => {
    peer = await startScimmyPeer(PEER_PORT, TOKEN);
    s = await startSubscribedHarness(get(), () => now);
    service = await s.catalogue("Visio");
    await addConnector(s.h.provisioning.admin, null, "lyon", {
      kind: "scim",
      label: "Visio (SCIM)",
      clientId: service,
      settings: { baseUrl: peer.baseUrl },
      secret: TOKEN,
      memberIds: ["ville-lyon"],
      enabled: true,
    });
    alice = String(json(await s.h.scim("ville-lyon", "POST", "/Users", entraUser("alice", "ext-alice"))).id);
    bob = String(json(await s.h.scim("ville-lyon", "POST", "/Users", entraUser("bob", "ext-bob"))).id);
    const created = await s.h.scim("ville-lyon", "POST", "/Groups", {
      schemas: [GROUP_SCHEMA],
      displayName: "Visio",
      members: [{ value: alice }],
    });
    group = String(json(created).id);
  });
  after(async () => {
    await s?.h.app.close();
    await peer?.stop();
  });

  it("no account before the start day; on the start day, the group's members get one", async () => {
    await s.subscribe(service, { startsOn: "2026-04-01", endsOn: "2026-06-30", groups: ["Visio"] });
    await s.boundaries();
    await s.deliver();
    assert.deepEqual(accounts(), []);
    now = new Date("2026-04-01T06:00:00Z");
    assert.equal(await s.boundaries(), 1);
    await s.deliver();
    assert.deepEqual(accounts(), [["alice@ville-lyon.test", true]]);
  });

  it("joining the group creates the account; leaving it disables it", async () => {
    const patch = (op: string, path: string, value?: unknown) =>
      s.h.scim("ville-lyon", "PATCH", `/Groups/${group}`, {
        schemas: [PATCH_OP],
        Operations: [{ op, path, ...(value === undefined ? {} : { value }) }],
      });
    assert.equal((await patch("add", "members", [{ value: bob }])).statusCode, 200);
    await s.deliver();
    assert.deepEqual(accounts(), [
      ["alice@ville-lyon.test", true],
      ["bob@ville-lyon.test", true],
    ]);
    assert.equal((await patch("remove", `members[value eq "${bob}"]`)).statusCode, 200);
    await s.deliver();
    assert.deepEqual(accounts(), [
      ["alice@ville-lyon.test", true],
      ["bob@ville-lyon.test", false],
    ]);
  });

  it("the day after the end, the accounts are disabled and stay so after a SCIM update", async () => {
    now = new Date("2026-07-01T06:00:00Z");
    assert.equal(await s.boundaries(), 1, "Alice's account only: Bob's is already disabled");
    await s.deliver();
    assert.deepEqual(accounts(), [
      ["alice@ville-lyon.test", false],
      ["bob@ville-lyon.test", false],
    ]);
    for (const value of ["False", "True"])
      await s.h.scim("ville-lyon", "PATCH", `/Users/${alice}`, {
        schemas: [PATCH_OP],
        Operations: [{ op: "Replace", path: "active", value }],
      });
    await s.deliver();
    assert.deepEqual(accounts(), [
      ["alice@ville-lyon.test", false],
      ["bob@ville-lyon.test", false],
    ]);
  });

  it("a resync applies the same rule: an account enabled behind Entente's back is disabled again", async () => {
    const [record] = await s.h.provisioning.admin.connectors.list("lyon");
    assert.ok(record);
    for (const user of peer.users.values()) user.active = true;
    const report = await resyncConnector(s.h.provisioning.resync, null, "lyon", record.id);
    assert.deepEqual([report.drifted, report.missing], [2, 0]);
    await s.deliver();
    assert.deepEqual(accounts(), [
      ["alice@ville-lyon.test", false],
      ["bob@ville-lyon.test", false],
    ]);
  });
});

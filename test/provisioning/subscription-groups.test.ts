import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import type { ConnectorChange } from "../../src/provisioning/app/connector.ts";
import { addConnector } from "../../src/provisioning/app/delivery-admin.ts";
import { describeOnDatabases } from "../helpers/databases.ts";
import { entraUser, json, PATCH_OP } from "./scim-harness.ts";
import {
  GROUP_SCHEMA,
  recordingKind,
  type SubscribedHarness,
  startSubscribedHarness,
} from "./subscription-fixture.ts";

/**
 * Issue 12 item 1, group-based subscriptions: a subscription limited to groups (and/or roles)
 * gives accounts only to the persons in them; joining a group (SCIM Group PATCH add) or taking
 * the role gives `created`, leaving gives `suspended`; a group deleted or the subscription's
 * groups changed recompute the persons, with events only for the difference.
 */
describeOnDatabases("provisioning: a subscription limited to groups or roles", (get) => {
  let s: SubscribedHarness;
  const now = new Date("2026-03-02T09:00:00Z");
  const calls: (ConnectorChange & { readonly connector: string })[] = [];
  let urba = "";
  let alice = "";
  let bob = "";
  let group = "";
  const seen = () => {
    const out = calls.map((c) => [c.kind, c.account.email, c.account.active]);
    calls.length = 0;
    return out.sort();
  };
  const patchGroup = (op: string, path: string, value?: unknown) =>
    s.h.scim("ville-lyon", "PATCH", `/Groups/${group}`, {
      schemas: [PATCH_OP],
      Operations: [{ op, path, ...(value === undefined ? {} : { value }) }],
    });

  before(async () => {
    s = await startSubscribedHarness(get(), () => now, { extraKinds: [recordingKind(calls)] });
    urba = await s.catalogue("Urbanisme en ligne");
    await addConnector(s.h.provisioning.admin, null, "lyon", {
      kind: "recording",
      label: "Urba",
      clientId: urba,
      settings: {},
      secret: null,
      memberIds: null,
      enabled: true,
    });
    alice = String(json(await s.h.scim("ville-lyon", "POST", "/Users", entraUser("alice", "ext-alice"))).id);
    const elu = { ...entraUser("bob", "ext-bob"), userType: "Élu" };
    bob = String(json(await s.h.scim("ville-lyon", "POST", "/Users", elu)).id);
    const created = await s.h.scim("ville-lyon", "POST", "/Groups", {
      schemas: [GROUP_SCHEMA],
      displayName: "Urbanisme",
      members: [{ value: alice }],
    });
    group = String(json(created).id);
    await s.deliver();
    calls.length = 0;
  });
  after(async () => {
    await s?.h.app.close();
  });

  it("a subscription limited to a group gives an account to its members only (names compared case-insensitively)", async () => {
    await s.subscribe(urba, { groups: ["urbanisme"] });
    await s.deliver();
    assert.deepEqual(seen(), [["created", "alice@ville-lyon.test", true]]);
  });

  it("joining the group (SCIM PATCH add) gives `created`; leaving it (remove by filter) `suspended`", async () => {
    assert.equal((await patchGroup("add", "members", [{ value: bob }])).statusCode, 200);
    await s.deliver();
    assert.deepEqual(seen(), [["created", "bob@ville-lyon.test", true]]);
    assert.equal((await patchGroup("remove", `members[value eq "${alice}"]`)).statusCode, 200);
    await s.deliver();
    assert.deepEqual(seen(), [["suspended", "alice@ville-lyon.test", false]]);
  });

  it("the subscription's audience changed: events only for the difference", async () => {
    // Now the agents, whatever their groups: Alice (agent) back, Bob (élu) out.
    await s.subscribe(urba, { roles: ["agent"], groups: null });
    await s.deliver();
    assert.deepEqual(seen(), [
      ["reactivated", "alice@ville-lyon.test", true],
      ["suspended", "bob@ville-lyon.test", false],
    ]);
    await s.subscribe(urba, { roles: ["agent"], groups: null, seats: { value: 5, unit: "accounts" } });
    await s.deliver();
    assert.deepEqual(seen(), [], "a change of quota changes no one's access");
  });

  it("a change of role (SCIM userType) gives or takes the account", async () => {
    await s.h.scim("ville-lyon", "PATCH", `/Users/${bob}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: "Replace", path: "userType", value: "Agent" }],
    });
    await s.deliver();
    assert.deepEqual(seen(), [["reactivated", "bob@ville-lyon.test", true]]);
  });

  it("the group deleted: its members lose the accounts the group gave them", async () => {
    await s.subscribe(urba, { roles: null, groups: ["Urbanisme"] });
    await s.deliver();
    assert.deepEqual(seen(), [["suspended", "alice@ville-lyon.test", false]], "Bob is in the group");
    assert.equal((await s.h.scim("ville-lyon", "DELETE", `/Groups/${group}`)).statusCode, 204);
    await s.deliver();
    assert.deepEqual(seen(), [["suspended", "bob@ville-lyon.test", false]]);
  });
});

import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { sql } from "kysely";
import type { ConnectorKind } from "../../src/provisioning/app/connector.ts";
import { addConnector } from "../../src/provisioning/app/delivery-admin.ts";
import type { PersonChange, UserWrite } from "../../src/provisioning/app/ports.ts";
import { describeOnDatabases } from "../helpers/databases.ts";
import { type ScimHarness, startScimHarness } from "./scim-harness.ts";

/**
 * The SCIM store's create on PGlite and PostgreSQL (issue 12, performance: one statement for the
 * User, its event and the event's deliveries): all three or none, the deliveries for the enabled
 * connectors serving the member only, and a userName taken meanwhile (another create at the same
 * time) writes nothing.
 */
describeOnDatabases("SCIM store: a User created with its event and deliveries", (get) => {
  let h: ScimHarness;
  const at = new Date("2026-03-02T09:00:00Z");
  const scope = { ententeId: "lyon", memberId: "ville-lyon", sourceId: "" };
  const silent: ConnectorKind = {
    kind: "silent",
    checkSettings: () => [],
    create: () => ({ deliver: async () => ({ status: "done" }) }),
  };
  const write = (userName: string, sub: string): UserWrite => ({
    userName,
    externalId: null,
    active: true,
    attributes: { userName, active: true },
    sub,
    at,
  });
  const change = (sub: string, kind: PersonChange["kind"] = "created"): PersonChange => ({
    sub,
    kind,
    payload: {
      userName: `${sub}@ville-lyon.test`,
      active: kind !== "suspended",
      email: `${sub}@ville-lyon.test`,
      givenName: "Une",
      familyName: "Agente",
      displayName: "Une Agente",
      role: "agent",
      groups: [],
    },
  });
  const written = async (sub: string) => {
    const db = get().db;
    const events = await sql<{ kind: string }>`
      SELECT kind FROM provisioning_event WHERE sub = ${sub} ORDER BY id`.execute(db);
    const deliveries = await sql<{ label: string; state: string; next_attempt_at: Date }>`
      SELECT c.label, d.state, d.next_attempt_at FROM provisioning_delivery d
      JOIN provisioning_connector c ON c.id = d.connector_id WHERE d.sub = ${sub} ORDER BY c.label`.execute(
      db,
    );
    return { events: events.rows.map((r) => r.kind), deliveries: deliveries.rows };
  };

  before(async () => {
    h = await startScimHarness(get(), () => at, { extraKinds: [silent] });
    scope.sourceId = h.villeSourceId;
    const connector = (label: string, memberIds: string[] | null, enabled: boolean) =>
      addConnector(h.provisioning.admin, null, "lyon", {
        kind: "silent",
        label,
        clientId: null,
        settings: {},
        secret: null,
        memberIds,
        enabled,
      });
    await connector("a-ville", ["ville-lyon"], true);
    await connector("b-every-member", null, true);
    await connector("c-metropole", ["metropole"], true);
    await connector("d-disabled", ["ville-lyon"], false);
  });
  after(async () => {
    await h?.app.close();
  });

  it("writes the User, one event and a pending delivery per enabled connector of the member", async () => {
    const store = h.provisioning.scim.store;
    const user = await store.insertUser(
      scope,
      crypto.randomUUID(),
      write("Une.Agente@ville-lyon.test", "s1"),
      [change("s1")],
    );
    assert.equal(user?.userName, "Une.Agente@ville-lyon.test");
    assert.equal(user?.version, 1);
    assert.equal(user?.created.getTime(), at.getTime());
    const { events, deliveries } = await written("s1");
    assert.deepEqual(events, ["created"]);
    assert.deepEqual(
      deliveries.map((d) => [d.label, d.state, new Date(d.next_attempt_at).getTime()]),
      [
        ["a-ville", "pending", at.getTime()],
        ["b-every-member", "pending", at.getTime()],
      ],
    );
  });

  it("writes nothing for a userName another create took at the same time (compared case-insensitively)", async () => {
    const store = h.provisioning.scim.store;
    const results = await Promise.all([
      store.insertUser(scope, crypto.randomUUID(), write("deux@ville-lyon.test", "s2"), [change("s2")]),
      store.insertUser(scope, crypto.randomUUID(), write("DEUX@ville-lyon.test", "s3"), [change("s3")]),
    ]);
    assert.equal(results.filter((r) => r === null).length, 1, "one of the two creates wins");
    const winner = results[0] === null ? "s3" : "s2";
    const loser = winner === "s2" ? "s3" : "s2";
    assert.equal((await written(winner)).events.length, 1);
    assert.deepEqual(await written(loser), { events: [], deliveries: [] });
  });

  it("writes several changes of one create in order, each with its deliveries", async () => {
    const store = h.provisioning.scim.store;
    const user = await store.insertUser(scope, crypto.randomUUID(), write("trois@ville-lyon.test", "s4"), [
      change("s4"),
      change("s4", "suspended"),
    ]);
    assert.notEqual(user, null);
    const { events, deliveries } = await written("s4");
    assert.deepEqual(events, ["created", "suspended"]);
    assert.equal(deliveries.length, 4);
  });
});

import assert from "node:assert/strict";
import { before, it } from "node:test";
import { sql } from "kysely";
import { createEntenteStore } from "../../src/finance/db/entente-store.ts";
import { readEntenteFile } from "../../src/finance/formats/read-entente-file.ts";
import { ConsoleClient } from "../helpers/console-client.ts";
import { describeOnDatabases } from "../helpers/databases.ts";
import { ROOT } from "../helpers/run-cli.ts";
import { startWorkplaceFixture, type WorkplaceFixture } from "../workplace/workplace-fixtures.ts";

const API = "/api/ententes/lyon/provisioning";
const connector = (overrides: Record<string, unknown> = {}) => ({
  kind: "scim",
  label: "Fichiers",
  settings: { baseUrl: "https://files.lyon.test/scim/v2" },
  secret: "jeton",
  enabled: true,
  ...overrides,
});

/**
 * A connector names only its own entente's members and service (422 naming the field and the
 * unknown ids otherwise); a connector is removed by the secretariat, its pending and failed
 * deliveries dropped with it and counted in the answer and the audit trail.
 */
describeOnDatabases("provisioning connectors: references and removal", (get) => {
  let f: WorkplaceFixture;
  let finance: ConsoleClient;
  let lyonService = "";
  let otherService = "";

  before(async () => {
    f = await startWorkplaceFixture(get(), () => new Date("2026-03-02T09:00:00Z"));
    const syndicat = await readEntenteFile(`${ROOT}examples/syndicat-12-communes/entente.yaml`);
    await createEntenteStore(get().db).importEntente("syndicat", syndicat, { id: "import", label: "import" });
    lyonService = await f.registerClient("lyon", "Fichiers");
    otherService = await f.registerClient("autre", "Fichiers");
    finance = new ConsoleClient(f.app);
    assert.equal(
      (await finance.signIn("finance.ville-lyon@lyon.entente.localhost", "mot-de-passe-de-test")).status,
      200,
    );
  });

  const declare = (body: Record<string, unknown>) =>
    f.clients.secretariat.send("POST", `${API}/connectors`, body);
  const issuesOf = (reply: { json(): { errors?: { field: string; code: string; message: string }[] } }) =>
    (reply.json().errors ?? []).map((e) => [e.field, e.code, e.message]);

  it("refuses another entente's member, an unknown one, an empty list, naming the ids", async () => {
    for (const [memberIds, unknown] of [
      [["saint-aubin"], "saint-aubin"],
      [["nope", "ville-lyon"], "nope"],
      [[], "[]"],
    ] as const) {
      const reply = await declare(connector({ memberIds }));
      assert.equal(reply.status, 422, JSON.stringify(reply.json()));
      const [issue] = issuesOf(reply);
      assert.equal(issue?.[1], "provisioning.connector_members_unknown", JSON.stringify(reply.json()));
      assert.match(String(issue?.[2]), /memberIds/);
      assert.match(String(issue?.[2]), new RegExp(`inconnus : ${unknown.replace(/[[\]]/g, "\\$&")}`));
    }
  });

  it("refuses another entente's service and an unknown one; the entente's own are accepted", async () => {
    for (const clientId of [otherService, "nope"]) {
      const reply = await declare(connector({ clientId }));
      assert.equal(reply.status, 422, JSON.stringify(reply.json()));
      const [issue] = issuesOf(reply);
      assert.equal(issue?.[1], "provisioning.connector_service_unknown");
      assert.match(String(issue?.[2]), new RegExp(`clientId.*${clientId}`));
    }
    const both = await declare(connector({ clientId: "nope", memberIds: ["nope"] }));
    assert.deepEqual(
      issuesOf(both).map((i) => i[1]),
      ["provisioning.connector_members_unknown", "provisioning.connector_service_unknown"],
    );
    const ok = await declare(connector({ clientId: lyonService, memberIds: ["ville-lyon", "metropole"] }));
    assert.equal(ok.status, 201, JSON.stringify(ok.json()));
    const listed = (await f.clients.secretariat.send("GET", `${API}/connectors`)).json();
    assert.equal(listed.length, 1, "nothing was written by the refused declarations");
  });

  it("removes a connector: the secretariat only, with CSRF; another entente's is not found", async () => {
    const created = (await declare(connector({ label: "À retirer" }))).json();
    const path = `${API}/connectors/${created.id}`;
    await sql`INSERT INTO provisioning_event (entente_id, member_id, sub, kind, payload, created_at)
      VALUES ('lyon', 'ville-lyon', 'sub-x', 'created', '{}'::jsonb, now())`.execute(get().db);
    await sql`INSERT INTO provisioning_delivery (event_id, connector_id, sub, state, next_attempt_at)
      SELECT max(id), ${created.id}, 'sub-x', 'pending', now() FROM provisioning_event`.execute(get().db);
    assert.equal((await finance.send("DELETE", path)).status, 403, "a finance officer");
    assert.equal((await f.clients.reader.send("DELETE", path)).status, 403, "a reader");
    assert.equal((await f.clients.secretariat.send("DELETE", path, undefined, { csrf: false })).status, 403);
    const otherConnector = (
      await f.clients.other.send("POST", "/api/ententes/autre/provisioning/connectors", connector())
    ).json();
    const foreign = await f.clients.secretariat.send("DELETE", `${API}/connectors/${otherConnector.id}`);
    assert.equal(foreign.status, 404, "another entente's connector");
    assert.equal(foreign.json().code, "provisioning.connector_not_found");

    const removed = await f.clients.secretariat.send("DELETE", path);
    assert.equal(removed.status, 200, JSON.stringify(removed.json()));
    assert.deepEqual(removed.json(), { id: created.id, droppedDeliveries: { pending: 1, failed: 0 } });
    const ids = (await f.clients.secretariat.send("GET", `${API}/connectors`))
      .json()
      .map((c: { id: string }) => c.id);
    assert.ok(!ids.includes(created.id));
    const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM audit_event
      WHERE action = 'provisioning.connector.remove' AND entity_id = ${created.id}`.execute(get().db);
    assert.equal(Number(rows[0]?.n), 1, "audited");
    assert.equal((await f.clients.secretariat.send("DELETE", path)).status, 404, "gone");
  });
});

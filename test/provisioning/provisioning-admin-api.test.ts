import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { seedExample } from "../../src/compose.ts";
import { readEntenteFile } from "../../src/finance/formats/read-entente-file.ts";
import { createIdentityAdminStore } from "../../src/identity/db/identity-admin-store.ts";
import type { ZodFastifyInstance } from "../../src/platform/http/app-deps.ts";
import { buildConsoleApp, ConsoleClient } from "../helpers/console-client.ts";
import { describeOnDatabases } from "../helpers/databases.ts";
import { LYON } from "../helpers/run-cli.ts";
import { ACTOR, LDAP_SOURCE } from "../identity/directory-fixtures.ts";

const PASSWORD = "mot-de-passe-de-test";
const email = (local: string) => `${local}@lyon.entente.localhost`;
const API = "/api/ententes/lyon/provisioning";

/** Every access decision of the provisioning API: the secretariat's; a finance officer gets 403. */
describeOnDatabases("provisioning administration API over HTTP", (get) => {
  let app: ZodFastifyInstance;
  const clients: Record<"secretariat" | "finance", ConsoleClient> = {} as never;
  let sourceId = "";

  before(async () => {
    const built = await buildConsoleApp(get());
    app = built.app;
    await seedExample(built.composed, "lyon", await readEntenteFile(LYON), PASSWORD);
    sourceId = (await createIdentityAdminStore(get().db).createSource("lyon", LDAP_SOURCE, ACTOR)).id;
    for (const [key, address] of [
      ["secretariat", email("secretariat")],
      ["finance", email("finance.ville-lyon")],
    ] as const) {
      clients[key] = new ConsoleClient(app);
      assert.equal((await clients[key].signIn(address, PASSWORD)).status, 200, address);
    }
  });
  after(async () => app?.close());

  it("issues a SCIM token once (no-store) that opens the member's endpoint; rotation closes the old one", async () => {
    const issued = await clients.secretariat.send("POST", `${API}/scim-tokens`, {
      memberId: "ville-lyon",
      sourceId,
    });
    assert.equal(issued.status, 201, JSON.stringify(issued.json()));
    assert.equal(issued.headers["cache-control"], "no-store");
    const { endpoint, token } = issued.json();
    assert.match(endpoint, /\/scim\/v2\/lyon\/ville-lyon$/);
    const path = new URL(endpoint).pathname;
    const use = (t: string) =>
      app.inject({ method: "GET", url: `${path}/Users`, headers: { authorization: `Bearer ${t}` } });
    assert.equal((await use(token)).statusCode, 200);
    const rotated = (
      await clients.secretariat.send("POST", `${API}/scim-tokens`, { memberId: "ville-lyon", sourceId })
    ).json();
    assert.equal((await use(token)).statusCode, 401);
    assert.equal((await use(rotated.token)).statusCode, 200);
    assert.equal((await clients.secretariat.send("DELETE", `${API}/scim-tokens/ville-lyon`)).status, 204);
    assert.equal((await use(rotated.token)).statusCode, 401);
  });

  it("refuses a source of another member and an unknown member, naming them", async () => {
    const wrongSource = await clients.secretariat.send("POST", `${API}/scim-tokens`, {
      memberId: "metropole",
      sourceId,
    });
    assert.equal(wrongSource.status, 422);
    assert.equal(wrongSource.json().code, "provisioning.source_not_of_member");
    const noMember = await clients.secretariat.send("POST", `${API}/scim-tokens`, {
      memberId: "nobody",
      sourceId,
    });
    assert.equal(noMember.status, 404);
    assert.equal(noMember.json().code, "provisioning.member_unknown");
  });

  it("lists deliveries and connectors, declares a connector, replays: the secretariat only", async () => {
    const list = await clients.secretariat.send("GET", `${API}/deliveries?state=failed`);
    assert.equal(list.status, 200, JSON.stringify(list.json()));
    assert.deepEqual(list.json().counts, { pending: 0, done: 0, failed: 0 });
    const unknownKind = await clients.secretariat.send("POST", `${API}/connectors`, {
      kind: "matrix",
      label: "Matrix",
      settings: {},
      enabled: true,
    });
    assert.equal(unknownKind.status, 422);
    assert.equal(unknownKind.json().code, "provisioning.connector_unknown");
    assert.equal((await clients.secretariat.send("GET", `${API}/connectors`)).status, 200);
    const replay = await clients.secretariat.send("POST", `${API}/events/999/replay`);
    assert.equal(replay.json().code, "provisioning.event_not_found");
    for (const [method, path, body] of [
      ["POST", `${API}/scim-tokens`, { memberId: "ville-lyon", sourceId }],
      ["DELETE", `${API}/scim-tokens/ville-lyon`, undefined],
      ["GET", `${API}/deliveries`, undefined],
      ["GET", `${API}/connectors`, undefined],
      ["POST", `${API}/connectors`, { kind: "scim", label: "x", settings: {}, enabled: true }],
      ["POST", `${API}/events/1/replay`, undefined],
    ] as const) {
      const reply = await clients.finance.send(method, path, body);
      assert.equal(reply.status, 403, `${method} ${path}`);
    }
    assert.equal((await new ConsoleClient(app).send("GET", `${API}/deliveries`)).status, 401);
  });
});

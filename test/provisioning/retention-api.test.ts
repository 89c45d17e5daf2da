import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { seedExample } from "../../src/compose.ts";
import { readEntenteFile } from "../../src/finance/formats/read-entente-file.ts";
import type { ZodFastifyInstance } from "../../src/platform/http/app-deps.ts";
import { buildConsoleApp, ConsoleClient } from "../helpers/console-client.ts";
import { describeOnDatabases } from "../helpers/databases.ts";
import { LYON } from "../helpers/run-cli.ts";

const PASSWORD = "mot-de-passe-de-test";
const API = "/api/ententes/lyon/provisioning";

/**
 * Every access decision of the retention API: the secretariat sets and reads any member's; a
 * member's finance officer its own member's only; anonymous 401; wrong periods 422, named.
 */
describeOnDatabases("provisioning retention API over HTTP", (get) => {
  let app: ZodFastifyInstance;
  const clients: Record<"secretariat" | "finance", ConsoleClient> = {} as never;

  before(async () => {
    const built = await buildConsoleApp(get());
    app = built.app;
    await seedExample(built.composed, "lyon", await readEntenteFile(LYON), PASSWORD);
    for (const [key, local] of [
      ["secretariat", "secretariat"],
      ["finance", "finance.ville-lyon"],
    ] as const) {
      clients[key] = new ConsoleClient(app);
      assert.equal((await clients[key].signIn(`${local}@lyon.entente.localhost`, PASSWORD)).status, 200);
    }
  });
  after(async () => app?.close());

  const put = (who: ConsoleClient, member: string, days: unknown) =>
    who.send("PUT", `${API}/members/${member}/retention`, { days });

  it("the secretariat and the member's own officer set the period; another member's is forbidden", async () => {
    assert.deepEqual((await put(clients.secretariat, "metropole", 90)).json(), { retentionDays: 90 });
    assert.deepEqual((await put(clients.finance, "ville-lyon", 14)).json(), { retentionDays: 14 });
    assert.equal((await put(clients.finance, "metropole", 14)).status, 403);
    const anonymous = await app.inject({
      method: "PUT",
      url: `${API}/members/ville-lyon/retention`,
      payload: { days: 3 },
    });
    assert.equal(anonymous.statusCode, 401);
  });

  it("reads the member's period and what is scheduled; the officer sees its own member only", async () => {
    const own = await clients.finance.send("GET", `${API}/erasures?memberId=ville-lyon`);
    assert.equal(own.status, 200);
    assert.deepEqual(own.json(), { retentionDays: 14, scheduled: [] });
    assert.equal((await clients.finance.send("GET", `${API}/erasures?memberId=metropole`)).status, 403);
    const all = await clients.secretariat.send("GET", `${API}/erasures`);
    assert.deepEqual(all.json(), { retentionDays: null, scheduled: [] });
    const other = await clients.secretariat.send("GET", "/api/ententes/autre/provisioning/erasures");
    assert.notEqual(other.status, 200, "another entente's");
  });

  it("a resync is the secretariat's; a tool that cannot be listed is named (422); an unknown connector 404", async () => {
    const added = await clients.secretariat.send("POST", `${API}/connectors`, {
      kind: "scim",
      label: "Visio éteinte",
      settings: { baseUrl: "http://127.0.0.1:9/scim/v2" },
      enabled: true,
    });
    assert.equal(added.status, 201, JSON.stringify(added.json()));
    const resync = (who: ConsoleClient, id: string) => who.send("POST", `${API}/connectors/${id}/resync`, {});
    assert.equal((await resync(clients.finance, added.json().id)).status, 403);
    const down = await resync(clients.secretariat, added.json().id);
    assert.equal(down.status, 422);
    assert.equal(down.json().code, "provisioning.resync_peer");
    assert.match(down.json().detail, /Visio éteinte/);
    assert.equal(
      (await resync(clients.secretariat, "nowhere")).json().code,
      "provisioning.connector_not_found",
    );
  });

  it("refuses a period outside 1..3650 whole days and an unknown member, naming them; nothing changes", async () => {
    const wrong = await put(clients.secretariat, "ville-lyon", 0);
    assert.equal(wrong.status, 422);
    assert.equal(wrong.json().code, "provisioning.retention_invalid");
    assert.match(wrong.json().detail, /entre 1 et 3650|between 1 and 3650/);
    assert.equal((await put(clients.secretariat, "ville-lyon", "30")).status, 422);
    assert.equal((await put(clients.secretariat, "nowhere", 30)).status, 404);
    const own = await clients.finance.send("GET", `${API}/erasures?memberId=ville-lyon`);
    assert.equal(own.json().retentionDays, 14);
  });
});

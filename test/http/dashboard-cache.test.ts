import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { seedExample } from "../../src/compose.ts";
import { readEntenteFile } from "../../src/finance/formats/read-entente-file.ts";
import type { ZodFastifyInstance } from "../../src/platform/http/app-deps.ts";
import { buildConsoleApp, ConsoleClient } from "../helpers/console-client.ts";
import { describeOnDatabases } from "../helpers/databases.ts";
import { LYON } from "../helpers/run-cli.ts";

const PASSWORD = "mot-de-passe-de-test";
const email = (local: string) => `${local}@lyon.entente.localhost`;
const DASHBOARD = "/api/ententes/lyon/dashboard?year=2023";

/**
 * The dashboard's text is kept per stored version (src/finance/app/dashboard-cache.ts): two
 * servers on one database stand for two nodes. A change made on one shows at once on the other;
 * a kept text never crosses viewers or languages.
 */
describeOnDatabases("dashboard kept per stored version", (get) => {
  let nodeA: ZodFastifyInstance;
  let nodeB: ZodFastifyInstance;
  let onA: ConsoleClient;
  let onB: ConsoleClient;
  before(async () => {
    const a = await buildConsoleApp(get());
    nodeA = a.app;
    await seedExample(a.composed, "lyon", await readEntenteFile(LYON), PASSWORD);
    nodeB = (await buildConsoleApp(get())).app;
    onA = new ConsoleClient(nodeA);
    await onA.signIn(email("secretariat"), PASSWORD);
    onB = new ConsoleClient(nodeB);
    await onB.signIn(email("secretariat"), PASSWORD);
  });
  after(async () => {
    await nodeA.close();
    await nodeB.close();
  });

  const villeName = async (client: ConsoleClient) => {
    const reply = await client.send("GET", DASHBOARD);
    assert.equal(reply.status, 200);
    assert.match(String(reply.headers["content-type"]), /^application\/json; charset=utf-8/);
    return reply.json().members.find((m: { memberId: string }) => m.memberId === "ville-lyon").name;
  };

  it("a member renamed on another node shows at once, the figures unchanged", async () => {
    const before = (await onA.send("GET", DASHBOARD)).json();
    assert.equal(before.members[0].total, "305797.00");
    assert.equal(await villeName(onA), "Ville de Lyon");
    const ville = (await onB.send("GET", "/api/ententes/lyon"))
      .json()
      .members.find((m: { id: string }) => m.id === "ville-lyon");
    const { id: _id, ...body } = ville;
    const renamed = await onB.send("PUT", "/api/ententes/lyon/members/ville-lyon", {
      ...body,
      name: "Ville de Lyon (renommée)",
    });
    assert.equal(renamed.status, 200, JSON.stringify(renamed.json()));
    assert.equal(await villeName(onA), "Ville de Lyon (renommée)");
    const after = (await onA.send("GET", DASHBOARD)).json();
    assert.deepEqual(
      after.members.map((m: { total: string }) => m.total),
      before.members.map((m: { total: string }) => m.total),
    );
  });

  it("a finance officer never gets the secretariat's kept text, and each language its own", async () => {
    assert.equal((await onA.send("GET", DASHBOARD)).json().members.length, 3);
    const finance = new ConsoleClient(nodeA);
    await finance.signIn(email("finance.ville-lyon"), PASSWORD);
    const french = (await finance.send("GET", DASHBOARD, undefined, { lang: "fr" })).json();
    assert.deepEqual(
      french.members.map((m: { memberId: string }) => m.memberId),
      ["ville-lyon"],
    );
    assert.equal(french.problems[0].code, "budget.draft_hidden");
    const english = (await finance.send("GET", DASHBOARD, undefined, { lang: "en" })).json();
    assert.equal(english.problems[0].code, "budget.draft_hidden");
    assert.notEqual(english.problems[0].message, french.problems[0].message);
    const metropole = new ConsoleClient(nodeA);
    await metropole.signIn(email("finance.metropole"), PASSWORD);
    assert.deepEqual(
      (await metropole.send("GET", DASHBOARD, undefined, { lang: "fr" }))
        .json()
        .members.map((m: { memberId: string }) => m.memberId),
      ["metropole"],
    );
    assert.equal((await onA.send("GET", DASHBOARD)).json().members.length, 3);
  });

  it("another entente's dashboard is still not told, and an unknown year still named", async () => {
    const other = await onA.send("GET", "/api/ententes/autre/dashboard");
    assert.equal(other.status, 404);
    assert.equal(other.json().code, "entente.not_found");
    const unknown = await onA.send("GET", "/api/ententes/lyon/dashboard?year=1999");
    assert.equal(unknown.status, 404);
    assert.equal(unknown.json().code, "exercise.not_found");
  });
});

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, it } from "node:test";
import { type ComposedConsole, seedExample } from "../../src/compose.ts";
import { computeBudgetReport } from "../../src/finance/domain/compute-budget-report.ts";
import { parseEntenteText, readEntenteFile } from "../../src/finance/formats/read-entente-file.ts";
import type { ZodFastifyInstance } from "../../src/platform/http/app-deps.ts";
import { buildConsoleApp, ConsoleClient } from "../helpers/console-client.ts";
import { describeOnDatabases } from "../helpers/databases.ts";
import { LYON } from "../helpers/run-cli.ts";

const PASSWORD = "mot-de-passe-de-test";
const email = (local: string) => `${local}@lyon.entente.localhost`;
const base = readFileSync(LYON, "utf8");

/** The Lyon file with SITIV renamed and one 2023 operating line (and the contribution) one euro higher. */
const CHANGED = base
  .replace("    name: SITIV", "    name: SITIV (syndicat)")
  .replace("        fonctionnement: 45276\n", "        fonctionnement: 45277\n")
  .replace("        fonctionnement: 544176", "        fonctionnement: 544177");

describeOnDatabases("the entente file, round trip through the API", (get) => {
  let app: ZodFastifyInstance;
  let composed: ComposedConsole;
  let client: ConsoleClient;
  before(async () => {
    ({ app, composed } = await buildConsoleApp(get()));
    await seedExample(composed, "lyon", await readEntenteFile(LYON), PASSWORD);
    client = new ConsoleClient(app);
    await client.signIn(email("secretariat"), PASSWORD);
  });
  after(async () => app.close());

  const fields = (reply: { json: () => { changes: { field: string }[] } }) =>
    reply.json().changes.map((c) => c.field);

  it("exports the stored entente as a file that reads back to the seed's figures", async () => {
    const reply = await client.send("GET", "/api/ententes/lyon/entente-file");
    assert.equal(reply.status, 200);
    assert.match(String(reply.headers["content-type"]), /^application\/yaml/);
    const entente = parseEntenteText(reply.raw.toString("utf8"), "export.yaml");
    const calls = computeBudgetReport(entente, 2023).fundCalls.map((c) => c.total);
    assert.deepEqual(calls, [30579700n, 21705100n, 11632800n]);
  });

  it("a reader may not export it (403): it holds the drafts", async () => {
    const reader = new ConsoleClient(app);
    assert.equal((await reader.signIn(email("lecture"), PASSWORD)).status, 200);
    const reply = await reader.send("GET", "/api/ententes/lyon/entente-file");
    assert.equal(reply.status, 403);
    assert.equal(reply.json().code, "access.forbidden");
  });

  it("previews a changed file: each change listed with the years it alters, nothing stored", async () => {
    const reply = await client.send("POST", "/api/ententes/lyon/entente-file/preview", { text: CHANGED });
    assert.equal(reply.status, 200);
    const changes = reply.json().changes;
    assert.deepEqual(
      changes.map((c: { field: string; years: unknown }) => [c.field, c.years]),
      [
        ["members[sitiv].name", []],
        ["exercises[2023].lines[11]", [2023]],
        ["exercises[2023].lines[23]", [2023]],
      ],
    );
    assert.match(changes[1].after, /45277\.00$/);
    assert.deepEqual(reply.json().refused, []);
    const stored = (await client.send("GET", "/api/ententes/lyon")).json();
    assert.equal(stored.members[2].name, "SITIV");
  });

  it("a file with a problem: 422 with its line and field, nothing stored", async () => {
    const reply = await client.send("POST", "/api/ententes/lyon/entente-file/preview", {
      text: base.replace("  defaultKey: socle", "  defaultKey: *nope"),
    });
    assert.equal(reply.status, 422);
    assert.equal(reply.json().errors[0].code, "file.invalid_yaml");
    assert.match(reply.json().errors[0].field, /ligne 21/);
  });

  it("a file without a mission whose lines are all in draft years: its removal is previewed, not refused", async () => {
    const without = base
      .replace(/ {2}- id: collaboratif\n(?: {4}.*\n)+/, "")
      .replace(/ {6}- mission: collaboratif\n {8}label:/g, "      - label:");
    const reply = await client.send("POST", "/api/ententes/lyon/entente-file/preview", { text: without });
    assert.equal(reply.status, 200, JSON.stringify(reply.json()));
    assert.deepEqual(reply.json().refused, []);
    assert.ok(
      reply
        .json()
        .changes.some(
          (c: { field: string; after: unknown }) =>
            c.field === "missions[collaboratif].name" && c.after === null,
        ),
    );
  });

  it("applies a changed file while 2023 is a draft; then, 2023 adopted, refuses to change it", async () => {
    const applied = await client.send("PUT", "/api/ententes/lyon/entente-file", { text: CHANGED });
    assert.equal(applied.status, 200);
    assert.equal(fields(applied).length, 3);
    const stored = (await client.send("GET", "/api/ententes/lyon")).json();
    assert.equal(stored.members[2].name, "SITIV (syndicat)");
    const budget = (await client.send("GET", "/api/ententes/lyon/exercises/2023/budget")).json();
    assert.equal(budget.totals.expenses.fonctionnement, "544177.00");
    await adopt2023(client);
    const refused = await client.send("PUT", "/api/ententes/lyon/entente-file", { text: base });
    assert.equal(refused.status, 422);
    const errors = refused.json().errors.map((e: { code: string; field: string }) => [e.code, e.field]);
    assert.deepEqual(errors, [
      ["budget.figures_frozen", "exercises[2023].lines[11]"],
      ["budget.figures_frozen", "exercises[2023].lines[23]"],
    ]);
    const still = (await client.send("GET", "/api/ententes/lyon")).json();
    assert.equal(still.members[2].name, "SITIV (syndicat)", "nothing applied, not even the name");
    const renamed = CHANGED.replace("    name: SITIV (syndicat)", "    name: SITIV");
    const nameOnly = await client.send("PUT", "/api/ententes/lyon/entente-file", { text: renamed });
    assert.equal(nameOnly.status, 200);
    assert.deepEqual(fields(nameOnly), ["members[sitiv].name"]);
  });
});

/** The conference approves the 2023 budget and every member ratifies it: 2023 is adopted. */
async function adopt2023(client: ConsoleClient): Promise<void> {
  const decision = (
    await client.send("POST", "/api/ententes/lyon/decisions", {
      subject: "Budget 2023",
      conferenceDate: "2022-11-07",
      conferenceLabel: "Conférence",
      budgetYear: 2023,
    })
  ).json();
  for (const r of decision.ratifications) {
    const reply = await client.send(
      "PUT",
      `/api/ententes/lyon/decisions/${decision.id}/ratifications/${r.memberId}`,
      {
        status: "ratified",
        deliberationNumber: "2022-1356",
        deliberatedOn: "2022-12-12",
        rowVersion: r.rowVersion,
      },
    );
    assert.equal(reply.status, 200);
  }
}

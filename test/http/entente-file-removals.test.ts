import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, it } from "node:test";
import { type ComposedConsole, seedExample } from "../../src/compose.ts";
import { readEntenteFile } from "../../src/finance/formats/read-entente-file.ts";
import type { ZodFastifyInstance } from "../../src/platform/http/app-deps.ts";
import { buildConsoleApp, ConsoleClient } from "../helpers/console-client.ts";
import { describeOnDatabases } from "../helpers/databases.ts";
import { LYON } from "../helpers/run-cli.ts";

const PASSWORD = "mot-de-passe-de-test";
const base = readFileSync(LYON, "utf8");

/** The Lyon file without mission `id`: its block gone, its lines kept as general lines. */
const without = (text: string, id: string) =>
  text
    .replace(new RegExp(` {2}- id: ${id}\\n(?: {4}.*\\n)+`), "")
    .replace(new RegExp(` {6}- mission: ${id}\\n {8}label:`, "g"), "      - label:");

/** Issue 9, item 6: removals through an entente file — a mission, a key period; refused where a frozen year would change. */
describeOnDatabases("removals through the entente file", (get) => {
  let app: ZodFastifyInstance;
  let composed: ComposedConsole;
  let client: ConsoleClient;
  before(async () => {
    ({ app, composed } = await buildConsoleApp(get()));
    await seedExample(composed, "lyon", await readEntenteFile(LYON), PASSWORD);
    client = new ConsoleClient(app);
    await client.signIn("secretariat@lyon.entente.localhost", PASSWORD);
  });
  after(async () => app.close());

  const entente = async () => (await client.send("GET", "/api/ententes/lyon")).json();

  it("a mission whose lines are only in draft years: the preview lists its removal, applying removes it", async () => {
    const text = without(base, "collaboratif");
    const preview = await client.send("POST", "/api/ententes/lyon/entente-file/preview", { text });
    assert.equal(preview.status, 200, preview.raw.toString());
    assert.deepEqual(preview.json().refused, []);
    const removal = preview
      .json()
      .changes.find((c: { field: string }) => c.field === "missions[collaboratif].name");
    assert.deepEqual([removal.before, removal.after], ["Outils collaboratifs", null]);
    const applied = await client.send("PUT", "/api/ententes/lyon/entente-file", { text });
    assert.equal(applied.status, 200, applied.raw.toString());
    assert.deepEqual(
      (await entente()).missions.map((m: { id: string }) => m.id),
      ["hebergement", "identite", "messagerie"],
    );
    assert.equal((await client.send("GET", "/api/ententes/lyon/missions/collaboratif")).status, 404);
  });

  it("a key period the file lacks is removed with it (2025: no exercise yet)", async () => {
    const period = await client.send("PUT", "/api/ententes/lyon/keys/socle/periods", {
      from: 2025,
      source: null,
      shares: [
        { memberId: "metropole", value: "50" },
        { memberId: "ville-lyon", value: "30" },
        { memberId: "sitiv", value: "20" },
      ],
    });
    assert.equal(period.status, 204);
    assert.equal((await entente()).keys[0].periods.length, 2);
    const text = without(base, "collaboratif");
    const preview = (await client.send("POST", "/api/ententes/lyon/entente-file/preview", { text })).json();
    assert.ok(
      preview.changes.some(
        (c: { field: string; after: unknown }) => /periods\[2025\]/.test(c.field) && c.after === null,
      ),
    );
    assert.deepEqual(preview.refused, []);
    assert.equal((await client.send("PUT", "/api/ententes/lyon/entente-file", { text })).status, 200);
    assert.equal((await entente()).keys[0].periods.length, 1);
  });

  it("2023 adopted: removing a mission with 2023 lines is refused at its field, nothing stored", async () => {
    await adopt2023(client);
    const text = without(without(base, "collaboratif"), "messagerie");
    const preview = (await client.send("POST", "/api/ententes/lyon/entente-file/preview", { text })).json();
    assert.ok(
      preview.refused.some(
        (r: { code: string; field: string }) =>
          r.code === "budget.figures_frozen" && r.field === "missions[messagerie].name",
      ),
      JSON.stringify(preview.refused),
    );
    const refused = await client.send("PUT", "/api/ententes/lyon/entente-file", { text });
    assert.equal(refused.status, 422);
    assert.match(JSON.stringify(refused.json().errors), /missions\[messagerie\]\.name/);
    assert.ok((await entente()).missions.some((m: { id: string }) => m.id === "messagerie"));
  });

  it("a member missing from the file: refused (entente.removal_refused), the message points to a leave date", async () => {
    const added = await client.send("POST", "/api/ententes/lyon/members", {
      id: "oullins",
      name: "Commune d'Oullins",
      kind: "commune",
      siren: null,
      siret: null,
      assembly: null,
      from: 2025,
      to: null,
      accountant: null,
    });
    assert.equal(added.status, 201, added.raw.toString());
    const text = without(without(base, "collaboratif"), "messagerie");
    const preview = (await client.send("POST", "/api/ententes/lyon/entente-file/preview", { text })).json();
    const refusal = preview.refused.find((r: { code: string }) => r.code === "entente.removal_refused");
    assert.equal(refusal.field, "members[oullins].name");
    assert.match(
      refusal.message,
      /un membre qui quitte l'entente y reste, avec sa sortie \(to: dernier exercice\)/,
    );
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

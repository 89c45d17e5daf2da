import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, it } from "node:test";
import { type ComposedConsole, seedExample } from "../../src/compose.ts";
import { readEntenteFile } from "../../src/finance/formats/read-entente-file.ts";
import type { ZodFastifyInstance } from "../../src/platform/http/app-deps.ts";
import { asIfEmpty, buildConsoleApp, ConsoleClient } from "../helpers/console-client.ts";
import { describeOnDatabases } from "../helpers/databases.ts";
import { libreOfficeText } from "../helpers/libreoffice-text.ts";
import { fr, LYON } from "../helpers/run-cli.ts";

const PASSWORD = "mot-de-passe-de-test";
const email = (local: string) => `${local}@lyon.entente.localhost`;
const url = (member: string, query = "") =>
  `/api/ententes/lyon/exercises/2023/members/${member}/deliberation.odt${query}`;

describeOnDatabases("deliberation draft over HTTP", (get) => {
  let app: ZodFastifyInstance;
  let composed: ComposedConsole;
  // Sign-in is rate-limited per address: each role signs in once.
  const secretariat = () => clients.secretariat as ConsoleClient;
  const clients: Record<string, ConsoleClient> = {};
  const dir = mkdtempSync(join(tmpdir(), "entente-deliberation-api-"));
  before(async () => {
    ({ app, composed } = await buildConsoleApp(get()));
    await seedExample(composed, "lyon", await readEntenteFile(LYON), PASSWORD);
    await seedExample(asIfEmpty(composed), "autre", await readEntenteFile(LYON), PASSWORD);
    for (const [name, address] of [
      ["secretariat", email("secretariat")],
      ["finance", email("finance.ville-lyon")],
      ["other", "secretariat@autre.entente.localhost"],
    ] as const) {
      clients[name] = new ConsoleClient(app);
      assert.equal((await clients[name].signIn(address, PASSWORD)).status, 200);
    }
  });
  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    await app.close();
  });

  it("anonymous: 401; another entente's secretariat: 404, as for the budget report", async () => {
    assert.equal((await new ConsoleClient(app).send("GET", url("metropole"))).status, 401);
    const other = await (clients.other as ConsoleClient).send("GET", url("metropole"));
    assert.equal(other.status, 404);
    assert.equal(other.json().code, "entente.not_found");
  });

  it("a draft budget: a member's finance officer gets 403, even for its own member", async () => {
    const finance = clients.finance as ConsoleClient;
    for (const member of ["ville-lyon", "metropole"]) {
      const reply = await finance.send("GET", url(member));
      assert.equal(reply.status, 403);
      assert.equal(reply.json().code, "access.forbidden");
    }
  });

  it("the secretariat downloads the Métropole's draft: an ODT LibreOffice reads, 305 797 €", async () => {
    const reply = await secretariat().send("GET", url("metropole", "?operation=0P28O9768"));
    assert.equal(reply.status, 200);
    assert.equal(reply.headers["content-type"], "application/vnd.oasis.opendocument.text");
    assert.match(
      String(reply.headers["content-disposition"]),
      /attachment; filename="deliberation-lyon-2023-metropole\.odt"/,
    );
    const file = join(dir, "metropole.odt");
    writeFileSync(file, reply.raw);
    const text = libreOfficeText(file);
    assert.match(text, new RegExp(`de Métropole de Lyon d'un montant de ${fr("305 797")} €`));
    assert.match(text, /chapitre 65 - opération n° 0P28O9768\./);
  });

  it("an unknown member: 404 naming it; a bad operation number: 400", async () => {
    const missing = await secretariat().send("GET", url("paris"));
    assert.equal(missing.status, 404);
    assert.match(missing.json().detail ?? missing.json().title ?? "", /paris/);
    const bad = await secretariat().send("GET", url("metropole", "?operation=%3Cscript%3E"));
    assert.equal(bad.status, 400);
  });

  it("once the conference approved the budget, a member's finance officer reads it, with the conference's date", async () => {
    const decision = await secretariat().send("POST", "/api/ententes/lyon/decisions", {
      subject: "Budget 2023",
      conferenceDate: "2022-11-07",
      conferenceLabel: "Conférence intercommunale",
      budgetYear: 2023,
    });
    assert.equal(decision.status, 201);
    const reply = await (clients.finance as ConsoleClient).send("GET", url("ville-lyon"));
    assert.equal(reply.status, 200);
    const file = join(dir, "ville-lyon.odt");
    writeFileSync(file, reply.raw);
    const text = libreOfficeText(file);
    assert.match(text, new RegExp(`de Ville de Lyon d'un montant de ${fr("217 051")} €`));
    assert.match(text, /Vu la proposition de la conférence intercommunale du 7 novembre 2022 ;/);
  });

  it("adopted and issued: a member's fund call as ODT — its own only for a finance officer (404 for another's)", async () => {
    const decisions = (await secretariat().send("GET", "/api/ententes/lyon/decisions")).json();
    const decision = decisions.find((d: { budgetYear: number | null }) => d.budgetYear === 2023);
    for (const r of decision.ratifications) {
      const reply = await secretariat().send(
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
    const path = (member: string) => `/api/ententes/lyon/fund-calls/2023/${member}/fund-call.odt`;
    assert.equal((await secretariat().send("GET", path("ville-lyon"))).status, 404, "not issued yet");
    const issued = await secretariat().send("POST", "/api/ententes/lyon/fund-calls/2023", {
      dueOn: "2023-03-31",
    });
    assert.equal(issued.status, 201);
    const finance = clients.finance as ConsoleClient;
    const others = await finance.send("GET", path("metropole"));
    assert.equal(others.status, 404);
    assert.equal((await (clients.other as ConsoleClient).send("GET", path("ville-lyon"))).status, 404);
    const own = await finance.send("GET", path("ville-lyon"));
    assert.equal(own.status, 200);
    assert.equal(own.headers["content-type"], "application/vnd.oasis.opendocument.text");
    const file = join(dir, "appel-ville-lyon.odt");
    writeFileSync(file, own.raw);
    const text = libreOfficeText(file);
    assert.match(text, new RegExp(`Montant à verser : ${fr("217 051")} €`));
    assert.match(text, /Échéance : 31 mars 2023\./);
  });
});

import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, it } from "node:test";
import { type ComposedConsole, seedExample } from "../../src/compose.ts";
import { readEntenteFile } from "../../src/finance/formats/read-entente-file.ts";
import type { ZodFastifyInstance } from "../../src/platform/http/app-deps.ts";
import { adoptOverHttp } from "../helpers/adopt-over-http.ts";
import { asIfEmpty, buildConsoleApp, ConsoleClient } from "../helpers/console-client.ts";
import { describeOnDatabases } from "../helpers/databases.ts";
import { libreOfficeText } from "../helpers/libreoffice-text.ts";
import { fr, LYON } from "../helpers/run-cli.ts";

// Issue 9, item 5 (task H7): the DM's own deliberation draft, one per member, ODT and PDF, read
// back in LibreOffice: title, visas, what changes (before / DM / after), the member's
// complementary contribution and the chapter to charge.
const PASSWORD = "mot-de-passe-de-test";
const email = (local: string) => `${local}@lyon.entente.localhost`;
const BASE = "/api/ententes/lyon";
const DOC = `${BASE}/exercises/2023/amending-budget/members`;

interface Line {
  label: string;
  section: string;
  direction: string;
  receiptKind: string | null;
  amount: string;
}

/** 10 000 € more for the project lead (fonctionnement), financed by the members. */
const amended = (lines: Line[]): Line[] =>
  lines.map((l) =>
    (l.direction === "expense" && l.label === "Chef de projet" && l.section === "fonctionnement") ||
    (l.direction === "receipt" && l.receiptKind === "contribution" && l.section === "fonctionnement")
      ? { ...l, amount: (Number(l.amount) + 10000).toFixed(2) }
      : l,
  );

/** A figure in euros ("5315.00") as the documents print it (`5 315`, French grouping). */
const printed = (amount: string) =>
  fr(
    Math.abs(Number(amount))
      .toLocaleString("fr-FR")
      .replace(/\u202f|\u00a0/g, " "),
  );

describeOnDatabases("the DM's deliberation drafts over HTTP", (get) => {
  let app: ZodFastifyInstance;
  let composed: ComposedConsole;
  let secretariat: ConsoleClient;
  const dir = mkdtempSync(join(tmpdir(), "entente-dm-deliberation-"));
  before(async () => {
    ({ app, composed } = await buildConsoleApp(get()));
    await seedExample(composed, "lyon", await readEntenteFile(LYON), PASSWORD);
    await seedExample(asIfEmpty(composed), "autre", await readEntenteFile(LYON), PASSWORD);
    secretariat = new ConsoleClient(app);
    await secretariat.signIn(email("secretariat"), PASSWORD);
  });
  after(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("« Décision modificative n° 1 au budget 2023 »: visas, the table, each member's complementary contribution", async () => {
    const none = await secretariat.send("GET", `${DOC}/metropole/deliberation.odt`);
    assert.equal(none.status, 404, none.raw.toString());
    assert.equal(none.json().code, "amending.none_open");
    await adoptOverHttp(secretariat, 2023, "2022-12-12");
    const draft = (await secretariat.send("POST", `${BASE}/exercises/2023/budget/versions`)).json();
    const saved = await secretariat.send("PUT", `${BASE}/exercises/2023/budget`, {
      rowVersion: draft.rowVersion,
      lines: amended(draft.lines),
    });
    assert.equal(saved.status, 200, saved.raw.toString());
    const decided = await secretariat.send("POST", `${BASE}/decisions`, {
      subject: "Décision modificative n° 1",
      conferenceDate: "2023-06-01",
      conferenceLabel: "Conférence",
      budgetYear: 2023,
    });
    assert.equal(decided.status, 201, decided.raw.toString());
    const comparison = (await secretariat.send("GET", `${BASE}/exercises/2023/amending-budget`)).json();
    const deltas = comparison.members.filter((m: { year: number }) => m.year === 2023);
    const general = comparison.lines.filter(
      (l: { missionId: string | null; section: string; direction: string }) =>
        l.missionId === null && l.section === "fonctionnement" && l.direction === "expense",
    );
    const before = general.reduce((s: number, l: { adopted: string }) => s + Number(l.adopted), 0);

    for (const m of deltas as { memberId: string; adopted: string; amended: string; delta: string }[]) {
      const reply = await secretariat.send(
        "GET",
        `${DOC}/${m.memberId}/deliberation.odt?operation=0P28O9768&conventionDate=2022-11-07`,
      );
      assert.equal(reply.status, 200, reply.raw.toString());
      const file = join(dir, `${m.memberId}.odt`);
      writeFileSync(file, reply.raw);
      const text = libreOfficeText(file);
      assert.match(
        text,
        /Objet : Décision modificative n° 1 au budget 2023 de l'entente Entente Métropole de Lyon/,
      );
      assert.match(text, /articles L5221-1 et L5221-2 ;/);
      assert.match(text, /Vu convention de l'entente signée le 7 novembre 2022|signée le 7 novembre 2022/);
      assert.match(text, /Vu la proposition de la conférence intercommunale du 1er juin 2023 ;/);
      // The table: general operating expenses before, the DM's +10 000 €, after.
      assert.ok(
        text.includes(
          `Dépenses générales\nFonctionnement\nDépenses\n${printed(String(before))}\n+${fr("10 000")}\n${printed(String(before + 10000))}`,
        ),
        text,
      );
      assert.ok(
        text.includes(
          `Contribution appelée en 2023 : ${printed(m.adopted)} € avant la décision modificative, ${printed(m.amended)} € après, soit une contribution complémentaire de ${printed(m.delta)} €.`,
        ),
        text,
      );
      assert.match(
        text,
        new RegExp(
          `d'une contribution complémentaire de ${printed(m.delta)} € au titre de l'appel de fonds 2023`,
        ),
      );
      assert.match(text, /exercice 2023 - chapitre 65 - opération n° 0P28O9768\./);
    }
    assert.equal(
      deltas.reduce((s: number, m: { delta: string }) => s + Number(m.delta), 0),
      10000,
      "the complementary contributions add up to the DM, exactly",
    );
    const metropole = (await secretariat.send("GET", `${DOC}/metropole/deliberation.odt`)).raw;
    assert.match(
      libreOfficeText(join(dir, "metropole.odt")),
      /PROJET DE DÉLIBÉRATION — Conseil de la Métropole de Lyon/,
    );
    assert.ok(metropole.length > 0);

    const pdf = await secretariat.send("GET", `${DOC}/metropole/deliberation.pdf`);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers["content-type"], "application/pdf");
    assert.equal(pdf.raw.subarray(0, 5).toString("latin1"), "%PDF-");
  });

  it("the secretariat's only: a reader and a finance officer 403, another entente 404, an unknown member 404", async () => {
    for (const local of ["lecture", "finance.metropole"]) {
      const client = new ConsoleClient(app);
      await client.signIn(email(local), PASSWORD);
      assert.equal((await client.send("GET", `${DOC}/metropole/deliberation.odt`)).status, 403, local);
    }
    const other = new ConsoleClient(app);
    await other.signIn("secretariat@autre.entente.localhost", PASSWORD);
    assert.equal((await other.send("GET", `${DOC}/metropole/deliberation.pdf`)).status, 404);
    assert.equal((await secretariat.send("GET", `${DOC}/paris/deliberation.odt`)).status, 404);
    assert.equal((await secretariat.send("GET", `${DOC}/metropole/deliberation.docx`)).status, 400);
  });
});

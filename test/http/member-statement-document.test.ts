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
const url = (member: string, format: string) => `/api/ententes/lyon/members/${member}/statement.${format}`;
/** "116328.00" → "116 328" (the Lyon entente rounds to the euro), with French grouping as LibreOffice reads it back. */
const frenchEuros = (amount: string) => {
  const [units = "", cents = "00"] = amount.split(".");
  return fr(`${units.replace(/\B(?=(\d{3})+(?!\d))/g, " ")}${cents === "00" ? "" : `,${cents}`}`);
};

/** Issue 9, item 5: a member's multi-year statement as a document (ODT read back by LibreOffice, PDF). */
describeOnDatabases("a member's statement as a document over HTTP", (get) => {
  let app: ZodFastifyInstance;
  let composed: ComposedConsole;
  const clients: Record<string, ConsoleClient> = {};
  const secretariat = () => clients.secretariat as ConsoleClient;
  const dir = mkdtempSync(join(tmpdir(), "entente-statement-api-"));
  before(async () => {
    ({ app, composed } = await buildConsoleApp(get()));
    await seedExample(composed, "lyon", await readEntenteFile(LYON), PASSWORD);
    await seedExample(asIfEmpty(composed), "autre", await readEntenteFile(LYON), PASSWORD);
    for (const [name, address] of [
      ["secretariat", email("secretariat")],
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

  it("anonymous: 401; another entente's secretariat: 404; an unknown member or format: 404 / 400", async () => {
    assert.equal((await new ConsoleClient(app).send("GET", url("sitiv", "odt"))).status, 401);
    const other = await (clients.other as ConsoleClient).send("GET", url("sitiv", "odt"));
    assert.equal(other.status, 404);
    assert.equal(other.json().code, "entente.not_found");
    const unknown = await secretariat().send("GET", url("paris", "odt"));
    assert.equal(unknown.status, 404);
    assert.match(unknown.json().detail, /paris/);
    assert.equal((await secretariat().send("GET", url("sitiv", "docx"))).status, 400);
  });

  it("every role: the secretariat and SITIV's finance officer read it; another member's finance officer gets 403", async () => {
    const mission = (await readEntenteFile(LYON)).missions[0]?.id ?? "";
    const expected: [string, number][] = [
      [email("secretariat"), 200],
      [email("finance.sitiv"), 200],
      [email("finance.metropole"), 403],
      [email("finance.ville-lyon"), 403],
      [email(`porteur.${mission}`), 200],
      [email("lecture"), 200],
    ];
    for (const [address, status] of expected) {
      const client = new ConsoleClient(app);
      assert.equal((await client.signIn(address, PASSWORD)).status, 200, address);
      for (const path of [
        "/api/ententes/lyon/members/sitiv/statement",
        url("sitiv", "odt"),
        url("sitiv", "pdf"),
      ]) {
        const reply = await client.send("GET", path);
        assert.equal(reply.status, status, `${address} ${path}`);
        if (status === 403) assert.equal(reply.json().code, "access.forbidden");
      }
    }
  });

  it("ODT: LibreOffice reads back each year's called, paid, due, the totals and what SITIV still owes", async () => {
    const statement = (await secretariat().send("GET", "/api/ententes/lyon/members/sitiv/statement")).json();
    assert.ok(statement.years.length > 0);
    const reply = await secretariat().send("GET", url("sitiv", "odt"));
    assert.equal(reply.status, 200);
    assert.equal(reply.headers["content-type"], "application/vnd.oasis.opendocument.text");
    assert.match(String(reply.headers["content-disposition"]), /releve-lyon-sitiv\.odt/);
    const file = join(dir, "sitiv.odt");
    writeFileSync(file, reply.raw);
    const text = libreOfficeText(file);
    assert.match(text, /RELEVÉ DE COMPTE PLURIANNUEL/);
    assert.match(text, /Membre : SITIV/);
    for (const y of statement.years as { year: number; called: string; paid: string; due: string }[]) {
      assert.ok(text.includes(String(y.year)), String(y.year));
      assert.ok(
        text.includes(`${frenchEuros(y.called)}\n${frenchEuros(y.paid)}\n${frenchEuros(y.due)}`),
        `${y.year}`,
      );
    }
    assert.ok(text.includes(`Reste dû : ${frenchEuros(statement.stillOwed)} €`), statement.stillOwed);
    assert.match(text, /Total/);
  });

  it("PDF: a PDF file of the same statement", async () => {
    const reply = await secretariat().send("GET", url("metropole", "pdf"));
    assert.equal(reply.status, 200);
    assert.equal(reply.headers["content-type"], "application/pdf");
    assert.equal(reply.raw.subarray(0, 5).toString("latin1"), "%PDF-");
  });
});

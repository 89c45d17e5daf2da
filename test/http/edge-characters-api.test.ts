import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, it } from "node:test";
import { type ComposedConsole, seedExample } from "../../src/compose.ts";
import { readEntenteFile } from "../../src/finance/formats/read-entente-file.ts";
import { loadConfig } from "../../src/platform/config/load-config.ts";
import type { ZodFastifyInstance } from "../../src/platform/http/app-deps.ts";
import { buildApp } from "../../src/platform/http/build-app.ts";
import { buildConsoleApp, ConsoleClient, type Reply } from "../helpers/console-client.ts";
import { describeOnDatabases } from "../helpers/databases.ts";
import { LYON } from "../helpers/run-cli.ts";

const PASSWORD = "mot-de-passe-de-test";
const SECRETARIAT = "secretariat@lyon.entente.localhost";
const fields = (reply: Reply) => reply.json().errors.map((e: { field: string }) => e.field);

describeOnDatabases(
  "characters and numbers no store can hold: a 400 naming the field, nothing stored",
  (get) => {
    let app: ZodFastifyInstance;
    let composed: ComposedConsole;
    let client: ConsoleClient;
    before(async () => {
      ({ app, composed } = await buildConsoleApp(get()));
      await seedExample(composed, "lyon", await readEntenteFile(LYON), PASSWORD);
      client = new ConsoleClient(app);
      await client.signIn(SECRETARIAT, PASSWORD);
    });
    after(async () => app.close());

    const sitiv = async () =>
      (await client.send("GET", "/api/ententes/lyon"))
        .json()
        .members.find((m: { id: string }) => m.id === "sitiv");

    it("U+0000 in a body field: 400 request.nul_character naming it, in French and English; the member unchanged", async () => {
      const before = await sitiv();
      const { id: _id, ...body } = before;
      const reply = await client.send("PUT", "/api/ententes/lyon/members/sitiv", {
        ...body,
        name: "SI\u0000TIV",
      });
      assert.equal(reply.status, 400);
      assert.equal(reply.json().code, "request.nul_character");
      assert.deepEqual(fields(reply), ["body.name"]);
      assert.match(reply.json().detail, /^body\.name : contient le caractère nul \(U\+0000\)/);
      const english = await client.send(
        "PUT",
        "/api/ententes/lyon/members/sitiv",
        { ...body, accountant: { ...body.accountant, office: "x\u0000" } },
        { lang: "en" },
      );
      assert.equal(english.status, 400);
      assert.match(english.json().detail, /^body\.accountant\.office: contains the NUL character/);
      assert.deepEqual(await sitiv(), before);
    });

    it("U+0000 in a query string: 400 naming the parameter", async () => {
      const reply = await client.send("GET", "/api/ententes/lyon/identity/persons?q=a%00b");
      assert.equal(reply.status, 400);
      assert.deepEqual(fields(reply), ["query.q"]);
    });

    it("a row version past PostgreSQL's integer: 400 naming body.rowVersion, not a 500", async () => {
      const { id: _id, ...body } = await sitiv();
      const reply = await client.send("PUT", "/api/ententes/lyon/members/sitiv", {
        ...body,
        rowVersion: 2_147_483_648,
      });
      assert.equal(reply.status, 400, JSON.stringify(reply.json()));
      assert.deepEqual(fields(reply), ["body.rowVersion"]);
    });

    it("a budget year of 2^53 − 1 in a decision: 400 naming body.budgetYear", async () => {
      const reply = await client.send("POST", "/api/ententes/lyon/decisions", {
        subject: "Budget",
        conferenceDate: "2023-11-01",
        conferenceLabel: "Conférence",
        budgetYear: Number.MAX_SAFE_INTEGER,
      });
      assert.equal(reply.status, 400, JSON.stringify(reply.json()));
      assert.deepEqual(fields(reply), ["body.budgetYear"]);
    });

    it("Fastify's own refusals and zod's coercion are said in the request's language", async () => {
      const year = await client.send("GET", "/api/ententes/lyon/dashboard?year=abc");
      assert.equal(year.status, 400);
      assert.doesNotMatch(year.json().errors[0].message, /Invalid input/);
      const broken = await app.inject({
        method: "POST",
        url: "/api/session",
        headers: { "content-type": "application/json" },
        payload: "{nope",
      });
      assert.equal(broken.statusCode, 400);
      assert.match(broken.json().detail, /^requête refusée : le corps n'est pas du JSON valide/);
      const media = await app.inject({
        method: "POST",
        url: "/api/session",
        headers: { "content-type": "text/x-nope", "accept-language": "fr" },
        payload: "x",
      });
      assert.equal(media.statusCode, 415);
      assert.match(media.json().detail, /type de contenu non pris en charge \(text\/x-nope\)/);
      const english = await app.inject({
        method: "POST",
        url: "/api/session",
        headers: { "content-type": "application/json", "accept-language": "en" },
        payload: "",
      });
      assert.equal(english.statusCode, 400);
      assert.match(english.json().detail, /^request rejected: the body is empty/);
    });
  },
);

it("the console's page is never served for the server's own addresses, nor for absurd paths", async (t) => {
  const root = await mkdtemp(join(tmpdir(), "entente-web-"));
  t.after(() => rm(root, { recursive: true, force: true }));
  await writeFile(join(root, "index.html"), "<!doctype html><title>console</title>");
  const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", SESSION_SECRET: "x".repeat(43) });
  const app = await buildApp(
    { version: "test", now: () => new Date(), registerRoutes: [], webRoot: root },
    config,
  );
  t.after(() => app.close());
  const get = (url: string) => app.inject({ method: "GET", url });
  assert.equal((await get("/budget/2023")).statusCode, 200, "a client-side route gets the console");
  for (const url of [
    `/status/${"a".repeat(300)}`,
    `/status/${"a".repeat(5000)}`,
    `/portal/${"a".repeat(200)}/`,
  ]) {
    const reply = await get(url);
    assert.equal(reply.statusCode, 404, url.slice(0, 30));
    assert.equal(reply.json().code, "route.not_found");
  }
  assert.equal((await get(`/${"b".repeat(2000)}`)).statusCode, 404);
});

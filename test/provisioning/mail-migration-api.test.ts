import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, it } from "node:test";
import { seedExample } from "../../src/compose.ts";
import { readEntenteFile } from "../../src/finance/formats/read-entente-file.ts";
import type { ZodFastifyInstance } from "../../src/platform/http/app-deps.ts";
import { buildConsoleApp, ConsoleClient } from "../helpers/console-client.ts";
import { describeOnDatabases } from "../helpers/databases.ts";
import { LYON } from "../helpers/run-cli.ts";

const PASSWORD = "mot-de-passe-de-test";
const email = (local: string) => `${local}@lyon.entente.localhost`;
const API = "/api/ententes/lyon/provisioning";

/**
 * Every access decision of the mail migration's API: the secretariat's; a finance officer gets
 * 403, nobody signed in 401; a member no mail connector serves is named (409). The run and the
 * report against real servers: mail-connector-scim.test.ts.
 */
describeOnDatabases("mail migration API over HTTP", (get) => {
  let app: ZodFastifyInstance;
  const clients: Record<"secretariat" | "finance", ConsoleClient> = {} as never;
  const dir = mkdtempSync(join(tmpdir(), "entente-mail-api-"));

  before(async () => {
    const built = await buildConsoleApp(get());
    app = built.app;
    await seedExample(built.composed, "lyon", await readEntenteFile(LYON), PASSWORD);
    for (const [key, address] of [
      ["secretariat", email("secretariat")],
      ["finance", email("finance.ville-lyon")],
    ] as const) {
      clients[key] = new ConsoleClient(app);
      assert.equal((await clients[key].signIn(address, PASSWORD)).status, 200, address);
    }
  });
  after(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("checks a mail connector's settings, naming each wrong one", async () => {
    const wrong = await clients.secretariat.send("POST", `${API}/connectors`, {
      kind: "mail",
      label: "Messagerie",
      settings: { dir: "relative/dir", domains: [], quotaBytes: 1.5 },
      enabled: true,
    });
    assert.equal(wrong.status, 422, JSON.stringify(wrong.json()));
    const message = JSON.stringify(wrong.json());
    for (const field of ["settings.dir", "settings.domains", "settings.quotaBytes"])
      assert.match(message, new RegExp(field));
  });

  it("prepares and reports for the secretariat; a member no connector serves is named", async () => {
    const declared = await clients.secretariat.send("POST", `${API}/connectors`, {
      kind: "mail",
      label: "Messagerie",
      settings: { dir, domains: ["ville-lyon.test"] },
      memberIds: ["ville-lyon"],
      enabled: true,
    });
    assert.equal(declared.status, 201, JSON.stringify(declared.json()));
    const prepared = await clients.secretariat.send("POST", `${API}/mail/members/ville-lyon/prepare`);
    assert.equal(prepared.status, 200, JSON.stringify(prepared.json()));
    assert.deepEqual(prepared.json(), { memberId: "ville-lyon", accounts: 0, done: 0, refused: [] });
    const report = await clients.secretariat.send("GET", `${API}/mail/migration?memberId=ville-lyon`);
    assert.equal(report.status, 200);
    assert.deepEqual(report.json(), [
      {
        memberId: "ville-lyon",
        wave: null,
        daysToStart: null,
        planned: 0,
        created: 0,
        signedIn: 0,
        stage: "planned",
        domains: [],
        storageUsedBytes: 0,
      },
    ]);
    const other = await clients.secretariat.send("POST", `${API}/mail/members/metropole/prepare`);
    assert.equal(other.status, 409);
    assert.equal(other.json().code, "provisioning.mail_not_configured");
    assert.match(JSON.stringify(other.json()), /metropole/);
  });

  it("refuses everyone else", async () => {
    for (const [method, path] of [
      ["GET", `${API}/mail/migration`],
      ["POST", `${API}/mail/members/ville-lyon/prepare`],
    ] as const) {
      assert.equal((await clients.finance.send(method, path)).status, 403, `${method} ${path}`);
      assert.equal((await new ConsoleClient(app).send(method, path)).status, 401, `${method} ${path}`);
    }
    const otherEntente = await clients.secretariat.send(
      "GET",
      "/api/ententes/autre/provisioning/mail/migration",
    );
    assert.ok([403, 404].includes(otherEntente.status), String(otherEntente.status));
  });
});

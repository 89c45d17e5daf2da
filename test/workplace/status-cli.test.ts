import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { runCli } from "../../src/cli.ts";
import { migrateToLatest } from "../../src/platform/db/migrate.ts";
import { type OpenDatabase, openDatabase } from "../../src/platform/db/open-database.ts";
import { createPostgresDatabase } from "../helpers/databases.ts";
import { type StatusWorld, startHttpService, startStatusWorld } from "./status-fixtures.ts";

/** The CLI opens the server's database from DATABASE_URL: PostgreSQL (an in-memory PGlite cannot be shared). */
describe("entente status probe-once | list [postgres]", () => {
  let database: OpenDatabase;
  let drop = async () => {};
  let url = "";
  let w: StatusWorld;
  let web: Awaited<ReturnType<typeof startHttpService>>;
  let id = "";
  before(async () => {
    const created = await createPostgresDatabase();
    ({ url, drop } = created);
    database = await openDatabase({ kind: "postgres", url });
    await migrateToLatest(database.db);
    w = await startStatusWorld(database);
    id = await w.catalogue("lyon", "Visio");
    web = await startHttpService((_q, res) => res.end("ok"));
    const put = await w.clients.secretariat.send("PUT", `/api/ententes/lyon/workplace/services/${id}/probe`, {
      kind: "http",
      target: `http://127.0.0.1:${web.port}/`,
      timeoutMs: 2000,
      intervalSeconds: 60,
    });
    assert.equal(put.status, 200);
  });
  after(async () => {
    await web?.stop();
    await w?.teardown.run();
    await database?.close();
    await drop();
  });

  const cli = async (args: string[], env: Record<string, string> = {}) => {
    let out = "";
    let err = "";
    const status = await runCli(args, {
      stdout: { write: (text) => (out += text), isTerminal: false },
      stderr: (text) => (err += text),
      env: { DATABASE_URL: url, NODE_ENV: "test", ...env },
    });
    return { status, out, err };
  };

  it("probes now and lists the states; in production a loopback target is refused", async () => {
    const probed = await cli(["status", "probe-once", "--entente", "lyon"]);
    assert.equal(probed.status, 0, probed.err);
    assert.equal(probed.out, `${id}\toperational\t\n`);
    const listed = await cli(["status", "list", "--entente", "lyon"]);
    assert.match(listed.out, new RegExp(`^${id}\\tVisio\\toperational\\t\\d{4}-`));
    const refused = await cli(["status", "probe-once", "--entente", "lyon"], {
      NODE_ENV: "production",
      SESSION_SECRET: "x".repeat(43),
    });
    assert.match(refused.out, /\tdown\taddress 127\.0\.0\.1 refused \(private or reserved network\)\n$/);
    const unknown = await cli(["status", "list", "--entente", "nulle-part"]);
    assert.notEqual(unknown.status, 0);
    assert.match(unknown.err, /workplace\.not_found/);
    assert.match(unknown.err, /nulle-part/);
  });
});

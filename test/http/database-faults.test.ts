import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, it } from "node:test";
import pg from "pg";
import { seedExample } from "../../src/compose.ts";
import { readEntenteFile } from "../../src/finance/formats/read-entente-file.ts";
import { migrateToLatest } from "../../src/platform/db/migrate.ts";
import { type OpenDatabase, openDatabase } from "../../src/platform/db/open-database.ts";
import type { ZodFastifyInstance } from "../../src/platform/http/app-deps.ts";
import { buildConsoleApp, ConsoleClient } from "../helpers/console-client.ts";
import { TEST_POSTGRES_URL } from "../helpers/databases.ts";
import { LYON } from "../helpers/run-cli.ts";

const PASSWORD = "mot-de-passe-de-test";

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

describe("database faults (PostgreSQL)", () => {
  const name = `entente_test_${randomBytes(6).toString("hex")}`;
  let database: OpenDatabase;
  let app: ZodFastifyInstance;
  const errors: Error[] = [];
  before(async () => {
    await admin((c) => c.query(`CREATE DATABASE ${name}`));
    const url = new URL(TEST_POSTGRES_URL);
    url.pathname = `/${name}`;
    database = await openDatabase(
      { kind: "postgres", url: url.toString() },
      { onConnectionError: (e) => errors.push(e) },
    );
    await migrateToLatest(database.db);
    const built = await buildConsoleApp(database);
    app = built.app;
    await seedExample(built.composed, "lyon", await readEntenteFile(LYON), PASSWORD);
  });
  after(async () => {
    await app.close();
    await database.close();
    await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  });

  it("every connection cut mid-session: nothing acknowledged is lost, the server recovers by itself", async () => {
    const client = new ConsoleClient(app);
    assert.equal((await client.signIn("secretariat@lyon.entente.localhost", PASSWORD)).status, 200);
    const member = (await client.send("GET", "/api/ententes/lyon"))
      .json()
      .members.find((m: { id: string }) => m.id === "sitiv");
    const saved = await client.send("PUT", "/api/ententes/lyon/members/sitiv", {
      name: "SITIV",
      kind: "syndicat",
      siren: null,
      siret: null,
      assembly: "Comité syndical",
      rowVersion: member.rowVersion,
    });
    assert.equal(saved.status, 200);

    // The database server drops every connection of this database (as on a restart).
    const cut = await admin((c) =>
      c.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
        [name],
      ),
    );
    assert.ok((cut.rowCount ?? 0) > 0, "connections were open and cut");

    // The next requests are answered (the pool reconnects); at worst one 503 db.unavailable.
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      const reply = await client.send("GET", "/api/ententes/lyon");
      statuses.push(reply.status);
      if (reply.status === 200) {
        assert.equal(
          reply.json().members.find((m: { id: string }) => m.id === "sitiv").assembly,
          "Comité syndical",
        );
        break;
      }
      assert.equal(reply.status, 503);
      assert.equal(reply.json().code, "db.unavailable");
    }
    assert.equal(statuses.at(-1), 200, `statuses: ${statuses.join(", ")}`);
  });

  it("a database that does not answer: 503 db.unavailable with no detail leaked, never a crash", async () => {
    const down = await openDatabase({ kind: "postgres", url: "postgres://postgres@127.0.0.1:1/none" });
    const { app: broken } = await buildConsoleApp(down);
    try {
      const reply = await broken.inject({
        method: "POST",
        url: "/api/session",
        payload: { email: "a@b.fr", password: "x" },
      });
      assert.equal(reply.statusCode, 503);
      assert.equal(reply.json().code, "db.unavailable");
      assert.doesNotMatch(reply.body, /127\.0\.0\.1:1|ECONNREFUSED/);
    } finally {
      await broken.close();
      await down.close();
    }
  });
});

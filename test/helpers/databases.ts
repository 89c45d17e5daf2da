import { randomBytes } from "node:crypto";
import { after, before, describe } from "node:test";
import pg from "pg";
import { migrateToLatest } from "../../src/platform/db/migrate.ts";
import { type OpenDatabase, openDatabase } from "../../src/platform/db/open-database.ts";
import { migratedPgliteTemplate } from "./pglite-template.ts";

/**
 * The PostgreSQL server the tests use (CI: the machine's, 127.0.0.1:5432, trust auth). Each
 * suite gets a fresh database created there and dropped afterwards.
 */
export const TEST_POSTGRES_URL =
  process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

/** A fresh database on the test PostgreSQL server, and the function that drops it. */
export async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `entente_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/**
 * Runs the same suite on PGlite (in memory) and on the real PostgreSQL, each migrated with the
 * real migrations (PGlite starts from a copy migrated with them: pglite-template.ts; the
 * migrations then find nothing left to do). `get()` returns the open database inside tests.
 */
export function describeOnDatabases(name: string, suite: (get: () => OpenDatabase) => void): void {
  for (const engine of ["pglite", "postgres"] as const) {
    describe(`${name} [${engine}]`, () => {
      let database: OpenDatabase | undefined;
      let drop = async () => {};
      before(async () => {
        if (engine === "pglite") {
          const loadDataDir = await migratedPgliteTemplate();
          database = await openDatabase({ kind: "pglite", dataDir: "memory://", loadDataDir });
        } else {
          const created = await createPostgresDatabase();
          drop = created.drop;
          database = await openDatabase({ kind: "postgres", url: created.url });
        }
        await migrateToLatest(database.db);
      });
      suite(() => {
        if (database === undefined) throw new Error("database not open");
        return database;
      });
      // Registered after the suite's own hooks, so that its apps close before the database.
      after(async () => {
        await database?.close();
        await drop();
      });
    });
  }
}

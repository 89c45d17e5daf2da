import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import { migrateToLatest } from "../../src/platform/db/migrate.ts";
import { openDatabase } from "../../src/platform/db/open-database.ts";
import { migratedPgliteTemplate, templateKey } from "./pglite-template.ts";

const MIGRATIONS = fileURLToPath(new URL("../../src/platform/db/migrations/", import.meta.url));

describe("the migrated PGlite template", { timeout: 180_000 }, () => {
  it("starts databases that hold every migration, each one apart from the others", async () => {
    const loadDataDir = await migratedPgliteTemplate();
    const first = await openDatabase({ kind: "pglite", dataDir: "memory://", loadDataDir });
    const second = await openDatabase({ kind: "pglite", dataDir: "memory://", loadDataDir });
    try {
      assert.deepEqual(await migrateToLatest(first.db), [], "nothing left to migrate");
      const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(
        first.db,
      );
      const files = readdirSync(MIGRATIONS)
        .filter((f) => f.endsWith(".sql"))
        .map((f) => f.replace(/\.sql$/, ""))
        .sort();
      assert.deepEqual(
        applied.rows.map((r) => r.name),
        files,
      );
      await sql`create table only_in_first (id int)`.execute(first.db);
      const seen = await sql<{
        n: number;
      }>`select count(*)::int as n from pg_tables where tablename = 'only_in_first'`.execute(second.db);
      assert.equal(seen.rows[0]?.n, 0);
    } finally {
      await first.close();
      await second.close();
    }
  });

  it("is named after the PGlite version and the migrations", () => {
    assert.match(templateKey(), /^[0-9a-f]{16}$/);
    assert.equal(templateKey(), templateKey());
  });
});

import { readdir, readFile } from "node:fs/promises";
import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from "kysely";
import { EntenteError } from "../errors.ts";

const MIGRATIONS = new URL("./migrations/", import.meta.url);

/**
 * Kysely migrations from reviewed SQL files (`migrations/NNNN_name.sql`, applied in name order,
 * each in a transaction, recorded in `kysely_migration`). Statements end with `;` at the end of a
 * line: PGlite runs one statement per query, so the file is split there.
 */
export class SqlFileMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await readdir(MIGRATIONS)).filter((f) => f.endsWith(".sql")).sort();
    const migrations: Record<string, Migration> = {};
    for (const file of files) {
      const text = await readFile(new URL(file, MIGRATIONS), "utf8");
      const statements = text
        .replace(/^\s*--.*$/gm, "")
        .split(/;\s*$/m)
        .map((s) => s.trim())
        .filter((s) => s.length > 0);
      migrations[file.replace(/\.sql$/, "")] = {
        up: async (db) => {
          for (const statement of statements) await sql.raw(statement).execute(db);
        },
      };
    }
    return migrations;
  }
}

/**
 * Brings the schema up to date. Safe to run on every start and from several nodes at once
 * (Kysely takes a lock on PostgreSQL).
 * @throws EntenteError `db.migration_failed` naming the migration, with the cause.
 */
// biome-ignore lint/suspicious/noExplicitAny: Kysely migrations run on any schema (Kysely<any> is its documented migration type).
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const provider = new SqlFileMigrationProvider();
  if (await hasExactly(db, Object.keys(await provider.getMigrations()))) return [];
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error !== undefined && failed === undefined) {
    // No migration ran: the database could not be reached or locked (refused, wrong host…).
    throw new EntenteError(
      "db.unavailable",
      { reason: error instanceof Error ? error.message : String(error) },
      { cause: error },
    );
  }
  if (error !== undefined) {
    throw new EntenteError(
      "db.migration_failed",
      {
        migration: failed?.migrationName ?? "?",
        reason: error instanceof Error ? error.message : String(error),
      },
      { cause: error },
    );
  }
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}

/**
 * Whether the database records exactly these migrations as done: the case of every start but the
 * first after an upgrade, where Kysely's migrator would find nothing to do and return no result,
 * after creating-if-missing its tables, taking its lock and reading them — hundreds of
 * milliseconds of the start on PGlite. One query answers it here. Any other case (a migration
 * to run, one the files do not know, no migration table yet, the database unreachable) goes to
 * the migrator, which runs, refuses or reports it as it always did.
 */
// biome-ignore lint/suspicious/noExplicitAny: as migrateToLatest, on any schema.
async function hasExactly(db: Kysely<any>, names: readonly string[]): Promise<boolean> {
  let done: string[];
  try {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
    done = rows.map((row) => row.name);
  } catch {
    return false; // the migrator below meets the same cause and reports it
  }
  const expected = new Set(names);
  return done.length === expected.size && done.every((name) => expected.has(name));
}

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
  const migrator = new Migrator({ db, provider: new SqlFileMigrationProvider() });
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

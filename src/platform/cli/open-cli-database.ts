import { loadConfig } from "../config/load-config.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { type OpenDatabase, openDatabase } from "../db/open-database.ts";

/**
 * The database the server uses, from the same environment (DATABASE_URL, else PGlite in
 * DATA_DIR), brought up to date. For administration commands (import, accounts).
 */
export async function openCliDatabase(
  env: Readonly<Record<string, string | undefined>>,
): Promise<OpenDatabase> {
  const config = loadConfig({ ...env, IMPORT_EXAMPLE: "false" });
  const database = await openDatabase(
    config.database.url === undefined
      ? { kind: "pglite", dataDir: config.database.dataDir }
      : { kind: "postgres", url: config.database.url },
  );
  await migrateToLatest(database.db);
  return database;
}

import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { Kysely } from "kysely";
import { PGliteDialect } from "kysely-pglite-dialect";
import { migrateToLatest } from "../../src/platform/db/migrate.ts";

const MIGRATIONS = fileURLToPath(new URL("../../src/platform/db/migrations/", import.meta.url));
const PGLITE_PACKAGE = fileURLToPath(
  new URL("../../node_modules/@electric-sql/pglite/package.json", import.meta.url),
);
/** Where the copies are kept between runs (one per PGlite version and set of migrations). */
export const TEMPLATE_DIR = join(tmpdir(), "entente-test-pglite");

let template: Promise<Blob> | undefined;

/**
 * A copy of a PGlite data directory migrated with the real migrations, from which the tests start
 * every in-memory database (`openDatabase({ kind: "pglite", dataDir: "memory://", loadDataDir })`).
 * Creating an empty PGlite database (initdb) takes seconds — tens of seconds on a loaded machine —
 * and every database suite needs one; loading this copy takes a fraction of it. The copy is made
 * once (per PGlite version and content of the migrations, `templateKey`) and kept in TEMPLATE_DIR
 * for the next test files and runs; it is written whole, then renamed, so that two test files
 * making it at once never read half of one.
 */
export function migratedPgliteTemplate(): Promise<Blob> {
  template ??= loadOrCreateTemplate();
  return template;
}

/** Names the copy after what it is made of: the PGlite version and every migration file. */
export function templateKey(): string {
  const hash = createHash("sha256");
  hash.update(JSON.parse(readFileSync(PGLITE_PACKAGE, "utf8")).version as string);
  for (const file of readdirSync(MIGRATIONS)
    .filter((f) => f.endsWith(".sql"))
    .sort()) {
    hash.update(`\0${file}\0`).update(readFileSync(join(MIGRATIONS, file)));
  }
  return hash.digest("hex").slice(0, 16);
}

/** Where the copy of the current migrations is kept (a tar of PGlite's data directory). */
function templatePath(): string {
  return join(TEMPLATE_DIR, `migrated-${templateKey()}.tar`);
}

/**
 * Fills `dataDir`, an empty folder, with the migrated copy: a PGlite data directory that the real
 * server (`node src/main.ts`, DATA_DIR) opens with its migrations already applied, and where it
 * still finds no entente, so that it makes a first start (the example, the demo accounts, the
 * keys). Creating and migrating the database takes the server 10 to 60 s depending on the
 * machine's load, 4 to 5 times the rest of its first start; the browser tests start it once per
 * file, and the command-line tests open one per file. A start on an empty folder is tested by
 * test/first-start.test.ts and test/main.test.ts, a first command on one by test/db/data-dir-lock.test.ts.
 * The copy is unpacked with the system's tar (GNU tar: the copy's member names start with "/").
 */
export async function seedPgliteDataDir(dataDir: string): Promise<void> {
  await migratedPgliteTemplate();
  mkdirSync(dataDir, { recursive: true });
  execFileSync("tar", ["-xf", templatePath(), "-C", dataDir], { stdio: ["ignore", "ignore", "pipe"] });
}

async function loadOrCreateTemplate(): Promise<Blob> {
  const path = templatePath();
  try {
    return new Blob([readFileSync(path)]);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const pglite = new PGlite("memory://");
  const db = new Kysely({ dialect: new PGliteDialect(pglite) });
  try {
    await migrateToLatest(db);
    const dump = await pglite.dumpDataDir("none");
    mkdirSync(TEMPLATE_DIR, { recursive: true });
    const partial = `${path}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, path);
    return dump;
  } finally {
    await db.destroy();
  }
}

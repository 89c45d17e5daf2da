import { mkdir, readFile, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, PostgresDialect } from "kysely";
import { PGliteDialect } from "kysely-pglite-dialect";
import pg from "pg";
import { EntenteError } from "../errors.ts";
import type { PlatformTables } from "./schema.ts";

const INT8 = 20;
const DATE = 1082;

/** Where the data lives: a PostgreSQL URL, or a PGlite directory (`memory://` for tests). */
export type DatabaseTarget =
  | { readonly kind: "postgres"; readonly url: string }
  | {
      readonly kind: "pglite";
      readonly dataDir: string;
      /**
       * Starts from this copy of a data directory (PGlite's `dumpDataDir`) instead of creating an
       * empty one, which takes seconds: the tests start every in-memory database from one
       * migrated copy (test/helpers/pglite-template.ts).
       */
      readonly loadDataDir?: Blob;
    };

/**
 * The open database. Its schema belongs to the contexts (each declares its tables in its
 * `db/tables.ts` and types its stores with them), so the platform hands it over untyped.
 */
export interface OpenDatabase {
  // biome-ignore lint/suspicious/noExplicitAny: the platform does not know the contexts' tables (see above).
  readonly db: Kysely<any>;
  readonly kind: DatabaseTarget["kind"];
  close(): Promise<void>;
}

/**
 * Opens the database with the same types on both engines: int8 → bigint (money in cents is
 * never a JS number), date → "YYYY-MM-DD" string, timestamptz → Date.
 * PGlite keeps its files in `dataDir` (created if missing); `memory://` keeps nothing.
 */
export async function openDatabase(
  target: DatabaseTarget,
  options: { onConnectionError?: (error: Error) => void } = {},
): Promise<OpenDatabase> {
  if (target.kind === "postgres") {
    const pool = new pg.Pool({
      connectionString: target.url,
      max: 10,
      types: {
        getTypeParser: ((oid: number, format?: "text" | "binary") => {
          if (oid === INT8) return (value: string) => BigInt(value);
          if (oid === DATE) return (value: string) => value;
          return pg.types.getTypeParser(oid, format);
        }) as typeof pg.types.getTypeParser,
      },
    });
    // An idle connection that breaks (server restarted, network cut) must not crash the process:
    // the pool drops it and opens a new one for the next query (pg emits 'error' otherwise unhandled).
    pool.on("error", (error) => options.onConnectionError?.(error));
    // A connection can also break while checked out; without a listener its 'error' event would
    // be an uncaught exception. The query in flight fails (503 db.unavailable) and nothing else.
    pool.on("connect", (client) => {
      client.on("error", (error) => options.onConnectionError?.(error));
    });
    const db = new Kysely<PlatformTables>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: "postgres", close: () => db.destroy() };
  }
  const inMemory = target.dataDir.startsWith("memory://");
  let release = async () => {};
  if (!inMemory) {
    await mkdir(target.dataDir, { recursive: true });
    release = await lockDataDir(target.dataDir);
  }
  const pglite = new PGlite(target.dataDir, {
    parsers: { [INT8]: (value: string) => BigInt(value), [DATE]: (value: string) => value },
    ...(target.loadDataDir === undefined ? {} : { loadDataDir: target.loadDataDir }),
  });
  const db = new Kysely<PlatformTables>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    kind: "pglite",
    close: async () => {
      try {
        await db.destroy();
      } finally {
        await release();
      }
    },
  };
}

/** Name of the lock file of an embedded database folder. */
export const DATA_DIR_LOCK = ".entente.lock";

/**
 * PGlite is one process's database: a second process opening the same folder (the CLI while the
 * server runs) would write to a copy that the first one overwrites — its changes would be lost
 * without a word. The folder is therefore locked by a file holding the owner's PID, created
 * exclusively; a lock whose process is gone (a crash) is taken over.
 * @throws EntenteError `db.in_use` naming the folder and the PID that holds it.
 */
async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const path = join(dataDir, DATA_DIR_LOCK);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      await writeFile(path, `${process.pid}\n`, { flag: "wx" });
      return async () => {
        await unlink(path).catch(() => undefined);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number.parseInt(await readFile(path, "utf8").catch(() => ""), 10);
      if (Number.isInteger(owner) && owner !== process.pid && isAlive(owner)) {
        throw new EntenteError("db.in_use", { folder: dataDir, pid: owner });
      }
      await unlink(path).catch(() => undefined); // stale: its process is gone
    }
  }
  throw new EntenteError("db.in_use", { folder: dataDir, pid: "?" });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

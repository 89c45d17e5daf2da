// Start-up of the server, side by side: its first start on a new database (PGlite initdb, the
// migrations, the example and its demo accounts, the signing keys) and its restarts on the same
// DATA_DIR, with NODE_ENV unset (development) as `npm start` runs it. `node bench/start-up.bench.ts
// [--rounds 3] [--restarts 3]`; each round takes a new DATA_DIR. Restarts are measured as
// `node src/main.ts` and as `node scripts/start.js` (what `npm start` runs, npm's own ~0.3 s
// aside: the console's stamp checked, then the server in the same process). Prints, per kind of
// start, the median, min and max time from the spawn to the "Entente is listening" line, and
// the CPU time the server used until then (user + system, read in /proc): the CPU time holds on
// a machine shared with other work, the wall time does not. Never fails on timing.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
/** A start that takes longer than this is killed and reported as failed. */
const START_LIMIT_MS = 180_000;
/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

const KINDS = {
  "first start": "src/main.ts",
  restart: "src/main.ts",
  "restart, start.js": "scripts/start.js",
} as const;

interface Start {
  readonly kind: keyof typeof KINDS;
  readonly wallMs: number;
  /** CPU seconds of the server until it was ready, null without /proc. */
  readonly cpuMs: number | null;
}

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at === -1 ? fallback : Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name}: expected a whole number ≥ 1`);
  return value;
}

/** user + system CPU time of a running process, in ms (fields 14 and 15 of /proc/<pid>/stat). */
function cpuMsOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/** Starts `node src/main.ts` on `dataDir`, waits for its "listening" line, checks /api/health, stops it. */
async function measureStart(kind: Start["kind"], dataDir: string): Promise<Start> {
  const { PATH, HOME } = process.env;
  const started = performance.now();
  const child = spawn(process.execPath, [join(ROOT, KINDS[kind])], {
    cwd: ROOT,
    env: { PATH, HOME, HOST: "127.0.0.1", PORT: "0", DATA_DIR: dataDir, LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "ignore"],
  });
  const exited = once(child, "exit");
  try {
    const url = await listeningUrl(child.stdout, exited);
    const wallMs = performance.now() - started;
    const cpuMs = child.pid === undefined ? null : cpuMsOf(child.pid);
    const health = await fetch(`${url}/api/health`);
    if (health.status !== 200) throw new Error(`GET /api/health answered ${health.status}`);
    return { kind, wallMs, cpuMs };
  } finally {
    child.kill("SIGTERM");
    const killer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    if (child.exitCode === null && child.signalCode === null) await exited;
    clearTimeout(killer);
  }
}

/** The URL of the server's "Entente is listening on" log line; rejects when it ends or is too slow. */
function listeningUrl(stdout: NodeJS.ReadableStream, exited: Promise<unknown>): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = "";
    const limit = setTimeout(
      () => reject(new Error(`not listening after ${START_LIMIT_MS} ms`)),
      START_LIMIT_MS,
    );
    stdout.setEncoding("utf8");
    stdout.on("data", (chunk: string) => {
      text += chunk;
      for (const line of text.split("\n").slice(0, -1)) {
        const entry = JSON.parse(line) as { msg?: string; url?: string };
        if (entry.msg?.startsWith("Entente is listening on") && entry.url !== undefined) {
          clearTimeout(limit);
          resolve(entry.url);
        }
      }
    });
    exited.then(() => {
      clearTimeout(limit);
      reject(new Error(`the server ended before listening:\n${text}`));
    }, reject);
  });
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function printTable(starts: readonly Start[]): void {
  console.log(
    `\n${"".padEnd(19)}${"median".padStart(9)}${"min".padStart(9)}${"max".padStart(9)}${"CPU median".padStart(12)}  runs`,
  );
  for (const kind of Object.keys(KINDS) as (keyof typeof KINDS)[]) {
    const mine = starts.filter((s) => s.kind === kind);
    const walls = mine.map((s) => s.wallMs);
    const cpus = mine.flatMap((s) => (s.cpuMs === null ? [] : [s.cpuMs]));
    console.log(
      `${kind.padEnd(19)}${seconds(median(walls)).padStart(9)}${seconds(Math.min(...walls)).padStart(9)}` +
        `${seconds(Math.max(...walls)).padStart(9)}${(cpus.length > 0 ? seconds(median(cpus)) : "?").padStart(12)}  ${mine.length}`,
    );
  }
}

async function main(): Promise<void> {
  const rounds = option("rounds", 3);
  const restarts = option("restarts", 3);
  const before = loadavg()[0]?.toFixed(2);
  console.log(
    `Start-up of the server (as npm start: development, PGlite in DATA_DIR): ${rounds} round(s) of a first start and ${restarts} restart(s) of each kind.`,
  );
  const starts: Start[] = [];
  for (let round = 1; round <= rounds; round += 1) {
    const dataDir = mkdtempSync(join(tmpdir(), "entente-bench-start-"));
    try {
      starts.push(await measureStart("first start", dataDir));
      for (let i = 0; i < restarts; i += 1) {
        starts.push(await measureStart("restart", dataDir));
        starts.push(await measureStart("restart, start.js", dataDir));
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
    const mine = starts.slice(-(2 * restarts + 1));
    const list = (kind: Start["kind"]) =>
      mine
        .filter((s) => s.kind === kind)
        .map((s) => seconds(s.wallMs))
        .join(", ");
    console.log(
      `  round ${round}: first start ${list("first start")}; restarts ${list("restart")}; with start.js ${list("restart, start.js")}`,
    );
  }
  printTable(starts);
  console.log(
    `\nload average (1 min): ${before} before, ${loadavg()[0]?.toFixed(2)} after, on ${navigator.hardwareConcurrency} cores`,
  );
}

await main();

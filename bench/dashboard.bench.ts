// Latency of the dashboard endpoint under load (issues "platform" and 9): 50 concurrent connections,
// autocannon, against the real server on 127.0.0.1 (random port), on PGlite and on PostgreSQL,
// with GET /api/health measured the same way as the baseline (no database, no computation), the
// seed's 3-member entente, and a generated 1 000-member entente (50 missions, six exercises).
// Bounded: each run lasts DURATION seconds. Prints p50 / p99 latency, requests per second, ratio,
// and per request the CPU time of this process (server and load generator) and, on PostgreSQL,
// the SQL statements.
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { seedExample } from "../src/compose.ts";
import { parseEntenteText, readEntenteFile } from "../src/finance/formats/read-entente-file.ts";
import { migrateToLatest } from "../src/platform/db/migrate.ts";
import { type DatabaseTarget, openDatabase } from "../src/platform/db/open-database.ts";
import { asIfEmpty, buildConsoleApp } from "../test/helpers/console-client.ts";
import { generateEntenteYaml } from "./generate-entente.ts";
import { countSql, sqlCounts, sqlPerRequest } from "./sql-count.ts";

const CONNECTIONS = 50;
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const PASSWORD = "bench-password-123";
// The generated entente of issue 9: 1 000 members, 50 missions, six exercises (2020–2025).
const BIG_MEMBERS = Number(process.env.BENCH_MEMBERS ?? 1000);
const BIG_YEAR = 2025;
const BIG = parseEntenteText(
  generateEntenteYaml({ members: BIG_MEMBERS, missions: 50, exercises: 6, year: BIG_YEAR }),
  "generated.yaml",
);
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

interface Row {
  engine: string;
  endpoint: string;
  p50: number;
  p99: number;
  rps: number;
  errors: number;
  cpuMs: number;
  sql: { total: number; detail: string };
}

async function measure(url: string, cookie: string): Promise<Omit<Row, "engine" | "endpoint">> {
  const [cpu, sql] = [process.cpuUsage(), sqlCounts()];
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION,
    maxOverallRequests: 200_000,
    headers: { cookie },
  });
  const used = process.cpuUsage(cpu);
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: result.requests.average,
    errors: result.errors + result.non2xx,
    cpuMs: (used.user + used.system) / 1000 / Math.max(result.requests.total, 1),
    sql: sqlPerRequest(sql, sqlCounts(), result.requests.total),
  };
}

/** The session cookie of entente `id`'s secretariat. */
async function signIn(address: string, id: string): Promise<string> {
  const reply = await fetch(`${address}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: `secretariat@${id}.entente.localhost`, password: PASSWORD }),
  });
  return (reply.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
}

async function run(engine: string, target: DatabaseTarget): Promise<Row[]> {
  const database = await openDatabase(target);
  await migrateToLatest(database.db);
  const { app, composed } = await buildConsoleApp(database, () => new Date());
  await seedExample(composed, "lyon", await readEntenteFile("examples/lyon-2023/entente.yaml"), PASSWORD);
  await seedExample(asIfEmpty(composed), "big", BIG, PASSWORD);
  const address = await app.listen({ host: "127.0.0.1", port: 0 });
  const cookies = { lyon: await signIn(address, "lyon"), big: await signIn(address, "big") };
  const rows: Row[] = [];
  for (const [endpoint, path, cookie] of [
    ["GET /api/health (baseline)", "/api/health", cookies.lyon],
    ["GET /api/ententes/lyon/dashboard", "/api/ententes/lyon/dashboard?year=2023", cookies.lyon],
    [
      `GET …/big/dashboard (${BIG_MEMBERS} members)`,
      `/api/ententes/big/dashboard?year=${BIG_YEAR}`,
      cookies.big,
    ],
  ] as const) {
    await measure(`${address}${path}`, cookie); // warm-up run, not reported… bounded like the others
    rows.push({ engine, endpoint, ...(await measure(`${address}${path}`, cookie)) });
  }
  await app.close();
  await database.close();
  return rows;
}

async function postgresTarget(): Promise<{ target: DatabaseTarget; drop: () => Promise<void> } | null> {
  const name = `entente_bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  try {
    await admin.connect();
  } catch {
    return null;
  }
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    target: { kind: "postgres", url: url.toString() },
    drop: async () => {
      const client = new pg.Client({ connectionString: ADMIN_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

countSql();
const loadBefore = loadavg()[0] ?? 0;
const rows = await run("PGlite", { kind: "pglite", dataDir: mkdtempSync(join(tmpdir(), "entente-bench-")) });
const postgres = await postgresTarget();
if (postgres === null) process.stdout.write(`PostgreSQL not reachable at ${ADMIN_URL}: PGlite only.\n`);
else {
  rows.push(...(await run("PostgreSQL", postgres.target)));
  await postgres.drop();
}

process.stdout.write(
  `\n${CONNECTIONS} connections, ${DURATION} s per run, Node ${process.version}, ${process.platform}/${process.arch}, load average ${loadBefore.toFixed(1)} → ${(loadavg()[0] ?? 0).toFixed(1)}\n\n`,
);
process.stdout.write(
  `${"engine".padEnd(11)} ${"endpoint".padEnd(44)} ${"p50 ms".padStart(7)} ${"p99 ms".padStart(7)} ${"req/s".padStart(8)} ${"errors".padStart(6)} ${"CPU ms/req".padStart(10)} ${"SQL/req".padStart(7)}  vs health (CPU)\n`,
);
for (const row of rows) {
  const base = rows.find((r) => r.engine === row.engine && r.endpoint.includes("health"));
  const ratio =
    base && base !== row
      ? `× ${(base.rps / row.rps).toFixed(1)} slower (× ${(row.cpuMs / base.cpuMs).toFixed(1)} CPU)`
      : "";
  const sql = row.engine === "PostgreSQL" ? row.sql.total.toFixed(2) : "";
  process.stdout.write(
    `${row.engine.padEnd(11)} ${row.endpoint.padEnd(44)} ${String(row.p50).padStart(7)} ${String(row.p99).padStart(7)} ${row.rps.toFixed(0).padStart(8)} ${String(row.errors).padStart(6)} ${row.cpuMs.toFixed(3).padStart(10)} ${sql.padStart(7)}  ${ratio}\n`,
  );
}
process.stdout.write("\nSQL statements per request (PostgreSQL):\n");
for (const row of rows.filter((r) => r.engine === "PostgreSQL"))
  process.stdout.write(`  ${row.endpoint}: ${row.sql.detail || "none"}\n`);

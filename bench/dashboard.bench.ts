// Latency of the dashboard endpoint under load (issues "platform" and 9): 50 concurrent connections,
// autocannon, against the real server on 127.0.0.1 (random port), on PGlite and on PostgreSQL,
// with GET /api/health measured the same way as the baseline (no database, no computation), the
// seed's 3-member entente, and a generated 1 000-member entente (50 missions, six exercises).
// The endpoints take turns in slices of BENCH_SLICE seconds (3), BENCH_SECONDS (3) slices each
// after a one-slice warm-up (interleaved-load.ts): the shared machine's load weighs alike on all.
// Prints p50 / p99 latency, requests per second, ratio, and per request the CPU time of this
// process (server and load generator) and, on PostgreSQL, the SQL statements.
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { seedExample } from "../src/compose.ts";
import { parseEntenteText, readEntenteFile } from "../src/finance/formats/read-entente-file.ts";
import { migrateToLatest } from "../src/platform/db/migrate.ts";
import { type DatabaseTarget, openDatabase } from "../src/platform/db/open-database.ts";
import { asIfEmpty, buildConsoleApp } from "../test/helpers/console-client.ts";
import { generateEntenteYaml } from "./generate-entente.ts";
import { type LoadRow, loadByTurns } from "./interleaved-load.ts";
import { countSql } from "./sql-count.ts";

const CONNECTIONS = 50;
const ROUNDS = Number(process.env.BENCH_SECONDS ?? 3);
const SLICE = Number(process.env.BENCH_SLICE ?? 3);
const PASSWORD = "bench-password-123";
// The generated entente of issue 9: 1 000 members, 50 missions, six exercises (2020–2025).
const BIG_MEMBERS = Number(process.env.BENCH_MEMBERS ?? 1000);
const BIG_YEAR = 2025;
const BIG = parseEntenteText(
  generateEntenteYaml({ members: BIG_MEMBERS, missions: 50, exercises: 6, year: BIG_YEAR }),
  "generated.yaml",
);
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

type Row = LoadRow & { readonly engine: string };

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
  const targets = [
    ["GET /api/health (baseline)", "/api/health", cookies.lyon],
    ["GET /api/ententes/lyon/dashboard", "/api/ententes/lyon/dashboard?year=2023", cookies.lyon],
    [
      `GET …/big/dashboard (${BIG_MEMBERS} members)`,
      `/api/ententes/big/dashboard?year=${BIG_YEAR}`,
      cookies.big,
    ],
  ].map(([name, path, cookie]) => ({
    name: name ?? "",
    url: `${address}${path}`,
    headers: { cookie: cookie ?? "" },
  }));
  const rows = (await loadByTurns(targets, { connections: CONNECTIONS, rounds: ROUNDS, slice: SLICE })).map(
    (row) => ({ ...row, engine }),
  );
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
  `\n${CONNECTIONS} connections, ${ROUNDS} turns of ${SLICE} s per endpoint, Node ${process.version}, ${process.platform}/${process.arch}, load average ${loadBefore.toFixed(1)} → ${(loadavg()[0] ?? 0).toFixed(1)}\n\n`,
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

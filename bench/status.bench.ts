// Throughput and latency of the public service status (issue 11 §6): the status JSON and the
// server-rendered page (`/api/status/:id`, `/status/:id`), which everyone reloads during an
// outage, side by side with GET /api/health in the same run, on PostgreSQL, 50 connections
// (autocannon), against the app on 127.0.0.1 (random port); and two probe passes of 10 HTTP probes
// against a local service. Ten catalogued services with their probes, 90 days of uptime, two
// incidents. Bounded: each run lasts DURATION seconds. Prints figures; never passes or fails on
// them (STYLE.md).
import { randomBytes } from "node:crypto";
import autocannon from "autocannon";
import { sql } from "kysely";
import pg from "pg";
import { migrateToLatest } from "../src/platform/db/migrate.ts";
import { openDatabase } from "../src/platform/db/open-database.ts";
import { startHttpService, startStatusWorld } from "../test/workplace/status-fixtures.ts";

const CONNECTIONS = 50;
const DURATION = Number(process.env.BENCH_SECONDS ?? 5);
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const API = "/api/ententes/lyon/workplace";

async function measure(url: string) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION });
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: result.requests.average,
    errors: result.errors + result.non2xx,
  };
}

const name = `entente_bench_${randomBytes(4).toString("hex")}`;
const admin = new pg.Client({ connectionString: ADMIN_URL });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
await admin.end();
const url = new URL(ADMIN_URL);
url.pathname = `/${name}`;
const rows: { endpoint: string; p50: number; p99: number; rps: number; errors: number }[] = [];
let passMs = 0;
try {
  const database = await openDatabase({ kind: "postgres", url: url.toString() });
  await migrateToLatest(database.db);
  // As in production: each node reuses a public status page 5 s.
  const w = await startStatusWorld(database, () => new Date(), 5000);
  const service = await startHttpService((_q, res) => res.end("ok"));
  try {
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) ids.push(await w.catalogue("lyon", `Service ${i}`));
    for (const id of ids) {
      const body = {
        kind: "http",
        target: `http://127.0.0.1:${service.port}/`,
        timeoutMs: 2000,
        intervalSeconds: 60,
      };
      await w.clients.secretariat.send("PUT", `${API}/services/${id}/probe`, body);
      await sql`INSERT INTO workplace_uptime_day (client_id, day, checks, up)
        SELECT ${id}, (current_date - d)::date, 1440, 1440 - (d % 3) FROM generate_series(0, 89) AS d
        ON CONFLICT DO NOTHING`.execute(database.db);
    }
    for (const kind of ["incident", "maintenance"]) {
      await w.clients.secretariat.send("POST", `${API}/incidents`, {
        kind,
        title: `${kind} en cours`,
        impact: kind === "incident" ? "degraded" : "maintenance",
        status: kind === "incident" ? "investigating" : "in_progress",
        startsAt: new Date(Date.now() - 3_600_000).toISOString(),
        endsAt: null,
        clientIds: ids.slice(0, 2),
        memberIds: ["metropole"],
        message: "Bench.",
      });
    }
    const started = performance.now();
    await w.workplace.probeOnce("lyon");
    await w.workplace.probeOnce("lyon");
    passMs = performance.now() - started;
    for (const [endpoint, path] of [
      ["GET /api/health (baseline)", "/api/health"],
      ["GET /api/status/lyon (JSON)", "/api/status/lyon"],
      ["GET /status/lyon (HTML)", "/status/lyon"],
    ] as const) {
      await measure(`${w.url}${path}`); // warm-up, bounded like the others, not reported
      rows.push({ endpoint, ...(await measure(`${w.url}${path}`)) });
    }
  } finally {
    await service.stop();
    await w.teardown.run();
    await database.close();
  }
} finally {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await client.end();
}

process.stdout.write(
  `\nPostgreSQL, ${CONNECTIONS} connections, ${DURATION} s per run, Node ${process.version}\n` +
    `two probe passes of 10 HTTP probes each (recorded): ${passMs.toFixed(0)} ms\n\n`,
);
process.stdout.write(
  `${"endpoint".padEnd(30)} ${"p50 ms".padStart(7)} ${"p99 ms".padStart(7)} ${"req/s".padStart(8)} ${"errors".padStart(6)}  of health\n`,
);
const base = rows[0];
for (const row of rows) {
  const share = base === undefined || base === row ? "" : `${((row.rps / base.rps) * 100).toFixed(0)} %`;
  process.stdout.write(
    `${row.endpoint.padEnd(30)} ${String(row.p50).padStart(7)} ${String(row.p99).padStart(7)} ${row.rps.toFixed(0).padStart(8)} ${String(row.errors).padStart(6)}  ${share}\n`,
  );
}

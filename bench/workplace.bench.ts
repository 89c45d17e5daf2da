// Throughput and latency of the workplace's hot public endpoints (issue 11, "Performance"): the
// La Gaufre launcher feed (every page load of every member's intranet) and the entitlements
// (every file upload), side by side with GET /api/health in the same run, on PostgreSQL, 50
// connections (autocannon), against the app on 127.0.0.1 (random port). Target: ≥ 80 % of the
// health endpoint's requests per second, p99 < 20 ms. The endpoints take turns in slices of
// BENCH_SLICE seconds (1), BENCH_SECONDS (5) slices each after a one-slice warm-up, so that the
// load of the shared machine, which moves by the second, weighs alike on all of them. Bounded:
// every slice in time and in requests.
// Prints figures; never passes or fails on them (STYLE.md). Beside them: the SQL statements
// and the CPU time (this process: server and load generator together) per request.
import { randomBytes } from "node:crypto";
import { loadavg } from "node:os";
import autocannon from "autocannon";
import pg from "pg";
import { migrateToLatest } from "../src/platform/db/migrate.ts";
import { openDatabase } from "../src/platform/db/open-database.ts";
import {
  entryBody,
  startWorkplaceFixture,
  subscriptionBody,
  VILLE_SIRET,
} from "../test/workplace/workplace-fixtures.ts";
import { countSql, sqlCounts, sqlPerRequest } from "./sql-count.ts";

const CONNECTIONS = 50;
const ROUNDS = Number(process.env.BENCH_SECONDS ?? 5);
const SLICE = Number(process.env.BENCH_SLICE ?? 1);
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const API = "/api/ententes/lyon/workplace";

interface Row {
  readonly endpoint: string;
  readonly p50: number;
  readonly p99: number;
  readonly rps: number;
  readonly errors: number;
  readonly cpuMs: number;
  readonly sql: { readonly total: number; readonly detail: string };
}

type Slice = Omit<Row, "endpoint"> & { readonly requests: number; readonly seconds: number };

async function measure(
  url: string,
  headers: Record<string, string>,
  method: "GET" | "POST" = "GET",
): Promise<Slice> {
  const [cpu, sql] = [process.cpuUsage(), sqlCounts()];
  const result = await autocannon({
    url,
    method,
    connections: CONNECTIONS,
    duration: SLICE,
    maxOverallRequests: 200_000,
    headers: method === "POST" ? { ...headers, "content-type": "application/json" } : headers,
    ...(method === "POST" ? { body: "{}" } : {}),
  });
  const used = process.cpuUsage(cpu);
  const requests = result.requests.total;
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: result.requests.average,
    errors: result.errors + result.non2xx,
    cpuMs: (used.user + used.system) / 1000 / Math.max(requests, 1),
    sql: sqlPerRequest(sql, sqlCounts(), requests),
    requests,
    seconds: result.duration,
  };
}

const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** One endpoint's slices together: requests ÷ time, median of the slices' p50 and p99, CPU and SQL per request. */
function combine(endpoint: string, slices: readonly Slice[]): Row {
  const requests = slices.reduce((sum, s) => sum + s.requests, 0);
  const weighted = (f: (s: Slice) => number) =>
    slices.reduce((sum, s) => sum + f(s) * s.requests, 0) / Math.max(requests, 1);
  const sqlTotal = weighted((s) => s.sql.total);
  return {
    endpoint,
    p50: median(slices.map((s) => s.p50)),
    p99: median(slices.map((s) => s.p99)),
    rps: requests / slices.reduce((sum, s) => sum + s.seconds, 0),
    errors: slices.reduce((sum, s) => sum + s.errors, 0),
    cpuMs: weighted((s) => s.cpuMs),
    sql: { total: sqlTotal, detail: slices.at(-1)?.sql.detail ?? "" },
  };
}

/** Ten catalogued services, the Ville de Lyon subscribed to half, a key for the files service. */
async function seed(
  f: Awaited<ReturnType<typeof startWorkplaceFixture>>,
): Promise<{ serviceId: string; key: string }> {
  let files = "";
  for (let i = 0; i < 10; i++) {
    const id = await f.registerClient("lyon", `Service ${i}`);
    const kind = i === 0 ? "files" : "other";
    if (i === 0) files = id;
    await f.clients.secretariat.send("POST", `${API}/services`, entryBody(id, kind, i));
    if (i % 2 === 0) {
      await f.clients.secretariat.send(
        "PUT",
        `${API}/services/${id}/subscriptions/ville-lyon`,
        subscriptionBody(),
      );
    }
  }
  const key = (await f.clients.secretariat.send("POST", `${API}/services/${files}/service-key`)).json()
    .serviceKey;
  return { serviceId: files, key };
}

countSql();
const loadBefore = loadavg()[0] ?? 0;
const name = `entente_bench_${randomBytes(4).toString("hex")}`;
const admin = new pg.Client({ connectionString: ADMIN_URL });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
await admin.end();
const url = new URL(ADMIN_URL);
url.pathname = `/${name}`;
const rows: Row[] = [];
try {
  const database = await openDatabase({ kind: "postgres", url: url.toString() });
  await migrateToLatest(database.db);
  const f = await startWorkplaceFixture(database, () => new Date());
  const { serviceId, key } = await seed(f);
  const address = await f.app.listen({ host: "127.0.0.1", port: 0 });
  const entitlements = `/api/v1.0/entitlements/?service_id=${serviceId}&account_type=user&siret=${VILLE_SIRET}&account_email=a@lyon.fr`;
  const endpoints: [string, string, Record<string, string>, ("GET" | "POST")?][] = [
    ["GET /api/health (baseline)", "/api/health", {}],
    ["GET lagaufre feed (siret)", `/api/v1.0/lagaufre/services/?siret=${VILLE_SIRET}&operator=lyon`, {}],
    ["GET entitlements (user)", entitlements, { "x-service-auth": `Bearer ${key}` }],
    ["POST entitlements (no usage)", entitlements, { "x-service-auth": `Bearer ${key}` }, "POST"],
  ];
  // BENCH_ONLY=feed (a part of the names) measures a subset, health always.
  const only = process.env.BENCH_ONLY;
  const chosen = endpoints.filter(
    ([endpoint]) => only === undefined || endpoint.includes(only) || endpoint.includes("health"),
  );
  const slices = new Map<string, Slice[]>(chosen.map(([endpoint]) => [endpoint, []]));
  for (let round = 0; round <= ROUNDS; round++)
    for (const [endpoint, path, headers, method] of chosen) {
      const slice = await measure(`${address}${path}`, headers, method);
      if (round > 0) slices.get(endpoint)?.push(slice); // round 0: the warm-up, not reported
    }
  for (const [endpoint, list] of slices) rows.push(combine(endpoint, list));
  await f.app.close();
  await database.close();
} finally {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await client.end();
}

process.stdout.write(
  `\nPostgreSQL, ${CONNECTIONS} connections, ${ROUNDS} turns of ${SLICE} s per endpoint, Node ${process.version}, load average ${loadBefore.toFixed(1)} → ${(loadavg()[0] ?? 0).toFixed(1)}\n\n`,
);
process.stdout.write(
  `${"endpoint".padEnd(30)} ${"p50 ms".padStart(7)} ${"p99 ms".padStart(7)} ${"req/s".padStart(8)} ${"errors".padStart(6)} ${"CPU ms/req".padStart(10)} ${"SQL/req".padStart(7)}  of health (CPU ratio)\n`,
);
const base = rows.find((row) => row.endpoint.includes("health"));
for (const row of rows) {
  const share =
    base === undefined || base === row
      ? ""
      : `${((row.rps / base.rps) * 100).toFixed(0)} % (${((base.cpuMs / row.cpuMs) * 100).toFixed(0)} %)`;
  process.stdout.write(
    `${row.endpoint.padEnd(30)} ${String(row.p50).padStart(7)} ${String(row.p99).padStart(7)} ${row.rps.toFixed(0).padStart(8)} ${String(row.errors).padStart(6)} ${row.cpuMs.toFixed(3).padStart(10)} ${row.sql.total.toFixed(2).padStart(7)}  ${share}\n`,
  );
}
process.stdout.write("\nSQL statements per request:\n");
for (const row of rows) process.stdout.write(`  ${row.endpoint}: ${row.sql.detail || "none"}\n`);

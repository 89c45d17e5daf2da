// Throughput and latency of the workplace's hot public endpoints (issue 11, "Performance"): the
// La Gaufre launcher feed (every page load of every member's intranet) and the entitlements
// (every file upload), side by side with GET /api/health in the same run, on PostgreSQL, 50
// connections (autocannon), against the app on 127.0.0.1 (random port). Target: ≥ 80 % of the
// health endpoint's requests per second, p99 < 20 ms. The endpoints take turns in slices of
// BENCH_SLICE seconds (1), BENCH_SECONDS (5) slices each after a one-slice warm-up, so that the
// load of the shared machine, which moves by the second, weighs alike on all of them. Bounded:
// every slice in time and in requests.
// Prints figures; never passes or fails on them (STYLE.md). Beside them: the SQL statements
// and the CPU time per request (bench/interleaved-load.ts: the server thread's, or with BENCH_LOAD=inline server and load generator together).
import { randomBytes } from "node:crypto";
import { loadavg } from "node:os";
import { type Kysely, sql } from "kysely";
import pg from "pg";
import { migrateToLatest } from "../src/platform/db/migrate.ts";
import { openDatabase } from "../src/platform/db/open-database.ts";
import {
  entryBody,
  startWorkplaceFixture,
  subscriptionBody,
  VILLE_SIRET,
} from "../test/workplace/workplace-fixtures.ts";
import { type LoadRow, loadByTurns, loadGenerator, type Target } from "./interleaved-load.ts";
import { countSql } from "./sql-count.ts";

const CONNECTIONS = 50;
const ROUNDS = Number(process.env.BENCH_SECONDS ?? 5);
const SLICE = Number(process.env.BENCH_SLICE ?? 1);
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const API = "/api/ententes/lyon/workplace";

/** The person whose entitlements are asked: an agent of the Ville de Lyon (a real `can_access: true`). */
const PERSON_EMAIL = "jean.dupont@lyon.fr";

/**
 * Ten catalogued services, the Ville de Lyon subscribed to half, a key for the files service,
 * and a person of the Ville (entitlements are decided per person: any email gets false).
 */
async function seed(
  f: Awaited<ReturnType<typeof startWorkplaceFixture>>,
  db: Kysely<unknown>,
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
  await sql`INSERT INTO person (sub, given_name, family_name, usual_name, created_at, updated_at)
    VALUES ('bench-sub', 'Jean', 'Dupont', 'Dupont', now(), now())`.execute(db);
  await sql`INSERT INTO person_affiliation (sub, entente_id, member_id, role, declared_by, email, uid, groups)
    VALUES ('bench-sub', 'lyon', 'ville-lyon', 'agent', 'secretariat', ${PERSON_EMAIL}, 'jdupont',
      '[]'::jsonb)`.execute(db);
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
let rows: LoadRow[] = [];
try {
  const database = await openDatabase({ kind: "postgres", url: url.toString() });
  await migrateToLatest(database.db);
  const f = await startWorkplaceFixture(database, () => new Date());
  const { serviceId, key } = await seed(f, database.db as Kysely<unknown>);
  const address = await f.app.listen({ host: "127.0.0.1", port: 0 });
  const entitlements = `/api/v1.0/entitlements/?service_id=${serviceId}&account_type=user&siret=${VILLE_SIRET}&account_email=${PERSON_EMAIL}`;
  const service = { "x-service-auth": `Bearer ${key}` };
  // The measured path is the one that lets the person in: checked once before the load.
  const check = await fetch(`${address}${entitlements}`, { headers: service });
  const checked = (await check.json()) as { entitlements?: { can_access?: boolean } };
  if (checked.entitlements?.can_access !== true)
    throw new Error(`the bench's person is not admitted: ${JSON.stringify(checked)}`);
  const targets: Target[] = [
    { name: "GET /api/health (baseline)", url: `${address}/api/health` },
    {
      name: "GET lagaufre feed (siret)",
      url: `${address}/api/v1.0/lagaufre/services/?siret=${VILLE_SIRET}&operator=lyon`,
    },
    { name: "GET entitlements (user)", url: `${address}${entitlements}`, headers: service },
    {
      name: "POST entitlements (no usage)",
      url: `${address}${entitlements}`,
      method: "POST",
      headers: { ...service, "content-type": "application/json" },
      body: "{}",
    },
  ];
  // BENCH_ONLY=feed (a part of the names) measures a subset, health always.
  const only = process.env.BENCH_ONLY;
  rows = await loadByTurns(
    targets.filter((t) => only === undefined || t.name.includes(only) || t.name.includes("health")),
    { connections: CONNECTIONS, rounds: ROUNDS, slice: SLICE },
  );
  await f.app.close();
  await database.close();
} finally {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await client.end();
}

process.stdout.write(
  `\nPostgreSQL, ${CONNECTIONS} connections, ${ROUNDS} turns of ${SLICE} s per endpoint, ${loadGenerator}, Node ${process.version}, load average ${loadBefore.toFixed(1)} → ${(loadavg()[0] ?? 0).toFixed(1)}\n\n`,
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

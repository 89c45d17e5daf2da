// Throughput of provisioning (issue 12, "Performance"), in one run on PostgreSQL:
// - SCIM creates per second through Entente's SCIM server over HTTP on 127.0.0.1 (Entra-style
//   Users, 8 clients at once); published anchors: Nubus' SCIM server 0.55 creates/s, Slack's API
//   allows about 3/s; the issue aims at ≥ 200/s;
// - the time to provision those accounts to an independent SCIM service (SCIMMY) and to a private
//   ejabberd, with progress, and the same extrapolated to 10 000 accounts.
// Beside each wall-clock figure, the stable ones: SQL statements per operation (counted by a wrapper
// of pg's Client.query installed here, BEGIN/COMMIT included) and this process's CPU time per
// operation (server and load clients together: both run here). The baseline of the same run is an
// authenticated SCIM read (GET /Users/{id}) through the same stack; the bench prints the ratios.
// Bounded in count (BENCH_USERS, default 2000) and time (BENCH_SECONDS, default 60, per phase). It reports; it never
// fails on a figure. Needs PostgreSQL (TEST_DATABASE_URL) and Debian's ejabberd.
import { randomBytes } from "node:crypto";
import { cpus, loadavg } from "node:os";
import pg from "pg";
import { createEntenteStore } from "../src/finance/db/entente-store.ts";
import { readEntenteFile } from "../src/finance/formats/read-entente-file.ts";
import { createIdentityAdminStore } from "../src/identity/db/identity-admin-store.ts";
import { loadConfig } from "../src/platform/config/load-config.ts";
import { migrateToLatest } from "../src/platform/db/migrate.ts";
import { openDatabase } from "../src/platform/db/open-database.ts";
import { buildApp } from "../src/platform/http/build-app.ts";
import { deliverDueEvents } from "../src/provisioning/app/deliver-due-events.ts";
import { addConnector } from "../src/provisioning/app/delivery-admin.ts";
import { issueScimToken } from "../src/provisioning/app/scim-tokens.ts";
import { composeProvisioning } from "../src/provisioning/index.ts";
import { LDAP_SOURCE } from "../test/identity/directory-fixtures.ts";
import { entraUser } from "../test/provisioning/scim-harness.ts";
import { startScimmyPeer } from "../test/provisioning/scimmy-peer.ts";
import { startEjabberd } from "../test/provisioning/start-ejabberd.ts";

const USERS = Number(process.env.BENCH_USERS ?? 2000);
const PHASE_LIMIT_MS = Number(process.env.BENCH_SECONDS ?? 60) * 1000;
const PORTS = { server: 20450, scimmy: 20451, ejabberdApi: 20452, ejabberdDist: 20453 };
const ACTOR = { id: "bench", label: "bench" };
const POSTGRES = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

const counter = countStatements();
const name = `entente_bench_${randomBytes(4).toString("hex")}`;
const admin = new pg.Client({ connectionString: POSTGRES });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
const url = new URL(POSTGRES);
url.pathname = `/${name}`;
const database = await openDatabase({ kind: "postgres", url: url.toString() });
const peer = await startScimmyPeer(PORTS.scimmy, "bench-token");
const chat = await startEjabberd({ api: PORTS.ejabberdApi, dist: PORTS.ejabberdDist }, [
  "chat.ville-lyon.test",
]);
try {
  await migrateToLatest(database.db);
  await createEntenteStore(database.db).importEntente(
    "lyon",
    await readEntenteFile("examples/lyon-2023/entente.yaml"),
    ACTOR,
  );
  const identity = createIdentityAdminStore(database.db);
  const source = await identity.createSource("lyon", LDAP_SOURCE, ACTOR);
  await identity.addDomain(
    "lyon",
    { domain: "ville-lyon.test", memberId: "ville-lyon", sourceId: source.id },
    ACTOR,
  );
  const provisioning = composeProvisioning(database, { now: () => new Date() });
  const token = await issueScimToken(
    provisioning.tokens,
    null,
    { ententeId: "lyon", memberId: "ville-lyon", sourceId: source.id },
    "bench",
  );
  for (const [kind, settings] of [
    ["scim", { baseUrl: peer.baseUrl }],
    ["ejabberd", { apiUrl: chat.apiUrl, host: "chat.ville-lyon.test" }],
  ] as const)
    await addConnector(provisioning.admin, null, "lyon", {
      kind,
      label: kind,
      clientId: null,
      settings,
      secret: kind === "scim" ? "bench-token" : null,
      memberIds: ["ville-lyon"],
      enabled: true,
    });
  const config = loadConfig(
    { NODE_ENV: "test", LOG_LEVEL: "silent" },
    { generateSecret: () => "bench-secret-bench-secret-bench-secret-43c" },
  );
  const app = await buildApp(
    { version: "bench", now: () => new Date(), registerRoutes: provisioning.registerRoutes },
    config,
  );
  await app.listen({ host: "127.0.0.1", port: PORTS.server });
  try {
    console.log(
      `provisioning bench: ${USERS} users, ${cpus().length} cores, load ${loadavg()[0]?.toFixed(2)}`,
    );
    const endpoint = `http://127.0.0.1:${PORTS.server}/scim/v2/lyon/ville-lyon/Users`;
    const createCost = counter.start();
    const created = await createUsers(endpoint, token);
    const creates = createCost.per(created.count);
    const createKinds = createCost.byKind(created.count);
    const readCost = counter.start();
    const read = await readUsers(endpoint, token, created.ids);
    const reads = readCost.per(read.count);
    const createRate = created.count / created.seconds;
    const readRate = read.count / read.seconds;
    console.log(
      `SCIM creates (PostgreSQL, HTTP, 8 clients): ${created.count} in ${created.seconds.toFixed(1)} s = ${createRate.toFixed(0)} creates/s, ${creates.sql.toFixed(1)} SQL/create, ${creates.cpuMs.toFixed(2)} ms CPU/create (anchors: Nubus 0.55/s, Slack 3/s; aim ≥ 200/s)`,
    );
    console.log(
      `baseline, SCIM reads (GET /Users/{id}, same stack): ${read.count} in ${read.seconds.toFixed(1)} s = ${readRate.toFixed(0)} reads/s, ${reads.sql.toFixed(1)} SQL/read, ${reads.cpuMs.toFixed(2)} ms CPU/read`,
    );
    console.log(
      `create/read ratios: throughput ${(createRate / readRate).toFixed(2)}, SQL ${(creates.sql / reads.sql).toFixed(2)}, CPU ${(creates.cpuMs / reads.cpuMs).toFixed(2)}; CPU-bound ceiling on one core ≈ ${(1000 / creates.cpuMs).toFixed(0)} creates/s`,
    );
    console.log(`  SQL per create by statement: ${createKinds}`);
    const deliverCost = counter.start();
    const delivered = await deliverAll(provisioning.engine, created.count * 2);
    const deliveries = deliverCost.per(delivered.count);
    const perSecond = delivered.count / delivered.seconds;
    console.log(
      `provisioned to SCIMMY and ejabberd: ${delivered.count} deliveries in ${delivered.seconds.toFixed(1)} s = ${perSecond.toFixed(0)} deliveries/s, ${deliveries.sql.toFixed(1)} SQL/delivery, ${deliveries.cpuMs.toFixed(2)} ms CPU/delivery (peers' CPU aside)`,
    );
    console.log(
      `extrapolated: 10 000 accounts to both peers ≈ ${(20_000 / perSecond / 60).toFixed(1)} min (SCIMMY users: ${peer.users.size}); load now ${loadavg()[0]?.toFixed(2)}`,
    );
  } finally {
    await app.close();
  }
} finally {
  await chat.stop();
  await peer.stop();
  await database.close();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}

async function createUsers(endpoint: string, token: string) {
  const started = performance.now();
  let next = 0;
  let count = 0;
  const ids: string[] = [];
  const client = async () => {
    while (next < USERS && performance.now() - started < PHASE_LIMIT_MS) {
      const i = next++;
      const response = await fetch(endpoint, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/scim+json" },
        body: JSON.stringify(entraUser(`agent${i}`, `oid-${i}`)),
      });
      if (response.status === 201) {
        count += 1;
        ids.push(((await response.json()) as { id: string }).id);
      } else console.log(`create ${i}: ${response.status} ${await response.text()}`);
    }
  };
  await Promise.all(Array.from({ length: 8 }, client));
  return { count, ids, seconds: (performance.now() - started) / 1000 };
}

/** The baseline: each created User read once, 8 clients, through the same token and routes. */
async function readUsers(endpoint: string, token: string, ids: readonly string[]) {
  const started = performance.now();
  let next = 0;
  let count = 0;
  const client = async () => {
    while (next < ids.length && performance.now() - started < PHASE_LIMIT_MS) {
      const id = ids[next++];
      const response = await fetch(`${endpoint}/${id}`, { headers: { authorization: `Bearer ${token}` } });
      await response.arrayBuffer();
      if (response.status === 200) count += 1;
    }
  };
  await Promise.all(Array.from({ length: 8 }, client));
  return { count, seconds: (performance.now() - started) / 1000 };
}

/**
 * Counts the SQL statements this process sends (pg's Client.query wrapped here, in the bench
 * only), by their first words, and measures this process's CPU time between start() and per().
 */
function countStatements() {
  const byKind = new Map<string, number>();
  let total = 0;
  const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function countedQuery(this: pg.Client, ...args: unknown[]) {
    const first = args[0];
    const text = typeof first === "string" ? first : ((first as { text?: string } | undefined)?.text ?? "");
    const verb = /^\s*(\w+)/.exec(text)?.[1]?.toLowerCase() ?? "?";
    const table = /\b(?:into|from|update)\s+"?(\w+)/i.exec(text)?.[1] ?? "";
    const key = `${verb} ${table}`.trim();
    byKind.set(key, (byKind.get(key) ?? 0) + 1);
    total += 1;
    return query.apply(this, args);
  } as typeof pg.Client.prototype.query;
  return {
    start() {
      const at = { total, cpu: process.cpuUsage(), kinds: new Map(byKind) };
      return {
        per(count: number) {
          const cpu = process.cpuUsage(at.cpu);
          const n = Math.max(count, 1);
          return { sql: (total - at.total) / n, cpuMs: (cpu.user + cpu.system) / 1000 / n };
        },
        byKind(count: number) {
          return [...byKind]
            .map(([k, v]) => [k, (v - (at.kinds.get(k) ?? 0)) / Math.max(count, 1)] as const)
            .filter(([, v]) => v >= 0.05)
            .sort((a, b) => b[1] - a[1])
            .map(([k, v]) => `${k} ${v.toFixed(2)}`)
            .join(", ");
        },
      };
    },
  };
}

async function deliverAll(engine: Parameters<typeof deliverDueEvents>[0], expected: number) {
  const started = performance.now();
  let count = 0;
  let lastReport = started;
  while (count < expected && performance.now() - started < PHASE_LIMIT_MS) {
    const pass = await deliverDueEvents(engine, { batch: 200, concurrency: 16, leaseSeconds: 120 });
    count += pass.delivered;
    if (pass.delivered + pass.retried + pass.failed === 0) break;
    if (performance.now() - lastReport > 2000) {
      console.log(`  progress: ${count}/${expected} delivered`);
      lastReport = performance.now();
    }
  }
  return { count, seconds: (performance.now() - started) / 1000 };
}

// Throughput of provisioning (issue 12, "Performance"), in one run on PostgreSQL:
// - SCIM creates per second through Entente's SCIM server over HTTP on 127.0.0.1 (Entra-style
//   Users, 8 clients at once); published anchors: Nubus' SCIM server 0.55 creates/s, Slack's API
//   allows about 3/s; the issue aims at ≥ 200/s;
// - the time to provision those accounts to an independent SCIM service (SCIMMY) and to a private
//   ejabberd, with progress, and the same extrapolated to 10 000 accounts.
// Bounded in count (BENCH_USERS, default 2000) and time (60 s per phase). It reports; it never
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
const PHASE_LIMIT_MS = 60_000;
const PORTS = { server: 18830, scimmy: 18831, ejabberdApi: 18832, ejabberdDist: 18833 };
const ACTOR = { id: "bench", label: "bench" };
const POSTGRES = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

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
    const created = await createUsers(
      `http://127.0.0.1:${PORTS.server}/scim/v2/lyon/ville-lyon/Users`,
      token,
    );
    console.log(
      `SCIM creates (PostgreSQL, HTTP, 8 clients): ${created.count} in ${created.seconds.toFixed(1)} s = ${(created.count / created.seconds).toFixed(0)} creates/s (anchors: Nubus 0.55/s, Slack 3/s; aim ≥ 200/s)`,
    );
    const delivered = await deliverAll(provisioning.engine, created.count * 2);
    const perSecond = delivered.count / delivered.seconds;
    console.log(
      `provisioned to SCIMMY and ejabberd: ${delivered.count} deliveries in ${delivered.seconds.toFixed(1)} s = ${perSecond.toFixed(0)} deliveries/s`,
    );
    console.log(
      `extrapolated: 10 000 accounts to both peers ≈ ${(20_000 / perSecond / 60).toFixed(1)} min (SCIMMY users: ${peer.users.size})`,
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

async function createUsers(endpoint: string, token: string): Promise<{ count: number; seconds: number }> {
  const started = performance.now();
  let next = 0;
  let count = 0;
  const client = async () => {
    while (next < USERS && performance.now() - started < PHASE_LIMIT_MS) {
      const i = next++;
      const response = await fetch(endpoint, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/scim+json" },
        body: JSON.stringify(entraUser(`agent${i}`, `oid-${i}`)),
      });
      if (response.status === 201) count += 1;
      else console.log(`create ${i}: ${response.status} ${await response.text()}`);
    }
  };
  await Promise.all(Array.from({ length: 8 }, client));
  return { count, seconds: (performance.now() - started) / 1000 };
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

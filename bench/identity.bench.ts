// Throughput of the identity federation (issue 4, "Performance"), side by side in one run:
// Entente's OpenID Provider (the real composition, on PostgreSQL, then with REDIS_URL) against
// the bare oidc-provider 9 with the same keys, settings and storage adapter class
// (bench/identity-bare-server.ts). Each server runs in its own process on 127.0.0.1; this
// process generates the load. Three loads, each after a warm-up, each bounded in count and time:
// - client-credentials tokens (autocannon, POST /oidc/token, Basic auth);
// - introspections of a person's access token (autocannon, POST /oidc/token/introspection);
// - complete LDAP sign-ins (bench/identity-sign-in.ts: concurrent browsers with fetch).
// Prints req/s, p50/p99, storage round trips per operation, the ratio Entente/bare, and whether
// the targets are met (≥ 80 % of the bare library, ≥ 200 LDAP sign-ins/s). It reports;
// it never fails on a figure. BENCH_PROFILE=<dir> writes a CPU profile of each server during each load there.
import { type ChildProcess, fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { Redis } from "ioredis";
import { Client as LdapClient } from "ldapts";
import pg from "pg";
import { createArgon2PasswordHasher } from "../src/access/crypto/argon2-password-hasher.ts";
import { composeConsole, seedExample } from "../src/compose.ts";
import { readEntenteFile } from "../src/finance/formats/read-entente-file.ts";
import { createIdentityAdminStore } from "../src/identity/db/identity-admin-store.ts";
import { createSigningKeyStore } from "../src/identity/db/oidc-signing-key-store.ts";
import { createServiceClientStore } from "../src/identity/db/service-client-store.ts";
import type { AttributeMapping } from "../src/identity/domain/identity-source.ts";
import type { ServiceClientInput } from "../src/identity/domain/service-client.ts";
import { ensureSigningKeys } from "../src/identity/oidc/signing-keys.ts";
import { migrateToLatest } from "../src/platform/db/migrate.ts";
import { openDatabase } from "../src/platform/db/open-database.ts";
import { ldapPeer } from "../test/helpers/upstream-peers.ts";
import type {
  BenchClient,
  ChildMessage,
  ChildStart,
  ParentMessage,
  StorageCounts,
} from "./identity-child.ts";
import { ldapSignIn } from "./identity-ldap-bind.ts";
import { summarizeProfile } from "./identity-profile.ts";
import {
  basicAuth,
  type LoadFigures,
  runConcurrently,
  runSignInLoad,
  SIGN_IN_STEPS,
  type SignInUser,
  type StepTimes,
  signInOnce,
} from "./identity-sign-in.ts";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const BROWSERS = Number(process.env.BENCH_BROWSERS ?? 16);
const MAX_REQUESTS = 200_000;
const MAX_SIGN_INS = 10_000;
const PROFILE_DIR = process.env.BENCH_PROFILE;
/** BENCH_LDAP_TLS=0: plain LDAP for the sources (default: StartTLS, as in test/e2e/identity-harness.ts). */
const LDAP_TLS = process.env.BENCH_LDAP_TLS !== "0";
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
/** A database index of its own, so that the clean-up at the end touches nothing else. */
const REDIS_URL = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379/13";
const REDIS_PREFIXES = ["oidc:", "transient:", "bench-bare:"];
const ENTENTE = "lyon-2023";
const ACTOR = { id: "bench", label: "identity bench" };
const TARGET_RATIO = 0.8;
const TARGET_SIGN_INS = 200;

const USERS: SignInUser[] = [
  ["alice.martin", "metropole", "alice"],
  ["bruno.leroy", "metropole", "bruno"],
  ["chloe.dubois", "metropole", "chloe"],
  ["david.bernard", "ville", "david"],
  ["emma.petit", "ville", "emma"],
  ["farid.haddad", "ville", "farid"],
].map(([login, ou, first]) => ({ email: `${login}@${ou}.entente.test`, password: `${first}-secret` }));

// ---- preparation ----------------------------------------------------------------------------

async function ensureLdap(): Promise<void> {
  const client = new LdapClient({ url: ldapPeer.url, connectTimeout: 2000, timeout: 2000 });
  try {
    await client.bind(ldapPeer.bindDn, ldapPeer.bindPassword);
  } catch (error) {
    throw new Error(
      `slapd does not answer at ${ldapPeer.url} (${String(error)}): start it with \`bash ci/identity/slapd/start.sh\`.`,
    );
  } finally {
    await client.unbind().catch(() => undefined);
  }
}

async function createDatabase(): Promise<{ name: string; url: string; drop: () => Promise<void> }> {
  const name = `entente_bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: ADMIN_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

const LDAP_MAPPING: AttributeMapping = {
  givenName: "givenName",
  familyName: "sn",
  usualName: null,
  email: "mail",
  uid: "uid",
  groups: "memberOf",
  role: { fixed: "agent" },
};

/** The Lyon example, the two LDAP sources of test/e2e/identity-harness.ts, their domains, two services, the signing keys. */
async function prepare(databaseUrl: string): Promise<ChildStart["clients"]> {
  const database = await openDatabase({ kind: "postgres", url: databaseUrl });
  await migrateToLatest(database.db);
  const hasher = createArgon2PasswordHasher();
  const secret = randomBytes(32).toString("base64url");
  const console = composeConsole(database, {
    hasher,
    now: () => new Date(),
    sessionSecret: secret,
    secureCookies: false,
  });
  await seedExample(console, ENTENTE, await readEntenteFile("examples/lyon-2023/entente.yaml"), secret);
  const admin = createIdentityAdminStore(database.db);
  for (const [ou, memberId, label] of [
    ["metropole", "metropole", "Annuaire de la Métropole"],
    ["ville", "ville-lyon", "Annuaire de la Ville"],
  ] as const) {
    const source = await admin.createSource(
      ENTENTE,
      {
        kind: "ldap",
        ldap: {
          url: ldapPeer.url,
          startTls: LDAP_TLS,
          tlsCaPem: ldapPeer.caPem(),
          bindDn: ldapPeer.bindDn,
          searchBase: `ou=${ou},${ldapPeer.baseDn}`,
          searchFilter: "(&(objectClass=inetOrgPerson)(|(uid={login})(mail={login})))",
          idAttribute: "entryUUID",
          idEncoding: "text",
          timeoutSeconds: 3,
        },
        memberId,
        label,
        enabled: true,
        mapping: LDAP_MAPPING,
        secret: ldapPeer.bindPassword,
      },
      ACTOR,
    );
    await admin.addDomain(ENTENTE, { domain: `${ou}.entente.test`, memberId, sourceId: source.id }, ACTOR);
  }
  const clients = createServiceClientStore(database.db);
  const register = async (input: ServiceClientInput): Promise<BenchClient> => {
    const { client, clientSecret } = await clients.createClient(ENTENTE, input);
    if (clientSecret === null) throw new Error("a confidential client without a secret");
    return { record: client, clientSecret };
  };
  const common = {
    postLogoutRedirectUris: [],
    backchannelLogoutUri: null,
    tokenEndpointAuthMethod: "client_secret_basic",
    policy: { memberIds: null, roles: null, groups: null },
    requiredAcr: null,
    enabled: true,
  } as const;
  const signIn = await register({
    ...common,
    name: "Service du bench",
    // Never contacted: the bench reads the code from the redirect's Location.
    redirectUris: ["http://127.0.0.1:9/callback"],
    grantTypes: ["authorization_code", "refresh_token"],
    scopes: ["openid", "profile", "email", "organization", "groups"],
  });
  const machine = await register({
    ...common,
    name: "Service à service du bench",
    redirectUris: [],
    grantTypes: ["client_credentials"],
    scopes: [],
  });
  await ensureSigningKeys(createSigningKeyStore(database.db));
  await database.close();
  return { signIn, machine };
}

async function redisAnswers(): Promise<boolean> {
  const redis = new Redis(REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    retryStrategy: () => null,
  });
  try {
    await redis.connect();
    return (await redis.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

async function cleanRedis(): Promise<void> {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    for (const prefix of REDIS_PREFIXES) {
      let cursor = "0";
      do {
        const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 1000);
        if (keys.length > 0) await redis.unlink(...keys);
        cursor = next;
      } while (cursor !== "0");
    }
  } finally {
    redis.disconnect();
  }
}

// ---- server processes -----------------------------------------------------------------------

interface Server {
  readonly url: string;
  readonly issuer: string;
  ask<T extends ChildMessage["type"]>(
    message: ParentMessage,
    reply: T,
  ): Promise<Extract<ChildMessage, { type: T }>>;
  stop(): Promise<void>;
}

async function startServer(kind: "entente" | "bare", start: ChildStart): Promise<Server> {
  const script = new URL(
    kind === "entente" ? "./identity-entente-server.ts" : "./identity-bare-server.ts",
    import.meta.url,
  );
  const child: ChildProcess = fork(script, { stdio: ["ignore", "ignore", "inherit", "ipc"] });
  const ask = <T extends ChildMessage["type"]>(message: ParentMessage, reply: T) =>
    new Promise<Extract<ChildMessage, { type: T }>>((resolve, reject) => {
      const onMessage = (answer: ChildMessage) => {
        if (answer.type !== reply && answer.type !== "failed") return;
        cleanup();
        if (answer.type === "failed") reject(new Error(`${kind} server: ${answer.message}`));
        else resolve(answer as Extract<ChildMessage, { type: T }>);
      };
      const onExit = (code: number | null) => {
        cleanup();
        reject(new Error(`${kind} server exited (${code})`));
      };
      const cleanup = () => {
        child.off("message", onMessage);
        child.off("exit", onExit);
      };
      child.on("message", onMessage);
      child.on("exit", onExit);
      child.send(message);
    });
  const ready = await ask(start, "ready");
  return {
    url: ready.url,
    issuer: ready.issuer,
    ask,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.disconnect();
      await exited;
    },
  };
}

// ---- loads ----------------------------------------------------------------------------------

interface Figures {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly ok: number;
  readonly errors: number;
  readonly firstError: string | null;
  /** Storage round trips per successful operation. */
  readonly sqlPerOp: number;
  readonly redisPerOp: number;
  /** CPU time of the server process per successful operation, in milliseconds: robust to a busy machine. */
  readonly cpuMsPerOp: number;
  /** The statements behind `sqlPerOp`, per operation, most frequent first. */
  readonly sqlDetail: readonly [string, number][];
}

async function hammer(
  url: string,
  options: { body: string; authorization: string },
  seconds: number,
): Promise<autocannon.Result> {
  const instance = autocannon({
    url,
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", authorization: options.authorization },
    body: options.body,
    connections: CONNECTIONS,
    amount: MAX_REQUESTS,
  }) as Promise<autocannon.Result> & { stop(): void }; // the instance is also an EventEmitter with stop()
  const timer = setTimeout(() => instance.stop(), seconds * 1000);
  const result = await instance;
  clearTimeout(timer);
  return result;
}

function delta(before: StorageCounts, after: StorageCounts, ops: number) {
  const diff = (a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>) =>
    Object.entries(b)
      .map(([k, v]) => [k, (v - (a[k] ?? 0)) / Math.max(1, ops)] as [string, number])
      .filter(([, v]) => v > 0)
      .sort((x, y) => y[1] - x[1]);
  const sql = diff(before.sql, after.sql);
  const redis = diff(before.redis, after.redis);
  const sum = (list: [string, number][]) => list.reduce((s, [, v]) => s + v, 0);
  const cpuMsPerOp = (after.cpuMs - before.cpuMs) / Math.max(1, ops);
  return { sqlPerOp: sum(sql), redisPerOp: sum(redis), sqlDetail: sql, cpuMsPerOp };
}

/** Runs `measure` with the server's CPU profiler on when BENCH_PROFILE is set, then prints where its time went. */
async function profiled<T>(server: Server, what: string, measure: () => Promise<T>): Promise<T> {
  if (PROFILE_DIR === undefined) return measure();
  await server.ask({ type: "profile-start" }, "profiling");
  const result = await measure();
  mkdirSync(PROFILE_DIR, { recursive: true });
  const path = join(PROFILE_DIR, `${what.replace(/\W+/g, "-").toLowerCase()}.cpuprofile`);
  await server.ask({ type: "profile-stop", path }, "profiled");
  process.stdout.write(`\nCPU profile, ${what}: ${path}\n`);
  process.stdout.write(summarizeProfile(JSON.parse(readFileSync(path, "utf8"))));
  return result;
}

async function measureRequests(
  server: Server,
  what: string,
  path: string,
  options: { body: string; authorization: string },
): Promise<Figures> {
  await hammer(`${server.url}${path}`, options, WARMUP_SECONDS);
  const before = (await server.ask({ type: "stats" }, "stats")).counts;
  // The counters are read before the profiler stops (writing the profile costs CPU too).
  const { result, after } = await profiled(server, what, async () => ({
    result: await hammer(`${server.url}${path}`, options, SECONDS),
    after: (await server.ask({ type: "stats" }, "stats")).counts,
  }));
  const ok = result["2xx"];
  return {
    rps: ok / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok,
    errors: result.errors + result.non2xx + result.timeouts,
    firstError: result.non2xx > 0 ? `${result.non2xx} non-2xx answers` : null,
    ...delta(before, after, ok),
  };
}

const nearestRank = (sorted: readonly number[], q: number) =>
  sorted.length === 0
    ? Number.NaN
    : (sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN);

async function measureSignIns(
  server: Server,
  name: string,
  client: BenchClient,
  databaseName: string,
): Promise<Figures> {
  const base = {
    base: server.url,
    issuer: server.issuer,
    client,
    users: USERS,
    concurrency: BROWSERS,
    maxCount: MAX_SIGN_INS,
  };
  await runSignInLoad({ ...base, seconds: WARMUP_SECONDS });
  const before = (await server.ask({ type: "stats" }, "stats")).counts;
  const steps: StepTimes = new Map();
  const backends = sampleBackends(databaseName);
  const { load, after } = await profiled(server, `${name} sign-ins`, async () => ({
    load: await runSignInLoad({ ...base, seconds: SECONDS * 1.5, steps }),
    after: (await server.ask({ type: "stats" }, "stats")).counts,
  }));
  backendSamples.set(name, await backends.stop());
  stepTimes.set(name, new Map([...steps].map(([k, v]) => [k, v / Math.max(1, load.ok + load.failed)])));
  return {
    rps: load.ok / load.seconds,
    p50: nearestRank(load.durations, 0.5),
    p99: nearestRank(load.durations, 0.99),
    ok: load.ok,
    errors: load.failed,
    firstError: load.firstError,
    ...delta(before, after, load.ok),
  };
}

/** What PostgreSQL's sessions of the bench's database do, sampled every 50 ms (pg_stat_activity). */
interface BackendSample {
  /** Mean number of sessions running a statement, and of those waiting for a lock (row locks of a transaction). */
  readonly active: number;
  readonly waitingOnLock: number;
}

function sampleBackends(databaseName: string): { stop(): Promise<BackendSample> } {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  const samples: { active: number; waiting: number }[] = [];
  let running = true;
  const done = (async () => {
    await client.connect();
    while (running) {
      const { rows } = await client.query<{ active: string; waiting: string }>(
        `SELECT count(*) FILTER (WHERE state = 'active') AS active,
                count(*) FILTER (WHERE wait_event_type = 'Lock') AS waiting
           FROM pg_stat_activity WHERE datname = $1`,
        [databaseName],
      );
      samples.push({ active: Number(rows[0]?.active ?? 0), waiting: Number(rows[0]?.waiting ?? 0) });
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await client.end();
  })();
  return {
    async stop() {
      running = false;
      await done;
      const mean = (pick: (s: { active: number; waiting: number }) => number) =>
        samples.reduce((sum, s) => sum + pick(s), 0) / Math.max(1, samples.length);
      return { active: mean((s) => s.active), waitingOnLock: mean((s) => s.waiting) };
    },
  };
}

/** The LDAP exchange alone, from this process: the ceiling the directory puts on any sign-in. */
async function measureDirectory(ldap: ChildStart["ldap"]): Promise<LoadFigures> {
  const task = async (i: number) => {
    const user = USERS[i % USERS.length] as SignInUser;
    if ((await ldapSignIn(ldap, user.email, user.password)) === null) throw new Error("LDAP sign-in refused");
  };
  const options = { concurrency: BROWSERS, maxCount: MAX_SIGN_INS };
  await runConcurrently(task, { ...options, seconds: WARMUP_SECONDS });
  return runConcurrently(task, { ...options, seconds: SECONDS });
}

// ---- run --------------------------------------------------------------------------------------

const LOADS = ["client-credentials token", "introspection", "LDAP sign-in (complete)"] as const;
type Load = (typeof LOADS)[number];
/** BENCH_SERVERS / BENCH_LOADS: comma-separated parts of names, to run a subset (e.g. `bare,Redis`, `sign-in`). */
const ONLY_SERVERS = process.env.BENCH_SERVERS?.split(",");
const ONLY_LOADS = process.env.BENCH_LOADS?.split(",");
const wanted = (load: Load) => ONLY_LOADS === undefined || ONLY_LOADS.some((s) => load.includes(s));
const CONFIGS = [
  { name: "Entente (PG)", kind: "entente", redis: false },
  { name: "bare (PG)", kind: "bare", redis: false },
  { name: "Entente (Redis)", kind: "entente", redis: true },
  { name: "bare (Redis)", kind: "bare", redis: true },
] as const;

await ensureLdap();
const database = await createDatabase();
const results = new Map<string, Map<Load, Figures>>();
const directory = new Map<boolean, LoadFigures>();
/** Mean milliseconds per step of a sign-in, per server. */
const stepTimes = new Map<string, Map<string, number>>();
const backendSamples = new Map<string, BackendSample>();
const loadBefore = loadavg();
const startedAt = Date.now();
try {
  const clients = await prepare(database.url);
  const redisUp = await redisAnswers();
  const start: Omit<ChildStart, "redisUrl"> = {
    type: "start",
    databaseUrl: database.url,
    sessionSecret: randomBytes(32).toString("base64url"),
    clients,
    ldap: {
      url: ldapPeer.url,
      startTls: LDAP_TLS,
      caPem: ldapPeer.caPem(),
      bindDn: ldapPeer.bindDn,
      bindPassword: ldapPeer.bindPassword,
      baseDn: ldapPeer.baseDn,
      domains: {
        "metropole.entente.test": { ou: "metropole", memberId: "metropole" },
        "ville.entente.test": { ou: "ville", memberId: "ville-lyon" },
      },
    },
  };
  if (wanted("LDAP sign-in (complete)")) {
    for (const startTls of [true, false]) {
      process.stdout.write(`directory alone (${startTls ? "StartTLS" : "plain LDAP"})…\n`);
      directory.set(startTls, await measureDirectory({ ...start.ldap, startTls }));
    }
  }
  for (const config of CONFIGS) {
    if (ONLY_SERVERS !== undefined && !ONLY_SERVERS.some((s) => config.name.includes(s))) continue;
    if (config.redis && !redisUp) {
      process.stdout.write(`Redis does not answer at ${REDIS_URL}: ${config.name} skipped.\n`);
      continue;
    }
    process.stdout.write(`${config.name}…\n`);
    const server = await startServer(config.kind, { ...start, redisUrl: config.redis ? REDIS_URL : null });
    try {
      const figures = new Map<Load, Figures>();
      if (wanted("client-credentials token"))
        figures.set(
          "client-credentials token",
          await measureRequests(server, `${config.name} client credentials`, "/oidc/token", {
            body: "grant_type=client_credentials",
            authorization: basicAuth(clients.machine),
          }),
        );
      if (wanted("LDAP sign-in (complete)"))
        figures.set(
          "LDAP sign-in (complete)",
          await measureSignIns(server, config.name, clients.signIn, database.name),
        );
      if (wanted("introspection")) {
        const tokens = await signInOnce(server.url, server.issuer, clients.signIn, USERS[0] as SignInUser);
        figures.set(
          "introspection",
          await measureRequests(server, `${config.name} introspection`, "/oidc/token/introspection", {
            body: new URLSearchParams({ token: String(tokens.access_token) }).toString(),
            authorization: basicAuth(clients.signIn),
          }),
        );
      }
      results.set(config.name, figures);
    } finally {
      await server.stop();
    }
  }
} finally {
  await database.drop();
  await cleanRedis().catch(() => undefined);
}

// ---- report -----------------------------------------------------------------------------------

const cpu = cpus()[0]?.model ?? "?";
process.stdout.write(
  `\nNode ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} cores (${cpu}); ` +
    `${SECONDS} s measured (sign-ins ${SECONDS * 1.5} s) after ${WARMUP_SECONDS} s of warm-up; ` +
    `autocannon ${CONNECTIONS} connections, ${BROWSERS} concurrent browsers; ` +
    `whole run ${Math.round((Date.now() - startedAt) / 1000)} s; ` +
    `load average ${loadBefore.map((l) => l.toFixed(1)).join(" ")} before, ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")} after; ` +
    `sources ${LDAP_TLS ? "with StartTLS" : "in plain LDAP"}\n\n`,
);
const pad = (s: string, n: number) => s.padEnd(n);
const num = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : "–");
process.stdout.write(
  `${pad("load", 25)} ${pad("server", 16)} ${"req/s".padStart(8)} ${"p50 ms".padStart(7)} ${"p99 ms".padStart(7)} ${"errors".padStart(6)} ${"SQL/op".padStart(6)} ${"Redis/op".padStart(8)} ${"CPU ms/op".padStart(9)}  Entente/bare\n`,
);
const verdicts: string[] = [];
for (const load of LOADS) {
  for (const config of CONFIGS) {
    const f = results.get(config.name)?.get(load);
    if (f === undefined) continue;
    let ratio = "";
    if (config.kind === "entente") {
      const bare = results.get(config.redis ? "bare (Redis)" : "bare (PG)")?.get(load);
      if (bare !== undefined) {
        const r = f.rps / bare.rps;
        // bare CPU per operation ÷ Entente's: the throughput ratio a CPU-bound server would reach, whatever else runs on the machine.
        ratio = `${(r * 100).toFixed(0)} %  (CPU: ${((bare.cpuMsPerOp / f.cpuMsPerOp) * 100).toFixed(0)} %)`;
        verdicts.push(
          `${r >= TARGET_RATIO ? "met    " : "NOT met"}  ${load}, ${config.name}: ${(r * 100).toFixed(0)} % of the bare library (target ≥ ${TARGET_RATIO * 100} %)`,
        );
      }
      if (load === "LDAP sign-in (complete)") {
        verdicts.push(
          `${f.rps >= TARGET_SIGN_INS ? "met    " : "NOT met"}  LDAP sign-ins, ${config.name}: ${num(f.rps)}/s (target ≥ ${TARGET_SIGN_INS}/s)`,
        );
      }
    }
    process.stdout.write(
      `${pad(load, 25)} ${pad(config.name, 16)} ${num(f.rps).padStart(8)} ${num(f.p50, 1).padStart(7)} ${num(f.p99, 1).padStart(7)} ${String(f.errors).padStart(6)} ${num(f.sqlPerOp, 1).padStart(6)} ${num(f.redisPerOp, 1).padStart(8)} ${num(f.cpuMsPerOp, 2).padStart(9)}  ${ratio}\n`,
    );
    if (f.firstError !== null) process.stdout.write(`${" ".repeat(26)}first error: ${f.firstError}\n`);
  }
}
for (const [startTls, f] of directory) {
  const rps = f.ok / f.seconds;
  process.stdout.write(
    `${pad("LDAP exchange alone", 25)} ${pad(startTls ? "ldapts StartTLS" : "ldapts plain", 16)} ${num(rps).padStart(8)} ${num(nearestRank(f.durations, 0.5), 1).padStart(7)} ${num(nearestRank(f.durations, 0.99), 1).padStart(7)} ${String(f.failed).padStart(6)}  (the directory's ceiling, from the bench process)\n`,
  );
}
process.stdout.write("\nTargets of issue 4 (reported, not asserted):\n");
for (const line of verdicts) process.stdout.write(`  ${line}\n`);
process.stdout.write("\nSQL statements per complete sign-in:\n");
for (const config of CONFIGS) {
  const f = results.get(config.name)?.get("LDAP sign-in (complete)");
  if (f === undefined) continue;
  const detail = f.sqlDetail.map(([k, v]) => `${k} ${num(v, 1)}`).join(", ");
  process.stdout.write(`  ${pad(config.name, 16)} ${detail === "" ? "none" : detail}\n`);
}
process.stdout.write("\nMean milliseconds per step of a sign-in (under load):\n");
process.stdout.write(`  ${pad("", 16)} ${SIGN_IN_STEPS.map((step) => step.padStart(11)).join(" ")}\n`);
for (const [name, steps] of stepTimes) {
  process.stdout.write(
    `  ${pad(name, 16)} ${SIGN_IN_STEPS.map((step) => num(steps.get(step) ?? Number.NaN, 1).padStart(Math.max(11, step.length))).join(" ")}\n`,
  );
}
process.stdout.write(
  "\nPostgreSQL sessions of the bench's database during the sign-ins (mean of 50 ms samples):\n",
);
for (const [name, sample] of backendSamples) {
  process.stdout.write(
    `  ${pad(name, 16)} ${num(sample.active, 1)} running a statement, ${num(sample.waitingOnLock, 1)} waiting for a lock\n`,
  );
}

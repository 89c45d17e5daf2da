import assert from "node:assert/strict";
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import pg from "pg";
import { createArgon2PasswordHasher } from "../../src/access/index.ts";
import { composeConsole, seedExample } from "../../src/compose.ts";
import { readEntenteFile } from "../../src/finance/index.ts";
import { DEMO_SERVICE_URL, seedIdentityExampleOn } from "../../src/identity/index.ts";
import { migrateToLatest } from "../../src/platform/db/migrate.ts";
import { openDatabase } from "../../src/platform/db/open-database.ts";
import { createPostgresDatabase } from "../helpers/databases.ts";
import {
  codeOf,
  makeCertificate,
  nginxConfig,
  PKCE,
  send,
  sendForm,
  sessionCookie,
  startFederatedSignIn,
} from "../helpers/reverse-proxy-kit.ts";
import { LYON, ROOT } from "../helpers/run-cli.ts";
import { type RunningChild, startChild } from "../helpers/start-child.ts";

/**
 * Entente as deployed (docs/deployment.md): Debian's nginx terminating TLS on 127.0.0.1 in front of
 * two production nodes sharing PostgreSQL, TRUSTED_PROXIES naming the proxy. Clients come from
 * distinct loopback addresses (127.0.0.2, 127.0.0.3…), so the proxy forwards who they are.
 * Everything started here is stopped by PID in every path (start-child.ts).
 */

const PROXY_PORT = 18200;
const NODE_PORTS = [18201, 18202] as const;
const PROXY = "127.0.0.1";
const ATTACKER = "127.0.0.2";
const VICTIM = "127.0.0.3";
const ELSEWHERE = "127.0.0.4";
const PASSWORD = "mot-de-passe-du-secretariat";
const SECRET = "reverse-proxy-test-secret-reverse-proxy-test-secret";
const START_DEADLINE_MS = 90_000;

/** The JSON log lines a node wrote so far (complete lines only). */
const logsIn = (stdout: string) =>
  stdout
    .split("\n")
    .slice(0, -1)
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe("behind nginx (TLS) in front of two production nodes", { timeout: 300_000 }, () => {
  const children: RunningChild[] = [];
  let dropDatabase = async () => {};
  let ca = "";
  let email = "";
  let seeded: Seeded | undefined;
  let databaseUrl = "";
  const proxy = () => ({ tls: true, port: PROXY_PORT, ca });
  const node = (index: 0 | 1) => ({ tls: false, port: NODE_PORTS[index] });

  before(async () => {
    const created = await createPostgresDatabase();
    dropDatabase = created.drop;
    databaseUrl = created.url;
    seeded = await seedDatabase(created.url);
    email = seeded.secretariat;
    const dir = mkdtempSync(join(tmpdir(), "entente-nginx-"));
    chmodSync(dir, 0o777); // nginx's workers (nobody) write their temporary files there
    const tls = makeCertificate(dir);
    ca = readFileSync(tls.cert, "utf8");
    for (const [index, port] of NODE_PORTS.entries())
      children.push(await startNode(created.url, port, index));
    writeFileSync(join(dir, "nginx.conf"), nginxConfig(dir, tls, `${PROXY}:${PROXY_PORT}`, NODE_PORTS));
    const nginx = await startChild({
      name: "nginx",
      command: "nginx",
      args: ["-c", join(dir, "nginx.conf"), "-p", dir],
      deadlineMs: 30_000,
      ready: ({ stderr }) => (/start worker process/.test(stderr) ? true : undefined),
    });
    children.push(nginx.child);
  });
  after(async () => {
    for (const child of children.reverse()) await child.stop();
    await dropDatabase();
  });

  it("an attacker's 60 wrong passwords block only the attacker, not a victim behind the same proxy", async () => {
    const answers = new Set<string>();
    for (let i = 0; i < 60; i++) {
      const reply = await send(proxy(), ATTACKER, "POST", "/api/session", {
        json: { email, password: `faux-${i}` },
      });
      assert.ok([401, 429].includes(reply.status), `${reply.status} ${reply.body}`);
      answers.add(String(codeOf(reply)));
    }
    // The throttle answers (auth.locked) before each node's rate limit (auth.rate_limited) takes over.
    assert.ok(answers.has("auth.locked"), [...answers].join());
    const attackerRight = await send(proxy(), ATTACKER, "POST", "/api/session", {
      json: { email, password: PASSWORD },
    });
    assert.equal(attackerRight.status, 429, "the attacker's address waits, even with the right password");
    const victim = await send(proxy(), VICTIM, "POST", "/api/session", {
      json: { email, password: PASSWORD },
    });
    assert.equal(victim.status, 200, victim.body);
  });

  it("in production the console holds a session through the proxy: Secure cookie, read by both nodes", async () => {
    const signed = await send(proxy(), VICTIM, "POST", "/api/session", {
      json: { email, password: PASSWORD },
    });
    assert.equal(signed.status, 200, signed.body);
    const cookie = sessionCookie(signed);
    assert.ok(cookie !== undefined, `no session cookie: ${JSON.stringify(signed.headers)}`);
    assert.match(cookie, /;\s*Secure/i);
    assert.match(cookie, /;\s*HttpOnly/i);
    const pair = cookie.split(";")[0] ?? "";
    // Round robin: consecutive requests reach both nodes, which share the session in PostgreSQL.
    for (let i = 0; i < 4; i++) {
      const reply = await send(proxy(), VICTIM, "GET", "/api/session", { headers: { cookie: pair } });
      assert.equal(reply.status, 200, reply.body);
      assert.equal(JSON.parse(reply.body).account.email, email);
    }
  });

  it("forwarded headers from an untrusted address are ignored: no sign-in over http, no borrowed address", async () => {
    const spoofed = { "x-forwarded-proto": "https", "x-forwarded-for": VICTIM };
    const plain = await send(node(0), ELSEWHERE, "POST", "/api/session", {
      json: { email, password: PASSWORD },
      headers: spoofed,
    });
    assert.equal(plain.status, 403, plain.body);
    assert.equal(codeOf(plain), "auth.https_required", "no sign-in without the Secure cookie it needs");
    assert.equal(sessionCookie(plain), undefined);
    // Nor can the attacker pass for the victim by writing the victim's address, even through the
    // proxy (nginx appends the real one; the server reads from the right).
    const borrowed = await send(proxy(), ATTACKER, "POST", "/api/session", {
      json: { email, password: PASSWORD },
      headers: spoofed,
    });
    assert.equal(borrowed.status, 429, borrowed.body);
  });

  it("attacked from 25 addresses, the account waits on new addresses only; the victim's own passes", async () => {
    const codes: string[] = [];
    for (let i = 0; i < 25; i++) {
      const from = `127.0.1.${i + 1}`;
      const reply = await send(proxy(), from, "POST", "/api/session", { json: { email, password: "faux" } });
      codes.push(String(codeOf(reply)));
    }
    // 20 failures of the login in the window (the first test's count too), then new addresses wait.
    assert.ok(codes.includes("auth.invalid_credentials") && codes.at(-1) === "auth.locked", codes.join());
    const fresh = await send(proxy(), "127.0.2.1", "POST", "/api/session", {
      json: { email, password: PASSWORD },
    });
    assert.equal(fresh.status, 429, fresh.body);
    assert.equal(codeOf(fresh), "auth.locked");
    const victim = await send(proxy(), VICTIM, "POST", "/api/session", {
      json: { email, password: PASSWORD },
    });
    assert.equal(victim.status, 200, "the victim signed in from this address before");
  });

  it("federation, a member's local source: an attacker's wrong passwords do not stop the person at another address", async () => {
    assert.ok(seeded !== undefined);
    const { memberAccount, clientId } = seeded;
    const attacker = await startFederatedSignIn(proxy(), "127.0.0.7", clientId, memberAccount);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await attacker.password(proxy(), `faux-${i}`)).status);
    assert.deepEqual(statuses.slice(0, 5), [401, 401, 401, 401, 401]);
    assert.deepEqual(statuses.slice(5), Array(7).fill(429), "identity.too_many_attempts for the attacker");
    assert.equal((await attacker.password(proxy(), PASSWORD)).status, 429);
    const victim = await startFederatedSignIn(proxy(), "127.0.0.8", clientId, memberAccount);
    const signedIn = await victim.password(proxy(), PASSWORD);
    assert.equal(signedIn.status, 303, signedIn.body);
    assert.match(String(signedIn.headers.location), /\/oidc\/auth\//, "back to the provider, signed in");
  });

  it("audit events record the client address the proxy forwards, and the socket's when the header comes from elsewhere", async () => {
    assert.ok(seeded !== undefined);
    const { memberAccount, clientId } = seeded;
    const throughProxy = await startFederatedSignIn(proxy(), "127.0.0.5", clientId, memberAccount);
    await throughProxy.wrongPassword(proxy(), "rp-audit-proxy", {});
    // The interaction begun through the proxy, the password posted straight to a node by someone
    // who writes an X-Forwarded-For: the socket's address is recorded.
    const direct = await startFederatedSignIn(proxy(), "127.0.0.6", clientId, memberAccount);
    await direct.wrongPassword(node(1), "rp-audit-direct", { "x-forwarded-for": "198.51.100.77" });
    // Tokens issued by the provider itself: exchanged through the proxy, then straight at a node
    // by someone who writes an X-Forwarded-For.
    for (const [from, target, requestId, headers] of [
      ["127.0.0.9", proxy(), "rp-audit-token-proxy", {}],
      ["127.0.0.10", node(0), "rp-audit-token-direct", { "x-forwarded-for": "198.51.100.77" }],
    ] as const) {
      const code = await (await startFederatedSignIn(proxy(), from, clientId, memberAccount)).code(PASSWORD);
      const body = new URLSearchParams({
        grant_type: "authorization_code",
        code,
        redirect_uri: `${DEMO_SERVICE_URL}/callback`,
        client_id: clientId,
        code_verifier: PKCE.verifier,
      }).toString();
      const token = await sendForm(target, from, "/oidc/token", {
        "content-type": "application/x-www-form-urlencoded",
        "x-request-id": requestId,
        ...headers,
        body,
      });
      assert.equal(token.status, 200, token.body);
    }
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      // The provider's events are written by its listeners after the answer: wait (bounded) for all four.
      const read = () =>
        client.query<{ request_id: string; kind: string; ip: string }>(
          "SELECT request_id, kind, ip FROM identity_event WHERE request_id LIKE 'rp-audit-%' ORDER BY request_id",
        );
      let { rows } = await read();
      for (let tries = 0; rows.length < 4 && tries < 50; tries += 1) {
        await new Promise((done) => setTimeout(done, 100));
        ({ rows } = await read());
      }
      assert.deepEqual(rows, [
        { request_id: "rp-audit-direct", kind: "sign_in_failed", ip: "127.0.0.6" },
        { request_id: "rp-audit-proxy", kind: "sign_in_failed", ip: "127.0.0.5" },
        { request_id: "rp-audit-token-direct", kind: "token_issued", ip: "127.0.0.10" },
        { request_id: "rp-audit-token-proxy", kind: "token_issued", ip: "127.0.0.9" },
      ]);
    } finally {
      await client.end();
    }
  });
});

interface Seeded {
  /** The secretariat's email (console). */
  readonly secretariat: string;
  /** A member's account, signing in through the member's local source (federation). */
  readonly memberAccount: string;
  /** The demo service's client id. */
  readonly clientId: string;
}

/** Migrates the database, creates the example's accounts, sources and demo service (as a first start does). */
async function seedDatabase(url: string): Promise<Seeded> {
  const database = await openDatabase({ kind: "postgres", url });
  try {
    await migrateToLatest(database.db);
    const composed = composeConsole(database, {
      hasher: createArgon2PasswordHasher(),
      now: () => new Date(),
      sessionSecret: SECRET,
      secureCookies: true,
    });
    const entente = await readEntenteFile(LYON);
    const accounts = await seedExample(composed, "lyon", entente, PASSWORD);
    const secretariat = accounts.find((account) => account.role === "secretariat");
    const member = accounts.find((account) => account.memberId !== null);
    const identity = await seedIdentityExampleOn(
      database,
      { now: () => new Date() },
      "lyon",
      entente,
      accounts,
    );
    assert.ok(secretariat !== undefined && member !== undefined && identity !== null);
    return {
      secretariat: secretariat.email,
      memberAccount: member.email,
      clientId: identity.demoService.clientId,
    };
  } finally {
    await database.close();
  }
}

/** `node src/main.ts` in production on `port`, behind the proxy (TRUSTED_PROXIES=127.0.0.1). */
async function startNode(url: string, port: number, index: number): Promise<RunningChild> {
  const started = await startChild({
    name: `Entente node ${index + 1}`,
    command: process.execPath,
    args: [`${ROOT}src/main.ts`],
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      DATABASE_URL: url,
      SESSION_SECRET: SECRET,
      PUBLIC_URL: `https://127.0.0.1:${PROXY_PORT}`,
      TRUSTED_PROXIES: PROXY,
      IMPORT_EXAMPLE: "false",
      LOG_LEVEL: "info",
    },
    deadlineMs: START_DEADLINE_MS,
    ready: ({ stdout }) =>
      logsIn(stdout).some((entry) => String(entry.msg).startsWith("Entente is listening on"))
        ? true
        : undefined,
  });
  return started.child;
}

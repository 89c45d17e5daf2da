import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, it } from "node:test";
import { sql } from "kysely";
import { loadConfig } from "../../src/platform/config/load-config.ts";
import type { ZodFastifyInstance } from "../../src/platform/http/app-deps.ts";
import { buildApp } from "../../src/platform/http/build-app.ts";
import { composeWorkplace } from "../../src/workplace/index.ts";
import { describeOnDatabases } from "../helpers/databases.ts";
import { PUBLIC_URL, startWorkplaceFixture } from "./workplace-fixtures.ts";

/**
 * The portal's sign-in throttle (issue 11, docs/portal.md): each new sign-in state is counted
 * against the client's address — the one TRUSTED_PROXIES derives — and the states of an entente
 * are capped, the expired ones pruned first. The hub is only discovered here (its discovery
 * document, served on a loopback port): what is checked is what the portal stores and answers.
 */
const CAP = 5;
const PER_ADDRESS = 3;
const PROXY = "127.0.0.1"; // light-my-request's socket address: the trusted proxy here

describeOnDatabases("portal sign-in: limited per client address, states bounded per entente", (get) => {
  let app: ZodFastifyInstance;
  let hub: Server;
  let clock = new Date("2026-12-07T09:00:00Z");

  before(async () => {
    const f = await startWorkplaceFixture(get(), () => clock);
    await f.app.close();
    const portalClient = await f.registerClient("lyon", "Portail");
    await f.workplace.portal.portal.setPortalClient("lyon", portalClient, { id: "test", label: "test" });
    hub = createServer((request, response) => {
      const issuer = `http://127.0.0.1:${(hub.address() as AddressInfo).port}/oidc`;
      if (request.url !== "/oidc/.well-known/openid-configuration") {
        response.writeHead(404).end();
        return;
      }
      response.setHeader("content-type", "application/json");
      response.end(
        JSON.stringify({
          issuer,
          authorization_endpoint: `${issuer}/auth`,
          token_endpoint: `${issuer}/token`,
        }),
      );
    });
    await new Promise<void>((resolve) => hub.listen(0, "127.0.0.1", resolve));
    const issuer = `http://127.0.0.1:${(hub.address() as AddressInfo).port}/oidc`;
    const workplace = composeWorkplace(get(), {
      publicUrl: PUBLIC_URL,
      now: () => clock,
      issuer,
      portalLoginCap: CAP,
      portalSignInsPerAddress: { max: PER_ADDRESS, windowMs: 60_000 },
    });
    const config = loadConfig(
      { NODE_ENV: "test", LOG_LEVEL: "silent", TRUSTED_PROXIES: PROXY },
      { generateSecret: () => "test-secret-test-secret-test-secret-43chars" },
    );
    app = await buildApp(
      { version: "test", now: () => clock, registerRoutes: workplace.registerRoutes },
      config,
    );
  });
  after(async () => {
    await app?.close();
    await new Promise((resolve) => hub?.close(resolve));
  });

  const login = (address: string, path = "login", remoteAddress = PROXY) =>
    app.inject({
      method: "GET",
      url: `/portal/lyon/${path}`,
      headers: { "x-forwarded-for": address },
      remoteAddress,
    });
  const states = async () =>
    Number(
      (
        await sql<{
          n: string;
        }>`select count(*) as n from workplace_portal_login where entente_id = 'lyon'`.execute(get().db)
      ).rows[0]?.n,
    );

  it("the limit triggers for one address (429, French then English, Retry-After); another address still passes", async () => {
    for (let i = 0; i < PER_ADDRESS; i++) assert.equal((await login("203.0.113.7")).statusCode, 303);
    const before = await states();
    const refused = await login("203.0.113.7");
    assert.equal(refused.statusCode, 429, refused.body);
    assert.match(refused.headers["content-type"] ?? "", /^text\/html/);
    const wait = Number(refused.headers["retry-after"]);
    assert.ok(wait >= 1 && wait <= 60, `Retry-After: ${refused.headers["retry-after"]}`);
    const body = refused.body;
    assert.ok(body.indexOf("Trop de demandes") < body.indexOf("Too many"), "French first, then English");
    assert.match(body, /workplace\.portal_rate_limited/);
    assert.equal(await states(), before, "a refused request stores nothing");
    // The first page without a session begins a sign-in too: counted alike.
    assert.equal((await login("203.0.113.7", "")).statusCode, 429);
    const other = await login("198.51.100.20");
    assert.equal(other.statusCode, 303, other.body);
    assert.match(other.headers.location ?? "", /\/oidc\/auth\?/);
  });

  it("X-Forwarded-For is believed from the trusted proxy only: another socket is counted as itself", async () => {
    const untrusted = "192.0.2.50";
    for (let i = 0; i < PER_ADDRESS; i++)
      assert.equal((await login(`198.18.0.${i}`, "login", untrusted)).statusCode, 303);
    assert.equal((await login("198.18.0.99", "login", untrusted)).statusCode, 429);
  });

  it("the states of an entente stay bounded; expired ones go first, then the oldest", async () => {
    let address = 0;
    const fresh = () => login(`100.64.0.${++address}`);
    for (let i = 0; i < CAP + 3; i++) assert.equal((await fresh()).statusCode, 303);
    assert.equal(await states(), CAP);
    // Eleven minutes later every state has expired: new sign-ins replace them, never exceed the cap.
    clock = new Date(clock.getTime() + 11 * 60_000);
    assert.equal((await fresh()).statusCode, 303);
    assert.equal(await states(), 1, "over the cap, every expired state is pruned (not only the oldest one)");
    for (let i = 0; i < CAP; i++) await fresh();
    assert.equal(await states(), CAP);
    const expired = await sql<{
      n: string;
    }>`select count(*) as n from workplace_portal_login where expires_at <= ${clock}`.execute(get().db);
    assert.equal(Number(expired.rows[0]?.n), 0, "the expired states were pruned before any live one");
  });
});

import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { createRemoteJWKSet, jwtVerify } from "jose";
import * as client from "openid-client";
import { createDatabaseOidcAdapter } from "../../src/identity/db/oidc-adapter.ts";
import { createSigningKeyStore } from "../../src/identity/db/oidc-signing-key-store.ts";
import { createServiceClientStore } from "../../src/identity/db/service-client-store.ts";
import { describeOnDatabases } from "../helpers/databases.ts";
import {
  ALICE,
  createEventRecorder,
  createFakePeople,
  insertEntente,
  listen,
  ONE_FACTOR_SIGN_IN,
  providerOptions,
  type RunningServer,
  relyingParty,
  signIn,
  signInService,
  startNode,
  TestBrowser,
} from "../helpers/oidc-harness.ts";

/** A relying party that records the logout tokens POSTed to its back-channel endpoint. */
async function startBackchannelRp(): Promise<
  RunningServer & { tokens: string[]; received: Promise<string> }
> {
  const tokens: string[] = [];
  let resolve: (token: string) => void = () => {};
  const received = new Promise<string>((r) => {
    resolve = r;
  });
  const server = await listen((req, res) => {
    if (req.method === "POST" && req.url === "/backchannel") {
      let body = "";
      req.on("data", (chunk: Buffer) => {
        body += chunk.toString("utf8");
      });
      req.on("end", () => {
        const token = new URLSearchParams(body).get("logout_token") ?? "";
        tokens.push(token);
        resolve(token);
        res.statusCode = 200;
        res.end();
      });
      return;
    }
    res.end("rp");
  });
  return Object.assign(server, { tokens, received });
}

/** Waits for `promise`, failing after `ms` (a bound, not a timing assertion). */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error(`${what}: nothing after ${ms} ms`)), ms).unref(),
    ),
  ]);
}

describeOnDatabases("OpenID Provider: RP-initiated and back-channel logout", (database) => {
  let node: Awaited<ReturnType<typeof startNode>>;
  let rpA: Awaited<ReturnType<typeof startBackchannelRp>>;
  let rpB: Awaited<ReturnType<typeof startBackchannelRp>>;
  const events = createEventRecorder();

  before(async () => {
    const { db } = database();
    await insertEntente(db, "e1");
    rpA = await startBackchannelRp();
    rpB = await startBackchannelRp();
    node = await startNode(
      providerOptions({
        adapter: createDatabaseOidcAdapter(db),
        keyStore: createSigningKeyStore(db),
        clients: createServiceClientStore(db),
        people: createFakePeople(),
        events,
      }),
      { ...ONE_FACTOR_SIGN_IN },
    );
  });
  after(async () => {
    await node.op.close();
    await node.server.close();
    await rpA.close();
    await rpB.close();
  });

  it("logs out of every service the session visited, with logout tokens signed by the provider", async () => {
    const { db } = database();
    const clients = createServiceClientStore(db);
    const origin = node.server.url;
    const issuer = `${origin}/oidc`;
    const a = await clients.createClient("e1", signInService(rpA.url, { name: "A" }));
    const b = await clients.createClient("e1", signInService(rpB.url, { name: "B" }));
    const configA = await relyingParty(issuer, a.client.clientId, a.clientSecret);
    const configB = await relyingParty(issuer, b.client.clientId, b.clientSecret);
    const browser = new TestBrowser();
    const signedA = await signIn(configA, browser, origin, `${rpA.url}/cb`);
    const signedB = await signIn(configB, browser, origin, `${rpB.url}/cb`);
    // One session at the provider; oidc-provider gives each service its own sid.
    const sids = new Map([
      [a.client.clientId, signedA.tokens.claims()?.sid],
      [b.client.clientId, signedB.tokens.claims()?.sid],
    ]);
    assert.ok(sids.get(a.client.clientId) && sids.get(b.client.clientId));

    const end = client.buildEndSessionUrl(configA, {
      id_token_hint: signedA.tokens.id_token ?? "",
      post_logout_redirect_uri: `${rpA.url}/bye`,
    });
    const page = await browser.request(end.href, { headers: { "accept-language": "fr" } });
    const html = await page.text();
    assert.match(html, /Se déconnecter/);
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1] ?? "";
    const confirmed = await browser.request(`${issuer}/session/end/confirm`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ xsrf, logout: "yes" }),
    });
    assert.equal(confirmed.status, 303);
    assert.equal(confirmed.headers.get("location"), `${rpA.url}/bye`);

    const jwks = createRemoteJWKSet(new URL(configA.serverMetadata().jwks_uri ?? ""));
    for (const [rp, id] of [
      [rpA, a.client.clientId],
      [rpB, b.client.clientId],
    ] as const) {
      const token = await within(rp.received, 5000, `logout token for ${id}`);
      const { payload, protectedHeader } = await jwtVerify(token, jwks, { issuer, audience: id });
      assert.equal(protectedHeader.typ, "logout+jwt");
      assert.equal(payload.sub, ALICE.sub);
      assert.equal(payload.sid, sids.get(id));
      assert.ok(
        (payload.events as Record<string, unknown>)["http://schemas.openid.net/event/backchannel-logout"],
      );
      assert.equal(payload.nonce, undefined, "OIDC Back-Channel Logout §2.4: no nonce");
    }
    // The session is gone: refresh tokens bound to it are refused.
    await assert.rejects(client.refreshTokenGrant(configB, signedB.tokens.refresh_token ?? ""));
    assert.ok(events.events.some((e) => e.kind === "logout"));
  });

  it("does not deliver to private addresses when the test flag is off (the library's SSRF guard)", async () => {
    const { db } = database();
    const guarded = await startNode(
      {
        ...providerOptions({
          adapter: createDatabaseOidcAdapter(db),
          keyStore: createSigningKeyStore(db),
          clients: createServiceClientStore(db),
          people: createFakePeople(),
        }),
        allowPrivateNetworkBackchannel: false,
      },
      { ...ONE_FACTOR_SIGN_IN },
    );
    const rp = await startBackchannelRp();
    try {
      const origin = guarded.server.url;
      const issuer = `${origin}/oidc`;
      const c = await createServiceClientStore(db).createClient("e1", signInService(rp.url, { name: "C" }));
      const config = await relyingParty(issuer, c.client.clientId, c.clientSecret);
      const browser = new TestBrowser();
      const signed = await signIn(config, browser, origin, `${rp.url}/cb`);
      const page = await browser.request(
        client.buildEndSessionUrl(config, { id_token_hint: signed.tokens.id_token ?? "" }).href,
      );
      const xsrf = /name="xsrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? "";
      const confirmed = await browser.request(`${issuer}/session/end/confirm`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ xsrf, logout: "yes" }),
      });
      assert.equal(confirmed.status, 303, "logout still succeeds");
      const success = await browser.request(new URL(confirmed.headers.get("location") ?? "", origin).href, {
        headers: { "accept-language": "en" },
      });
      assert.match(await success.text(), /You are signed out/);
      assert.deepEqual(rp.tokens, [], "no request reached 127.0.0.1");
    } finally {
      await guarded.op.close();
      await guarded.server.close();
      await rp.close();
    }
  });
});

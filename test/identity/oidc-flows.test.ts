import assert from "node:assert/strict";
import { after, before, it } from "node:test";
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

describeOnDatabases("OpenID Provider: flows", (database) => {
  let node: Awaited<ReturnType<typeof startNode>>;
  let rp: RunningServer;
  let issuer: string;
  let origin: string;
  let clientId: string;
  let secret: string;
  let config: client.Configuration;
  const people = createFakePeople();
  const events = createEventRecorder();

  before(async () => {
    const { db } = database();
    await insertEntente(db, "e1");
    rp = await listen((_req, res) => res.end("rp"));
    const clients = createServiceClientStore(db);
    node = await startNode(
      providerOptions({
        adapter: createDatabaseOidcAdapter(db),
        keyStore: createSigningKeyStore(db),
        clients,
        people,
        events,
      }),
      { ...ONE_FACTOR_SIGN_IN },
    );
    origin = node.server.url;
    issuer = `${origin}/oidc`;
    const created = await clients.createClient("e1", signInService(rp.url));
    clientId = created.client.clientId;
    secret = created.clientSecret ?? "";
    config = await relyingParty(issuer, clientId, secret);
  });
  after(async () => {
    await node.op.close();
    await node.server.close();
    await rp.close();
  });

  it("publishes discovery with PKCE S256 only, and a JWKS with RS256 and ES256 keys", async () => {
    const meta = config.serverMetadata();
    assert.equal(meta.issuer, issuer);
    assert.deepEqual(meta.code_challenge_methods_supported, ["S256"]);
    assert.deepEqual(meta.response_types_supported, ["code"]);
    assert.ok(meta.introspection_endpoint && meta.revocation_endpoint && meta.end_session_endpoint);
    assert.equal(meta.backchannel_logout_supported, true);
    const jwks = (await (await fetch(meta.jwks_uri ?? "")).json()) as {
      keys: { alg: string; kid: string; d?: string }[];
    };
    const algs = jwks.keys.map((k) => k.alg).sort();
    assert.deepEqual(algs, ["ES256", "ES256", "RS256", "RS256"], "current and next key of each algorithm");
    assert.ok(
      jwks.keys.every((k) => k.d === undefined),
      "no private part published",
    );
  });

  it("signs in with the code flow and PKCE S256; userinfo has the pivot claims of the member chosen", async () => {
    const browser = new TestBrowser();
    const { tokens } = await signIn(config, browser, origin, `${rp.url}/cb`);
    const idToken = tokens.claims();
    assert.equal(idToken?.sub, ALICE.sub);
    assert.equal(idToken?.acr, ONE_FACTOR_SIGN_IN.acr);
    assert.deepEqual(idToken?.amr, ["pwd"]);
    assert.ok(tokens.refresh_token, "a confidential service gets a refresh token");
    const info = await client.fetchUserInfo(config, tokens.access_token, ALICE.sub);
    assert.equal(info.organization_id, "sitiv");
    assert.equal(info.organization_name, "SITIV");
    assert.equal(info.role, "elu");
    assert.equal(info.email, "alice@sitiv.fr");
    assert.equal(info.usual_name, "Durand");
    assert.deepEqual(info.groups, ["bureau", "elus"]);
    assert.equal(info.entente_id, "e1");
    assert.ok(events.events.some((e) => e.kind === "token_issued" && e.clientId === clientId));
  });

  async function authorizeUrl(params: Record<string, string | undefined>): Promise<string> {
    const url = new URL(`${issuer}/auth`);
    const defaults: Record<string, string> = {
      client_id: clientId,
      response_type: "code",
      scope: "openid",
      redirect_uri: `${rp.url}/cb`,
      state: "st",
      code_challenge: await client.calculatePKCECodeChallenge(client.randomPKCECodeVerifier()),
      code_challenge_method: "S256",
    };
    for (const [k, v] of Object.entries({ ...defaults, ...params }))
      if (v !== undefined) url.searchParams.set(k, v);
    return url.href;
  }

  it("refuses an authorization request without PKCE", async () => {
    const { response } = await new TestBrowser().follow(
      await authorizeUrl({ code_challenge: undefined, code_challenge_method: undefined }),
      origin,
    );
    const location = new URL(response.headers.get("location") ?? "");
    assert.equal(location.origin + location.pathname, `${rp.url}/cb`);
    assert.equal(location.searchParams.get("error"), "invalid_request");
    assert.match(location.searchParams.get("error_description") ?? "", /PKCE/);
    assert.equal(location.searchParams.get("code"), null);
  });

  it("refuses the PKCE downgrade code_challenge_method=plain", async () => {
    const verifier = client.randomPKCECodeVerifier();
    const { response } = await new TestBrowser().follow(
      await authorizeUrl({ code_challenge: verifier, code_challenge_method: "plain" }),
      origin,
    );
    const location = new URL(response.headers.get("location") ?? "");
    assert.equal(location.searchParams.get("error"), "invalid_request");
    assert.equal(location.searchParams.get("code"), null);
  });

  for (const [why, redirect] of [
    ["a trailing slash", "/cb/"],
    ["another case", "/CB"],
    ["an extra query", "/cb?next=https://evil.example"],
    ["a fragment", "/cb#x"],
  ] as const) {
    it(`shows an error page on the provider for a redirect_uri with ${why} (never redirects)`, async () => {
      const response = await new TestBrowser().request(
        await authorizeUrl({ redirect_uri: `${rp.url}${redirect}` }),
        {
          headers: { "x-request-id": "req-test-42" },
        },
      );
      assert.equal(response.status, 400);
      assert.equal(response.headers.get("location"), null);
      const html = await response.text();
      assert.match(html, /redirect_uri/);
      assert.match(html, /req-test-42/, "the request id is shown");
    });
  }

  it("shows an error page for a redirect_uri on another port or host", async () => {
    for (const other of ["http://127.0.0.1:1/cb", "https://evil.example/cb"]) {
      const response = await new TestBrowser().request(await authorizeUrl({ redirect_uri: other }));
      assert.equal(response.status, 400, other);
      assert.equal(response.headers.get("location"), null, other);
    }
  });

  it("refuses an unknown or disabled service with invalid_client, on an error page", async () => {
    const response = await new TestBrowser().request(await authorizeUrl({ client_id: "svc_unknown" }));
    assert.equal(response.status, 400);
    assert.equal(response.headers.get("location"), null);
    assert.match(await response.text(), /invalid_client/);
    const clients = createServiceClientStore(database().db);
    const off = await clients.createClient("e1", signInService(rp.url, { enabled: false }));
    const disabled = await new TestBrowser().request(await authorizeUrl({ client_id: off.client.clientId }));
    assert.equal(disabled.status, 400);
    assert.match(await disabled.text(), /invalid_client/);
  });

  it("refuses a replayed code and revokes what the first redemption gave", async () => {
    const browser = new TestBrowser();
    const { tokens, callback, verifier, state } = await signIn(config, browser, origin, `${rp.url}/cb`);
    await assert.rejects(
      client.authorizationCodeGrant(config, callback, { pkceCodeVerifier: verifier, expectedState: state }),
      (error: Error & { error?: string }) => error.error === "invalid_grant",
    );
    const introspected = await client.tokenIntrospection(config, tokens.access_token);
    assert.equal(introspected.active, false, "access token of the replayed code revoked");
    await assert.rejects(
      client.refreshTokenGrant(config, tokens.refresh_token ?? ""),
      (error: Error & { error?: string }) => error.error === "invalid_grant",
    );
  });

  it("refuses a code redeemed with the wrong PKCE verifier", async () => {
    const browser = new TestBrowser();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: `${rp.url}/cb`,
      scope: "openid",
      code_challenge: await client.calculatePKCECodeChallenge(client.randomPKCECodeVerifier()),
      code_challenge_method: "S256",
      state: "s1",
    });
    const { response } = await browser.follow(url.href, origin);
    await assert.rejects(
      client.authorizationCodeGrant(config, new URL(response.headers.get("location") ?? ""), {
        pkceCodeVerifier: client.randomPKCECodeVerifier(),
        expectedState: "s1",
      }),
      (error: Error & { error?: string }) => error.error === "invalid_grant",
    );
  });

  it("refreshes with rotation: the new refresh token works, the old one is refused", async () => {
    const { tokens } = await signIn(config, new TestBrowser(), origin, `${rp.url}/cb`);
    const first = tokens.refresh_token ?? "";
    const refreshed = await client.refreshTokenGrant(config, first);
    assert.ok(refreshed.refresh_token && refreshed.refresh_token !== first);
    assert.equal(refreshed.claims()?.sub, ALICE.sub);
    const info = await client.fetchUserInfo(config, refreshed.access_token, ALICE.sub);
    assert.equal(info.organization_id, "sitiv", "the grant's member survives the refresh");
    await assert.rejects(
      client.refreshTokenGrant(config, first),
      (error: Error & { error?: string }) => error.error === "invalid_grant",
    );
  });

  it("issues client-credentials tokens; introspection answers within an entente only; revocation ends them", async () => {
    const { db } = database();
    await insertEntente(db, "e2");
    const clients = createServiceClientStore(db);
    const m2m = {
      ...signInService(rp.url),
      redirectUris: [],
      postLogoutRedirectUris: [],
      backchannelLogoutUri: null,
      grantTypes: ["client_credentials" as const],
      scopes: [],
    };
    const api = await clients.createClient("e1", { ...m2m, name: "API" });
    const other = await clients.createClient("e2", { ...m2m, name: "Autre entente" });
    const apiConfig = await relyingParty(issuer, api.client.clientId, api.clientSecret);
    const otherConfig = await relyingParty(issuer, other.client.clientId, other.clientSecret);
    const token = await client.clientCredentialsGrant(apiConfig);
    assert.equal(token.token_type.toLowerCase(), "bearer");
    assert.equal(token.expires_in, 600);
    const own = await client.tokenIntrospection(apiConfig, token.access_token);
    assert.equal(own.active, true);
    assert.equal(own.client_id, api.client.clientId);
    // A service of the same entente (resource server) may read it; one of another entente may not.
    assert.equal((await client.tokenIntrospection(config, token.access_token)).active, true);
    assert.equal((await client.tokenIntrospection(otherConfig, token.access_token)).active, false);
    assert.equal((await client.tokenIntrospection(apiConfig, "not-a-token")).active, false);
    await client.tokenRevocation(apiConfig, token.access_token);
    assert.equal((await client.tokenIntrospection(apiConfig, token.access_token)).active, false);
    // Wrong secret: invalid_client.
    const wrong = await relyingParty(issuer, api.client.clientId, "wrong-secret");
    await assert.rejects(client.clientCredentialsGrant(wrong), (error: Error & { cause?: unknown }) =>
      JSON.stringify(error.cause).includes("invalid_client"),
    );
    // Rotation: the old secret is refused at once, the new one works.
    const rotated = await clients.rotateClientSecret("e1", api.client.clientId);
    await assert.rejects(client.clientCredentialsGrant(apiConfig), (error: Error & { cause?: unknown }) =>
      JSON.stringify(error.cause).includes("invalid_client"),
    );
    const fresh = await relyingParty(issuer, api.client.clientId, rotated);
    assert.ok((await client.clientCredentialsGrant(fresh)).access_token);
  });

  it("lets a public client sign in with PKCE and no secret, without a refresh token", async () => {
    const clients = createServiceClientStore(database().db);
    const pub = await clients.createClient(
      "e1",
      signInService(rp.url, { tokenEndpointAuthMethod: "none", name: "SPA" }),
    );
    assert.equal(pub.clientSecret, null);
    const pubConfig = await relyingParty(issuer, pub.client.clientId, null);
    const { tokens } = await signIn(pubConfig, new TestBrowser(), origin, `${rp.url}/cb`);
    assert.equal(tokens.claims()?.sub, ALICE.sub);
    assert.equal(tokens.refresh_token, undefined, "no offline_access: no refresh token for a public client");
  });

  it("matches post_logout_redirect_uri exactly", async () => {
    const browser = new TestBrowser();
    const { tokens } = await signIn(config, browser, origin, `${rp.url}/cb`);
    const idTokenHint = tokens.id_token ?? "";
    for (const bad of [`${rp.url}/bye/`, `${rp.url}/BYE`, `${rp.url}/bye?x=1`, "https://evil.example/bye"]) {
      const url = client.buildEndSessionUrl(config, {
        id_token_hint: idTokenHint,
        post_logout_redirect_uri: bad,
      });
      const response = await browser.request(url.href);
      assert.equal(response.status, 400, bad);
      assert.equal(response.headers.get("location"), null, bad);
    }
    const good = client.buildEndSessionUrl(config, {
      id_token_hint: idTokenHint,
      post_logout_redirect_uri: `${rp.url}/bye`,
      state: "z",
    });
    const page = await browser.request(good.href);
    assert.equal(page.status, 200);
    const html = await page.text();
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1];
    assert.ok(xsrf, "the confirmation form carries a CSRF token");
    const confirmed = await browser.request(`${issuer}/session/end/confirm`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ xsrf, logout: "yes" }),
    });
    assert.equal(confirmed.status, 303);
    assert.equal(confirmed.headers.get("location"), `${rp.url}/bye?state=z`);
  });
});

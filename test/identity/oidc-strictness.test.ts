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

// Issue 10, the "Low" list, through the real provider (oidc-provider 9 on PGlite and PostgreSQL)
// and openid-client as the service: no null claims, redirect_uri required, a code used up by a
// wrong PKCE verifier, and introspection of another service's refresh token refused.

const NO_NUMBERS = {
  ...ALICE,
  affiliations: ALICE.affiliations.map((a) => ({ ...a, siren: null, siret: null })),
};

describeOnDatabases("OpenID Provider: strict on parameters, codes and introspection", (database) => {
  let node: Awaited<ReturnType<typeof startNode>>;
  let rp: RunningServer;
  let issuer: string;
  let origin: string;
  let config: client.Configuration;
  let created: { client: { clientId: string }; clientSecret: string | null };
  let sibling: client.Configuration;

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
        people: createFakePeople([NO_NUMBERS]),
        events: createEventRecorder(),
      }),
      { ...ONE_FACTOR_SIGN_IN },
    );
    origin = node.server.url;
    issuer = `${origin}/oidc`;
    created = await clients.createClient("e1", signInService(rp.url));
    config = await relyingParty(issuer, created.client.clientId, created.clientSecret ?? "");
    // Another confidential service of the same entente (a resource server, e.g. the mail server).
    const other = await clients.createClient("e1", signInService(rp.url, { name: "Messagerie" }));
    sibling = await relyingParty(issuer, other.client.clientId, other.clientSecret ?? "");
  });
  after(async () => {
    await node.op.close();
    await node.server.close();
    await rp.close();
  });

  /** A code for `config`'s service, with its verifier. */
  async function codeFor(parameters: Record<string, string> = {}) {
    const verifier = client.randomPKCECodeVerifier();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: `${rp.url}/cb`,
      scope: "openid",
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: "S256",
      state: "st",
      ...parameters,
    });
    const { response } = await new TestBrowser().follow(url.href, origin);
    return { verifier, response, callback: new URL(response.headers.get("location") ?? `${rp.url}/none`) };
  }

  /** POST /token by hand (openid-client always sends redirect_uri). */
  function token(form: Record<string, string>): Promise<Response> {
    const basic = Buffer.from(`${created.client.clientId}:${created.clientSecret}`).toString("base64");
    return fetch(`${issuer}/token`, {
      method: "POST",
      headers: { authorization: `Basic ${basic}`, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(form).toString(),
    });
  }

  it("omits claims without a value: no siren/siret key, not null (OIDC Core §5.3.2)", async () => {
    const { tokens } = await signIn(config, new TestBrowser(), origin, `${rp.url}/cb`);
    const info = await client.fetchUserInfo(config, tokens.access_token, ALICE.sub);
    assert.equal(info.organization_id, "sitiv");
    assert.equal("siret" in info, false);
    assert.equal("siren" in info, false);
    assert.equal(Object.values(info).includes(null), false);
  });

  it("refuses an authorization request without redirect_uri, although one only is registered", async () => {
    const url = new URL(`${issuer}/auth`);
    const challenge = await client.calculatePKCECodeChallenge(client.randomPKCECodeVerifier());
    for (const [k, v] of Object.entries({
      client_id: created.client.clientId,
      response_type: "code",
      scope: "openid",
      state: "st",
      code_challenge: challenge,
      code_challenge_method: "S256",
    }))
      url.searchParams.set(k, v);
    const response = await new TestBrowser().request(url.href);
    assert.equal(response.status, 400);
    assert.equal(response.headers.get("location"), null, "never sent to the registered URI");
    assert.match(await response.text(), /redirect_uri/);
  });

  it("refuses a token request without redirect_uri (RFC 6749 §4.1.3)", async () => {
    const { verifier, callback } = await codeFor();
    const code = callback.searchParams.get("code") ?? "";
    assert.notEqual(code, "");
    const missing = await token({ grant_type: "authorization_code", code, code_verifier: verifier });
    assert.equal(missing.status, 400);
    const body = (await missing.json()) as { error: string; error_description: string };
    assert.equal(body.error, "invalid_request");
    assert.match(body.error_description, /redirect_uri/);
  });

  it("a wrong PKCE verifier uses the code up: the right one is then refused too", async () => {
    const { verifier, callback } = await codeFor();
    const code = callback.searchParams.get("code") ?? "";
    const redirect_uri = `${rp.url}/cb`;
    const wrong = await token({
      grant_type: "authorization_code",
      code,
      redirect_uri,
      code_verifier: client.randomPKCECodeVerifier(),
    });
    assert.equal(wrong.status, 400);
    assert.equal(((await wrong.json()) as { error: string }).error, "invalid_grant");
    const right = await token({
      grant_type: "authorization_code",
      code,
      redirect_uri,
      code_verifier: verifier,
    });
    assert.equal(right.status, 400, "the code was consumed by the failed attempt");
    assert.equal(((await right.json()) as { error: string }).error, "invalid_grant");
    // Without a verifier at all: the same.
    const next = await codeFor();
    const nextCode = next.callback.searchParams.get("code") ?? "";
    assert.equal(
      (await token({ grant_type: "authorization_code", code: nextCode, redirect_uri })).status,
      400,
    );
    const after = await token({
      grant_type: "authorization_code",
      code: nextCode,
      redirect_uri,
      code_verifier: next.verifier,
    });
    assert.equal(after.status, 400);
  });

  it("introspection: another service of the entente never sees a refresh token as active", async () => {
    const { tokens } = await signIn(config, new TestBrowser(), origin, `${rp.url}/cb`);
    const refresh = tokens.refresh_token ?? "";
    assert.notEqual(refresh, "");
    assert.equal((await client.tokenIntrospection(config, refresh)).active, true, "its own client sees it");
    const seen = await client.tokenIntrospection(sibling, refresh);
    assert.deepEqual(seen, { active: false }, "another service: as an unknown token");
    // The access token stays readable by a resource server of the entente (introspection mode of Dovecot).
    assert.equal((await client.tokenIntrospection(sibling, tokens.access_token)).active, true);
  });
});

import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import * as client from "openid-client";
import { createDatabaseOidcAdapter } from "../../src/identity/db/oidc-adapter.ts";
import { createSigningKeyStore } from "../../src/identity/db/oidc-signing-key-store.ts";
import { createServiceClientStore } from "../../src/identity/db/service-client-store.ts";
import { validateServiceClient } from "../../src/identity/domain/service-client-rules.ts";
import { describeOnDatabases } from "../helpers/databases.ts";
import {
  ALICE,
  createFakePeople,
  insertEntente,
  listen,
  ONE_FACTOR_SIGN_IN,
  providerOptions,
  type RunningServer,
  relyingParty,
  signInService,
  startNode,
  TestBrowser,
} from "../helpers/oidc-harness.ts";

// Issue 12 (Roundcube 1.6 signs in through the hub), through the real provider (oidc-provider 9
// on PGlite and PostgreSQL) and openid-client: PKCE stays required for every client but a
// confidential one registered `pkceExempt`, and a person's userinfo token shows `email` and
// `username` at introspection to its entente's services only.

const ACR = { acrValues: ["urn:entente:acr:1fa", "urn:entente:acr:2fa"] };

it("the registry refuses a PKCE exemption for a public client, or one that does not sign in", () => {
  const publicOne = signInService("http://127.0.0.1:1", {
    tokenEndpointAuthMethod: "none",
    grantTypes: ["authorization_code"],
    pkceExempt: true,
  });
  assert.throws(() => validateServiceClient(publicOne, ACR), { code: "identity.client_invalid" });
  const machine = signInService("http://127.0.0.1:1", {
    grantTypes: ["client_credentials"],
    scopes: [],
    redirectUris: [],
    pkceExempt: true,
  });
  assert.throws(
    () => validateServiceClient(machine, ACR),
    (e: { details?: { field?: string } }) => {
      return e.details?.field === "pkceExempt";
    },
  );
  assert.equal(
    validateServiceClient(signInService("http://127.0.0.1:1", { pkceExempt: true }), ACR).pkceExempt,
    true,
  );
});

describeOnDatabases("OpenID Provider: PKCE exemption of a confidential service", (database) => {
  let node: Awaited<ReturnType<typeof startNode>>;
  let rp: RunningServer;
  let issuer: string;
  let origin: string;
  let webmail: client.Configuration;
  let strict: client.Configuration;
  let publicId: string;
  let mailServer: client.Configuration;
  let foreign: client.Configuration;

  before(async () => {
    const { db } = database();
    await insertEntente(db, "e1");
    await insertEntente(db, "e2");
    rp = await listen((_req, res) => res.end("rp"));
    const clients = createServiceClientStore(db);
    node = await startNode(
      providerOptions({
        adapter: createDatabaseOidcAdapter(db),
        keyStore: createSigningKeyStore(db),
        clients,
        people: createFakePeople([ALICE]),
      }),
      { ...ONE_FACTOR_SIGN_IN },
    );
    origin = node.server.url;
    issuer = `${origin}/oidc`;
    const make = async (entente: string, extra: Parameters<typeof signInService>[1]) => {
      const made = await clients.createClient(entente, signInService(rp.url, extra));
      return { id: made.client.clientId, secret: made.clientSecret };
    };
    const w = await make("e1", { name: "Roundcube", pkceExempt: true });
    webmail = await relyingParty(issuer, w.id, w.secret ?? "");
    const s = await make("e1", { name: "Strict" });
    strict = await relyingParty(issuer, s.id, s.secret ?? "");
    publicId = (await make("e1", { tokenEndpointAuthMethod: "none", grantTypes: ["authorization_code"] })).id;
    const m = await make("e1", { name: "Messagerie" });
    mailServer = await relyingParty(issuer, m.id, m.secret ?? "");
    const f = await make("e2", { name: "Messagerie d'une autre entente" });
    foreign = await relyingParty(issuer, f.id, f.secret ?? "");
  });
  after(async () => {
    await node.op.close();
    await node.server.close();
    await rp.close();
  });

  /** An authorization request without `code_challenge`; the redirect back to the service. */
  async function authorizeWithoutPkce(clientId: string): Promise<URL> {
    const url = new URL(`${issuer}/auth`);
    const params = { client_id: clientId, response_type: "code", scope: "openid email", state: "st" };
    for (const [k, v] of Object.entries({ ...params, redirect_uri: `${rp.url}/cb` }))
      url.searchParams.set(k, v);
    const { response } = await new TestBrowser().follow(url.href, origin);
    const location = response.headers.get("location");
    assert.notEqual(location, null, `a redirect to the service, got ${response.status}`);
    return new URL(location ?? "");
  }

  it("a public client still needs PKCE", async () => {
    const back = await authorizeWithoutPkce(publicId);
    assert.equal(back.searchParams.get("error"), "invalid_request");
    assert.match(back.searchParams.get("error_description") ?? "", /PKCE/);
    assert.equal(back.searchParams.get("code"), null);
  });

  it("a confidential client not exempted is refused without PKCE", async () => {
    const back = await authorizeWithoutPkce(strict.clientMetadata().client_id);
    assert.equal(back.searchParams.get("error"), "invalid_request");
    assert.equal(back.searchParams.get("code"), null);
  });

  it("an exempted confidential client signs in without PKCE; its token shows email to its entente only", async () => {
    const back = await authorizeWithoutPkce(webmail.clientMetadata().client_id);
    assert.equal(back.searchParams.get("error"), null, back.href);
    const tokens = await client.authorizationCodeGrant(webmail, back, {
      expectedState: "st",
      idTokenExpected: true,
    });
    assert.equal(tokens.claims()?.sub, ALICE.sub);
    const seen = await client.tokenIntrospection(mailServer, tokens.access_token);
    assert.equal(seen.active, true);
    assert.equal(seen.email, "alice@sitiv.fr");
    assert.equal(seen.username, "alice@sitiv.fr");
    const own = await client.tokenIntrospection(webmail, tokens.access_token);
    assert.equal(own.email, "alice@sitiv.fr");
    const other = await client.tokenIntrospection(foreign, tokens.access_token);
    assert.deepEqual(other, { active: false }, "another entente's service learns nothing");
  });

  it("an exempted client that sends a challenge is checked as any other", async () => {
    const verifier = client.randomPKCECodeVerifier();
    const url = client.buildAuthorizationUrl(webmail, {
      redirect_uri: `${rp.url}/cb`,
      scope: "openid",
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: "S256",
      state: "st",
    });
    const { response } = await new TestBrowser().follow(url.href, origin);
    const back = new URL(response.headers.get("location") ?? "");
    await assert.rejects(
      client.authorizationCodeGrant(webmail, back, {
        pkceCodeVerifier: client.randomPKCECodeVerifier(),
        expectedState: "st",
      }),
      (e: { cause?: { error?: string } }) => e.cause?.error === "invalid_grant",
    );
  });
});

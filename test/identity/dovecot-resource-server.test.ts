import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { decodeJwt, decodeProtectedHeader, generateKeyPair, importJWK, SignJWT } from "jose";
import * as client from "openid-client";
import { createResourceServerRegistry } from "../../src/identity/app/resource-server-registry.ts";
import { exportDovecotKeys } from "../../src/identity/cli/dovecot-keys.ts";
import { createDatabaseOidcAdapter } from "../../src/identity/db/oidc-adapter.ts";
import { createSigningKeyStore } from "../../src/identity/db/oidc-signing-key-store.ts";
import { createResourceServerStore } from "../../src/identity/db/resource-server-store.ts";
import { createServiceClientStore } from "../../src/identity/db/service-client-store.ts";
import type { ResourceServerInput } from "../../src/identity/domain/resource-server.ts";
import { migrateToLatest } from "../../src/platform/db/migrate.ts";
import { type OpenDatabase, openDatabase } from "../../src/platform/db/open-database.ts";
import {
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
import { migratedPgliteTemplate } from "../helpers/pglite-template.ts";
import { imapLoginWithToken, startDovecot } from "../helpers/start-dovecot.ts";

// Dovecot 2.3 as the resource server (docs/resource-servers.md): it validates the hub's JWT
// access tokens locally (`passdb oauth2`, key dictionary written by `entente oidc keys dovecot`)
// on one port, and asks the hub's introspection endpoint about opaque ones on another.
const JWT_PORT = 18420;
const INTROSPECTION_PORT = 18421;
const MAIL = "https://mail.e1.test/";
const MAIL_OPAQUE = "https://imap.e1.test/";
const MAIL_RFC9068 = "https://mail-rfc.e1.test/";
const FILES = "https://files.e1.test/";
const USER = "alice@sitiv.fr"; // the address of the member Alice signs in for
const ACTOR = { id: "test", label: "test" };

const rs = (audience: string, extra: Partial<ResourceServerInput> = {}): ResourceServerInput => ({
  name: audience,
  audience,
  scopes: ["mail"],
  tokenFormat: "jwt",
  jwtType: "JWT",
  accessTokenTtlSeconds: 300,
  enabled: true,
  ...extra,
});

describe("Dovecot checks the hub's access tokens (local JWT validation, introspection)", () => {
  let database: OpenDatabase;
  let node: Awaited<ReturnType<typeof startNode>>;
  let rp: RunningServer;
  let issuer: string;
  let webmail: client.Configuration;
  const stops: (() => Promise<unknown>)[] = [];
  let local: Awaited<ReturnType<typeof startDovecot>>;

  /**
   * A token for `resource`: Alice signs in to the webmail, which names the resource in its
   * authorization request, then asks a token for it with its refresh token (RFC 8707 §2.2).
   */
  const tokenFor = async (resource: string) => {
    const { tokens } = await signIn(webmail, new TestBrowser(), node.server.url, `${rp.url}/cb`, {
      scope: "openid email mail",
      resource,
    });
    const answer = await client.refreshTokenGrant(webmail, tokens.refresh_token ?? "", { resource });
    return answer.access_token;
  };

  before(async () => {
    database = await openDatabase({
      kind: "pglite",
      dataDir: "memory://",
      loadDataDir: await migratedPgliteTemplate(),
    });
    stops.push(() => database.close());
    await migrateToLatest(database.db);
    const { db } = database;
    await insertEntente(db, "e1");
    const resourceServers = createResourceServerRegistry(createResourceServerStore(db));
    for (const input of [
      rs(MAIL),
      rs(FILES),
      rs(MAIL_RFC9068, { jwtType: "at+jwt" }),
      rs(MAIL_OPAQUE, { tokenFormat: "opaque", jwtType: "at+jwt" }),
    ]) {
      await resourceServers.createResourceServer("e1", input, ACTOR);
    }
    rp = await listen((_req, res) => res.end("rp"));
    stops.push(() => rp.close());
    const clients = createServiceClientStore(db);
    const keyStore = createSigningKeyStore(db);
    const options = { adapter: createDatabaseOidcAdapter(db), keyStore, clients, resourceServers };
    node = await startNode(providerOptions({ ...options, people: createFakePeople() }), {
      ...ONE_FACTOR_SIGN_IN,
    });
    stops.push(
      () => node.server.close(),
      () => node.op.close(),
    );
    issuer = `${node.server.url}/oidc`;
    const created = await clients.createClient("e1", signInService(rp.url));
    webmail = await relyingParty(issuer, created.client.clientId, created.clientSecret);
    const dovecotClient = await clients.createClient("e1", {
      ...signInService(rp.url),
      name: "Dovecot",
      redirectUris: [],
      postLogoutRedirectUris: [],
      backchannelLogoutUri: null,
      grantTypes: ["client_credentials"],
      scopes: [],
    });

    local = await startDovecot({
      port: JWT_PORT,
      oauth2: (dir) => [
        "introspection_mode = local",
        `local_validation_key_dict = fs:posix:prefix=${dir}/keys/`,
        `issuers = ${issuer}`,
        "username_attribute = email",
        // Dovecot 2.3 does not check `aud` itself: the token must name this server.
        "active_attribute = aud",
        `active_value = ${MAIL}`,
      ],
    });
    stops.push(() => local.stop());
    await exportDovecotKeys(
      keyStore,
      { dir: join(local.dir, "keys"), lang: "en" },
      { write: () => {}, isTerminal: false },
    );

    const introspecting = await startDovecot({
      port: INTROSPECTION_PORT,
      oauth2: () => [
        "introspection_mode = post",
        `introspection_url = http://${dovecotClient.client.clientId}:${dovecotClient.clientSecret}@${node.server.url.slice("http://".length)}/oidc/token/introspection`,
        "force_introspection = yes",
        "username_attribute = email",
        // An inactive token's answer is `{"active": false}`: requiring this audience also requires activity.
        "active_attribute = aud",
        `active_value = ${MAIL_OPAQUE}`,
      ],
    });
    stops.push(() => introspecting.stop());
  });
  after(async () => {
    for (const stop of stops.reverse()) await stop();
  });

  it("an IMAP login (OAUTHBEARER) with a hub-issued JWT succeeds, as the person it names", async () => {
    const token = await tokenFor(MAIL);
    assert.equal(decodeJwt(token).email, USER);
    assert.equal(await imapLoginWithToken(JWT_PORT, USER, token), true);
    assert.match(local.child.output().stderr, /Login: user=<alice@sitiv\.fr>, method=OAUTHBEARER/);
  });

  it("a JWT for another resource server, or expired, or signed by another key, fails", async () => {
    assert.equal(await imapLoginWithToken(JWT_PORT, USER, await tokenFor(FILES)), false, "wrong audience");
    const genuine = await tokenFor(MAIL);
    const { kid } = decodeProtectedHeader(genuine);
    const key = (await createSigningKeyStore(database.db).listKeys()).find((k) => k.kid === kid);
    assert.ok(key !== undefined);
    // Re-signed by the hub's own key, with the lifetime already over (the hub never issues that).
    const now = Math.floor(Date.now() / 1000);
    const expired = await new SignJWT({ ...decodeJwt(genuine), iat: now - 400, exp: now - 100 })
      .setProtectedHeader({ alg: "ES256", typ: "JWT", kid: kid ?? "" })
      .sign(await importJWK(key.privateJwk as never, "ES256"));
    assert.equal(await imapLoginWithToken(JWT_PORT, USER, expired), false, "expired");
    const stranger = await generateKeyPair("ES256");
    const forged = await new SignJWT(decodeJwt(genuine))
      .setProtectedHeader({ alg: "ES256", typ: "JWT", kid: kid ?? "" })
      .sign(stranger.privateKey);
    assert.equal(await imapLoginWithToken(JWT_PORT, USER, forged), false, "another key");
    const reasons = local.child
      .output()
      .stderr.split("\n")
      .flatMap((line) => /oauth2 failed: (.*)$/.exec(line)?.[1] ?? []);
    assert.deepEqual(reasons.slice(-3), [
      "Local validation failed: Provided token is not valid",
      "Local validation failed: Token has expired",
      "Local validation failed: Bad signature",
    ]);
  });

  it("Dovecot 2.3 refuses RFC 9068's typ at+jwt: the reason for the server's JWT type", async () => {
    const token = await tokenFor(MAIL_RFC9068);
    assert.equal(decodeProtectedHeader(token).typ, "at+jwt");
    assert.equal(await imapLoginWithToken(JWT_PORT, USER, token), false);
  });

  it("introspection mode: an opaque token for the server succeeds; one for another server or revoked fails", async () => {
    const token = await tokenFor(MAIL_OPAQUE);
    assert.equal(token.split(".").length, 1, "opaque");
    assert.equal(await imapLoginWithToken(INTROSPECTION_PORT, USER, token), true);
    assert.equal(
      await imapLoginWithToken(INTROSPECTION_PORT, USER, await tokenFor(MAIL)),
      false,
      "wrong audience",
    );
    await client.tokenRevocation(webmail, token);
    assert.equal(await imapLoginWithToken(INTROSPECTION_PORT, USER, token), false, "revoked");
  });
});

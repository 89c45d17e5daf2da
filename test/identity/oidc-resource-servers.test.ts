import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { createRemoteJWKSet, decodeProtectedHeader, errors, type JWTPayload, jwtVerify } from "jose";
import * as client from "openid-client";
import { createResourceServerRegistry } from "../../src/identity/app/resource-server-registry.ts";
import { createDatabaseOidcAdapter } from "../../src/identity/db/oidc-adapter.ts";
import { createSigningKeyStore } from "../../src/identity/db/oidc-signing-key-store.ts";
import { createResourceServerStore } from "../../src/identity/db/resource-server-store.ts";
import { createServiceClientStore } from "../../src/identity/db/service-client-store.ts";
import type { ResourceServerInput } from "../../src/identity/domain/resource-server.ts";
import { describeOnDatabases } from "../helpers/databases.ts";
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

const ACTOR = { id: "test", label: "test" };
const MAIL = "https://mail.e1.test/";
const API = "https://api.e1.test/";
const OLD_MAIL = "https://imap.e1.test/";
const FILES_E2 = "https://files.e2.test/";
const OFF = "https://off.e1.test/";

const server = (audience: string, extra: Partial<ResourceServerInput> = {}): ResourceServerInput => ({
  name: audience,
  audience,
  scopes: ["mail", "mail:admin"],
  tokenFormat: "jwt",
  jwtType: "at+jwt",
  accessTokenTtlSeconds: 300,
  enabled: true,
  ...extra,
});

describeOnDatabases(
  "OpenID Provider: tokens for registered resource servers (RFC 8707, RFC 9068)",
  (database) => {
    let node: Awaited<ReturnType<typeof startNode>>;
    let rp: RunningServer;
    let issuer: string;
    let machine: client.Configuration;
    let person: client.Configuration;
    let jwks: ReturnType<typeof createRemoteJWKSet>;
    let machineId = "";
    let registry: ReturnType<typeof createResourceServerRegistry>;
    let personId = "";

    before(async () => {
      const { db } = database();
      await insertEntente(db, "e1");
      await insertEntente(db, "e2");
      rp = await listen((_req, res) => res.end("rp"));
      const clients = createServiceClientStore(db);
      const resourceServers = createResourceServerRegistry(createResourceServerStore(db));
      registry = resourceServers;
      await resourceServers.createResourceServer("e1", server(MAIL), ACTOR);
      await resourceServers.createResourceServer(
        "e1",
        server(API, { tokenFormat: "opaque", scopes: ["api"] }),
        ACTOR,
      );
      await resourceServers.createResourceServer(
        "e1",
        server(OLD_MAIL, { jwtType: "JWT", accessTokenTtlSeconds: 120 }),
        ACTOR,
      );
      await resourceServers.createResourceServer("e1", server(OFF, { enabled: false }), ACTOR);
      await resourceServers.createResourceServer("e2", server(FILES_E2), ACTOR);
      node = await startNode(
        providerOptions({
          adapter: createDatabaseOidcAdapter(db),
          keyStore: createSigningKeyStore(db),
          clients,
          people: createFakePeople(),
          resourceServers,
        }),
        { ...ONE_FACTOR_SIGN_IN },
      );
      issuer = `${node.server.url}/oidc`;
      const m2m = await clients.createClient("e1", {
        ...signInService(rp.url),
        name: "Robot",
        redirectUris: [],
        postLogoutRedirectUris: [],
        backchannelLogoutUri: null,
        grantTypes: ["client_credentials"],
        scopes: [],
      });
      machineId = m2m.client.clientId;
      machine = await relyingParty(issuer, machineId, m2m.clientSecret);
      const webmail = await clients.createClient("e1", signInService(rp.url));
      personId = webmail.client.clientId;
      person = await relyingParty(issuer, personId, webmail.clientSecret);
      jwks = createRemoteJWKSet(new URL(`${issuer}/jwks`));
    });
    after(async () => {
      await node.op.close();
      await node.server.close();
      await rp.close();
    });

    const serviceToken = async (resource: string, scope = "mail") =>
      (await client.clientCredentialsGrant(machine, { resource, scope })).access_token;
    const verify = (token: string, audience = MAIL, options: { currentDate?: Date; typ?: string } = {}) =>
      jwtVerify(token, jwks, { issuer, audience, typ: "at+jwt", algorithms: ["ES256"], ...options });

    it("issues an RFC 9068 JWT a validator checks alone against the JWKS", async () => {
      const token = await serviceToken(MAIL, "mail mail:admin other");
      const { payload, protectedHeader } = await verify(token);
      assert.equal(protectedHeader.typ, "at+jwt");
      assert.equal(protectedHeader.alg, "ES256");
      assert.equal(payload.iss, issuer);
      assert.equal(payload.aud, MAIL);
      assert.equal(payload.sub, machineId, "client credentials: the subject is the service");
      assert.equal(payload.client_id, machineId);
      assert.equal(payload.scope, "mail mail:admin", "only the scopes the server is registered with");
      assert.equal((payload.exp ?? 0) - (payload.iat ?? 0), 300, "the server's lifetime");
      assert.equal(typeof payload.jti, "string");
    });

    it("the hard cases fail at the validator: wrong audience, expired, wrong typ, another issuer", async () => {
      const token = await serviceToken(MAIL);
      await assert.rejects(verify(token, FILES_E2), errors.JWTClaimValidationFailed);
      const { payload } = await verify(token);
      await assert.rejects(
        verify(token, MAIL, { currentDate: new Date(((payload.exp ?? 0) + 1) * 1000) }),
        errors.JWTExpired,
      );
      await assert.rejects(
        jwtVerify(token, jwks, { issuer: "https://other.example/oidc", audience: MAIL }),
        errors.JWTClaimValidationFailed,
      );
      const legacy = await serviceToken(OLD_MAIL);
      assert.equal(decodeProtectedHeader(legacy).typ, "JWT", "the type a server registered with");
      await assert.rejects(verify(legacy, OLD_MAIL), errors.JWTClaimValidationFailed, "not at+jwt");
      const { payload: old } = await verify(legacy, OLD_MAIL, { typ: "JWT" });
      assert.equal((old.exp ?? 0) - (old.iat ?? 0), 120);
    });

    it("refuses unknown, disabled and other ententes' resources with invalid_target", async () => {
      for (const resource of ["https://unknown.e1.test/", OFF, FILES_E2]) {
        await assert.rejects(serviceToken(resource), (error: { error?: string }) => {
          assert.equal(error.error, "invalid_target", resource);
          return true;
        });
      }
    });

    it("a server disabled through any store of this node is refused at once, and served again once enabled", async () => {
      await serviceToken(MAIL);
      const admin = createResourceServerRegistry(createResourceServerStore(database().db));
      const mail = await admin.findByAudience(MAIL);
      assert.ok(mail !== null);
      const { id, ententeId, rowVersion, ...input } = mail;
      const off = await admin.updateResourceServer(
        ententeId,
        id,
        { ...input, enabled: false },
        rowVersion,
        ACTOR,
      );
      await assert.rejects(
        serviceToken(MAIL),
        (error: { error?: string }) => error.error === "invalid_target",
      );
      await registry.updateResourceServer(ententeId, id, { ...input, enabled: true }, off.rowVersion, ACTOR);
      assert.equal(typeof (await serviceToken(MAIL)), "string");
    });

    it("an opaque server's token is checked by introspection, which names its audience", async () => {
      const token = await serviceToken(API, "api");
      assert.equal(token.split(".").length, 1, "opaque");
      const answer = await client.tokenIntrospection(machine, token);
      assert.equal(answer.active, true);
      assert.equal(answer.aud, API);
      assert.equal(answer.scope, "api");
    });

    it("a person's token for a server carries the pivot claims the service was granted", async () => {
      const browser = new TestBrowser();
      const { tokens: idTokens } = await signIn(person, browser, node.server.url, `${rp.url}/cb`, {
        scope: "openid email mail",
        resource: MAIL,
      });
      assert.equal(
        idTokens.access_token.split(".").length,
        1,
        "without resource= at the token endpoint: the userinfo token",
      );
      const second = await signIn(person, browser, node.server.url, `${rp.url}/cb`, {
        scope: "openid email mail",
        resource: MAIL,
      });
      const refreshed = await client.refreshTokenGrant(person, second.tokens.refresh_token ?? "", {
        resource: MAIL,
      });
      const { payload } = await verify(refreshed.access_token);
      const claims = payload as JWTPayload & Record<string, unknown>;
      assert.equal(claims.sub, "sub-alice");
      assert.equal(claims.client_id, personId);
      assert.equal(claims.scope, "mail");
      assert.equal(claims.email, "alice@sitiv.fr", "the address of the member the person acts for");
      assert.equal(claims.uid, undefined, "profile was not granted");
      assert.equal(claims.given_name, undefined);
    });
  },
);

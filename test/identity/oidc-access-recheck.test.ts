import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import * as client from "openid-client";
import type { IdentityDirectoryAdmin } from "../../src/identity/app/admin/identity-admin-ports.ts";
import { createIdentityDirectory } from "../../src/identity/app/identity-directory.ts";
import type { PersonDirectory } from "../../src/identity/app/ports.ts";
import { createExistingGrantCheck } from "../../src/identity/app/recheck-existing-grant.ts";
import { createIdentityAdminStore } from "../../src/identity/db/identity-admin-store.ts";
import { createIdentityDirectoryStore } from "../../src/identity/db/identity-directory-store.ts";
import { createDatabaseOidcAdapter } from "../../src/identity/db/oidc-adapter.ts";
import { createSigningKeyStore } from "../../src/identity/db/oidc-signing-key-store.ts";
import { createServiceClientStore } from "../../src/identity/db/service-client-store.ts";
import { databaseSessionIdsOf, linkedSubsOfSource } from "../../src/identity/db/source-sessions.ts";
import type { SourceRecord } from "../../src/identity/domain/identity-source.ts";
import { describeOnDatabases } from "../helpers/databases.ts";
import {
  createEventRecorder,
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
import { ACTOR, importTwoEntentes, LDAP_SOURCE, normalized, upstream } from "./directory-fixtures.ts";

/**
 * Issue 10 item 5, with the real provider and the real directory: an access decision taken at
 * sign-in is taken again at every refresh_token grant and every single sign-on. Restricting the
 * service to other members, or suspending the source the person's affiliation came through, makes
 * the next refresh fail with invalid_grant and the next authorization request go through the
 * sign-in pages again.
 */
describeOnDatabases("OpenID Provider: access decisions re-checked after sign-in", (database) => {
  let node: Awaited<ReturnType<typeof startNode>>;
  let rp: RunningServer;
  let people: PersonDirectory;
  let admin: IdentityDirectoryAdmin;
  let ldap: SourceRecord;
  let sub: string;
  const clients = () => createServiceClientStore(database().db);
  let store: ReturnType<typeof createServiceClientStore>;
  const refusals = createEventRecorder();

  before(async () => {
    const { db } = database();
    await importTwoEntentes(database());
    admin = createIdentityAdminStore(db);
    ldap = await admin.createSource("lyon", LDAP_SOURCE, ACTOR);
    people = createIdentityDirectory(createIdentityDirectoryStore(db));
    sub = (await people.resolvePerson(ldap, upstream(ldap.id, "uuid-recheck"), normalized())).sub;
    store = clients();
    rp = await listen((_req, res) => res.end("rp"));
    node = await startNode(
      {
        ...providerOptions({
          adapter: createDatabaseOidcAdapter(db),
          keyStore: createSigningKeyStore(db),
          clients: store,
          people,
        }),
        authorizeExistingGrant: createExistingGrantCheck({ people, clients: store, events: refusals }),
      },
      { ...ONE_FACTOR_SIGN_IN, sub, memberId: "ville-lyon" },
    );
  });
  after(async () => {
    await node.op.close();
    await node.server.close();
    await rp.close();
  });

  /** A service of entente lyon, a sign-in to it, and what an authorization request of the same browser does next. */
  async function signedIn(name: string) {
    const created = await store.createClient("lyon", signInService(rp.url, { name }));
    const config = await relyingParty(
      `${node.server.url}/oidc`,
      created.client.clientId,
      created.clientSecret,
    );
    const browser = new TestBrowser();
    const { tokens } = await signIn(config, browser, node.server.url, `${rp.url}/cb`);
    assert.ok(tokens.refresh_token);
    const nextAuthorization = async () => {
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: `${rp.url}/cb`,
        scope: "openid",
        code_challenge: await client.calculatePKCECodeChallenge(client.randomPKCECodeVerifier()),
        code_challenge_method: "S256",
        state: "again",
      });
      const answer = await browser.request(url.href);
      const location = new URL(answer.headers.get("location") ?? "", node.server.url);
      return location.href.startsWith(`${rp.url}/cb`) ? "single sign-on" : location.pathname.split("/")[1];
    };
    return { created, config, refresh: tokens.refresh_token ?? "", nextAuthorization };
  }

  const invalidGrant = (error: unknown) =>
    error instanceof client.ResponseBodyError && error.error === "invalid_grant";

  it("restricting the service to other members: the next refresh is invalid_grant, the next SSO goes to the pages", async () => {
    const { created, config, refresh, nextAuthorization } = await signedIn("Restreint");
    const refreshed = await client.refreshTokenGrant(config, refresh);
    assert.equal(await nextAuthorization(), "single sign-on", "allowed: single sign-on");
    await store.updateClient(
      "lyon",
      created.client.clientId,
      signInService(rp.url, {
        name: "Restreint",
        policy: { memberIds: ["metropole"], roles: null, groups: null },
      }),
      created.client.rowVersion,
    );
    await assert.rejects(client.refreshTokenGrant(config, refreshed.refresh_token ?? ""), invalidGrant);
    assert.equal(await nextAuthorization(), "interaction", "the sign-in pages decide again");
    // Both refusals are in the audit log (issue 10: they wrote none).
    const logged = refusals.events.filter((e) => e.clientId === created.client.clientId);
    assert.deepEqual(
      logged.map((e) => [e.kind, e.code, e.sub, e.ententeId, e.details.recheck]),
      [
        ["sign_in_refused", "identity.service_refused", sub, "lyon", "refresh"],
        ["sign_in_refused", "identity.service_refused", sub, "lyon", "single-sign-on"],
      ],
    );
  });

  it("suspending the member's source: the next refresh is invalid_grant, the next SSO goes to the pages", async () => {
    const { config, refresh, nextAuthorization } = await signedIn("Ouvert");
    const refreshed = await client.refreshTokenGrant(config, refresh);
    assert.equal(await nextAuthorization(), "single sign-on");
    await admin.updateSource("lyon", ldap.id, { ...LDAP_SOURCE, enabled: false }, ldap.rowVersion, ACTOR);
    try {
      await assert.rejects(client.refreshTokenGrant(config, refreshed.refresh_token ?? ""), invalidGrant);
      assert.equal(await nextAuthorization(), "interaction");
      assert.deepEqual(
        (await people.findPerson(sub))?.affiliations,
        [],
        "the suspended source's affiliation lets nobody in",
      );
    } finally {
      const current = await admin.getSource("lyon", ldap.id);
      await admin.updateSource(
        "lyon",
        ldap.id,
        { ...LDAP_SOURCE, enabled: true },
        current?.rowVersion ?? 0,
        ACTOR,
      );
    }
    assert.equal(
      (await people.findPerson(sub))?.affiliations.length,
      1,
      "resumed: the affiliation counts again",
    );
  });

  it("ending a suspended source's sessions: back-channel logout to each service, grants revoked, sign-in again", async () => {
    const logoutTokens: string[] = [];
    const backchannel = await listen((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => {
        body += chunk.toString("utf8");
      });
      req.on("end", () => {
        logoutTokens.push(new URLSearchParams(body).get("logout_token") ?? "");
        res.end();
      });
    });
    try {
      const service = (name: string) =>
        signInService(rp.url, { name, backchannelLogoutUri: `${backchannel.url}/backchannel` });
      const a = await store.createClient("lyon", service("A"));
      const b = await store.createClient("lyon", service("B"));
      const browser = new TestBrowser();
      const issuer = `${node.server.url}/oidc`;
      const configA = await relyingParty(issuer, a.client.clientId, a.clientSecret);
      const configB = await relyingParty(issuer, b.client.clientId, b.clientSecret);
      const signedA = await signIn(configA, browser, node.server.url, `${rp.url}/cb`);
      await signIn(configB, browser, node.server.url, `${rp.url}/cb`);

      const { db } = database();
      const sessions = await databaseSessionIdsOf(db, await linkedSubsOfSource(db, ldap.id));
      assert.ok(sessions.length >= 1);
      const ended = await node.op.endSessions(sessions);
      assert.equal(ended.servicesFailed, 0);
      assert.ok(ended.servicesNotified >= 2, `both services told: ${JSON.stringify(ended)}`);
      assert.ok(logoutTokens.length >= 2 && logoutTokens.every((t) => t.split(".").length === 3));
      await assert.rejects(
        client.refreshTokenGrant(configA, signedA.tokens.refresh_token ?? ""),
        invalidGrant,
      );
      assert.deepEqual(await databaseSessionIdsOf(db, [sub]), [], "no session left");
      const again = await browser.request(
        client.buildAuthorizationUrl(configA, {
          redirect_uri: `${rp.url}/cb`,
          scope: "openid",
          code_challenge: await client.calculatePKCECodeChallenge(client.randomPKCECodeVerifier()),
          code_challenge_method: "S256",
        }).href,
      );
      assert.match(again.headers.get("location") ?? "", /\/interaction\//, "signs in again");
    } finally {
      await backchannel.close();
    }
  });
});

import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { Redis } from "ioredis";
import type { AdapterFactory } from "oidc-provider";
import * as client from "openid-client";
import { createDatabaseOidcAdapter, GRANT_BOUND_MODELS } from "../../src/identity/db/oidc-adapter.ts";
import { createSigningKeyStore } from "../../src/identity/db/oidc-signing-key-store.ts";
import { createRedisOidcAdapter } from "../../src/identity/db/redis-oidc-adapter.ts";
import { createServiceClientStore } from "../../src/identity/db/service-client-store.ts";
import { databaseSessionIdsOf, redisSessionIdsOf } from "../../src/identity/db/source-sessions.ts";
import type { PersonRecord } from "../../src/identity/domain/person.ts";
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
  signIn,
  signInService,
  startNode,
  TestBrowser,
} from "../helpers/oidc-harness.ts";

// Issue 10: `prompt=login` after another person's session in the same browser. The provider ends
// the first person's session (its grants are revoked) and then resumes the interaction that
// refers to one of those grants: revocation must not delete that interaction.

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

const BOB: PersonRecord = {
  sub: "sub-bob",
  givenName: "Bob",
  familyName: "Leroy",
  usualName: "Leroy",
  affiliations: [
    {
      ...(ALICE.affiliations[0] as PersonRecord["affiliations"][number]),
      email: "bob@lyon.fr",
      uid: "bleroy",
    },
  ],
};

/** Submits the auto-posting form oidc-provider answers with (the logout confirmation), as a browser does. */
async function submitAutoPostForm(browser: TestBrowser, page: Response, base: string): Promise<Response> {
  const html = await page.text();
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  assert.ok(action !== undefined, `an auto-posting form, got: ${html.slice(0, 300)}`);
  const fields = new URLSearchParams();
  for (const [, name = "", value = ""] of html.matchAll(
    /<input type="hidden" name="([^"]+)" value="([^"]*)"/g,
  ))
    fields.set(name, value);
  return browser.request(new URL(action.replaceAll("&amp;", "&"), base).href, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: fields,
  });
}

type AdapterKind = "database" | "redis";

describeOnDatabases("OpenID Provider: another person signs in in the same browser", (database) => {
  let redis: Redis;
  const prefix = `test-switch-${randomBytes(6).toString("hex")}:`;
  let rp: RunningServer;
  before(async () => {
    await insertEntente(database().db, "e1");
    redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
    rp = await listen((_req, res) => res.end("rp"));
  });
  after(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
    await rp.close();
  });

  const adapterOf = (kind: AdapterKind): AdapterFactory =>
    kind === "database" ? createDatabaseOidcAdapter(database().db) : createRedisOidcAdapter(redis, prefix);

  for (const kind of ["database", "redis"] as const) {
    describe(`on the ${kind} adapter`, () => {
      it("grant-wide revocation removes the grant's codes and tokens, never an interaction or a session", async () => {
        const adapter = adapterOf(kind);
        const grantId = `grant-${randomBytes(4).toString("hex")}`;
        const models = [...GRANT_BOUND_MODELS, "Interaction", "Session"];
        for (const model of models)
          await adapter(model).upsert(`${model}-${grantId}`, { grantId, uid: `${model}-${grantId}` }, 600);
        await adapter("AccessToken").revokeByGrantId(grantId);
        for (const model of models) {
          const found = await adapter(model).find(`${model}-${grantId}`);
          if (GRANT_BOUND_MODELS.has(model)) assert.equal(found, undefined, `${model} revoked`);
          else assert.equal(found?.grantId, grantId, `${model} kept`);
        }
      });

      it("finds a person's sessions (to end those of a suspended source's persons)", async () => {
        const adapter = adapterOf(kind);
        const sub = `sub-${randomBytes(4).toString("hex")}`;
        await adapter("Session").upsert(`s1-${sub}`, { accountId: sub, uid: `u1-${sub}` }, 600);
        await adapter("Session").upsert(`s2-${sub}`, { accountId: sub, uid: `u2-${sub}` }, 600);
        await adapter("Session").upsert(`s3-${sub}`, { accountId: "someone-else", uid: `u3-${sub}` }, 600);
        const ids =
          kind === "database"
            ? await databaseSessionIdsOf(database().db, [sub])
            : await redisSessionIdsOf(redis, prefix, [sub]);
        assert.deepEqual([...ids].sort(), [`s1-${sub}`, `s2-${sub}`]);
      });

      it("prompt=login after another person's session signs the second person in", async () => {
        const { db } = database();
        const clients = createServiceClientStore(db);
        const node = await startNode(
          providerOptions({
            adapter: adapterOf(kind),
            keyStore: createSigningKeyStore(db),
            clients,
            people: createFakePeople([ALICE, BOB]),
          }),
          { ...ONE_FACTOR_SIGN_IN },
        );
        try {
          const origin = node.server.url;
          const created = await clients.createClient("e1", signInService(rp.url, { name: `S ${kind}` }));
          const config = await relyingParty(`${origin}/oidc`, created.client.clientId, created.clientSecret);
          const browser = new TestBrowser();
          const first = await signIn(config, browser, origin, `${rp.url}/cb`);
          assert.equal(first.tokens.claims()?.sub, ALICE.sub);

          Object.assign(node.signInAs, { sub: BOB.sub, memberId: "lyon" });
          const verifier = client.randomPKCECodeVerifier();
          const url = client.buildAuthorizationUrl(config, {
            redirect_uri: `${rp.url}/cb`,
            scope: "openid email",
            code_challenge: await client.calculatePKCECodeChallenge(verifier),
            code_challenge_method: "S256",
            state: "switch",
            prompt: "login",
          });
          const toLogout = await browser.follow(url.href, origin);
          assert.equal(toLogout.response.status, 200, "the provider first ends Alice's session");
          const confirmed = await submitAutoPostForm(browser, toLogout.response, toLogout.url);
          const back = await browser.follow(
            new URL(confirmed.headers.get("location") ?? "", origin).href,
            origin,
          );
          const location = back.response.headers.get("location");
          assert.ok(
            location?.startsWith(`${rp.url}/cb`),
            `back to the service, got ${back.response.status} ${location ?? (await back.response.text()).slice(0, 300)}`,
          );
          const tokens = await client.authorizationCodeGrant(config, new URL(location ?? ""), {
            pkceCodeVerifier: verifier,
            expectedState: "switch",
          });
          assert.equal(tokens.claims()?.sub, BOB.sub);
          const info = await client.fetchUserInfo(config, tokens.access_token, BOB.sub);
          assert.equal(info.email, "bob@lyon.fr");
          await assert.rejects(
            client.refreshTokenGrant(config, first.tokens.refresh_token ?? ""),
            "Alice's grant ended with her session",
          );
        } finally {
          await node.op.close();
          await node.server.close();
        }
      });
    });
  }
});

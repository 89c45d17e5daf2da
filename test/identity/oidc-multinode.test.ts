import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, it } from "node:test";
import { Redis } from "ioredis";
import type { AdapterFactory } from "oidc-provider";
import * as client from "openid-client";
import { createDatabaseOidcAdapter } from "../../src/identity/db/oidc-adapter.ts";
import { createSigningKeyStore } from "../../src/identity/db/oidc-signing-key-store.ts";
import { createRedisOidcAdapter } from "../../src/identity/db/redis-oidc-adapter.ts";
import { createServiceClientStore } from "../../src/identity/db/service-client-store.ts";
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
  startLoadBalancer,
  startNode,
  TestBrowser,
} from "../helpers/oidc-harness.ts";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

describeOnDatabases("OpenID Provider: three nodes on one storage", (database) => {
  let redis: Redis;
  let rp: RunningServer;
  const people = createFakePeople();

  before(async () => {
    await insertEntente(database().db, "e1");
    redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
    rp = await listen((_req, res) => res.end());
  });
  after(async () => {
    await rp.close();
    redis.disconnect();
  });

  for (const storage of ["database", "redis"] as const) {
    it(`signs in on node 1, redeems the code on node 2, refreshes on node 3 (${storage})`, async () => {
      const { db } = database();
      const prefix = `test-oidc-${randomBytes(6).toString("hex")}:`;
      const adapter: AdapterFactory =
        storage === "database" ? createDatabaseOidcAdapter(db) : createRedisOidcAdapter(redis, prefix);
      const countRows = async () =>
        Number(
          (
            await db
              .selectFrom("oidc_payload")
              .select((eb) => eb.fn.countAll().as("n"))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const rowsBefore = await countRows();
      const nodes: Awaited<ReturnType<typeof startNode>>[] = [];
      const lb = await startLoadBalancer(() => nodes.map((n) => n.server));
      try {
        for (let i = 0; i < 3; i++) {
          nodes.push(
            await startNode(
              {
                ...providerOptions({
                  adapter,
                  keyStore: createSigningKeyStore(db),
                  clients: createServiceClientStore(db),
                  people,
                }),
                issuer: `${lb.url}/oidc`,
              },
              { ...ONE_FACTOR_SIGN_IN },
            ),
          );
        }
        const created = await createServiceClientStore(db).createClient("e1", signInService(rp.url));
        const config = await relyingParty(`${lb.url}/oidc`, created.client.clientId, created.clientSecret);
        const browser = new TestBrowser();
        const verifier = client.randomPKCECodeVerifier();
        const url = client.buildAuthorizationUrl(config, {
          redirect_uri: `${rp.url}/cb`,
          scope: "openid profile organization",
          code_challenge: await client.calculatePKCECodeChallenge(verifier),
          code_challenge_method: "S256",
          state: "multi",
        });
        lb.target = 0;
        const { response } = await browser.follow(url.href, lb.url);
        const callback = new URL(response.headers.get("location") ?? "");
        assert.ok(callback.searchParams.get("code"), "code issued by node 1");

        lb.target = 1;
        const tokens = await client.authorizationCodeGrant(config, callback, {
          pkceCodeVerifier: verifier,
          expectedState: "multi",
        });
        assert.equal(tokens.claims()?.sub, ALICE.sub);

        lb.target = 2;
        const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token ?? "");
        assert.equal(refreshed.claims()?.sub, ALICE.sub);
        lb.target = 0;
        const info = await client.fetchUserInfo(config, refreshed.access_token, ALICE.sub);
        assert.equal(info.organization_id, "sitiv");

        // Single sign-on through another node: the session written by node 1 is read by node 2.
        lb.target = 1;
        const again = await signIn(config, browser, lb.url, `${rp.url}/cb`);
        assert.equal(again.tokens.claims()?.sub, ALICE.sub);
        if (storage === "redis") {
          assert.ok((await redis.keys(`${prefix}*`)).length > 0, "the state lives in Redis");
          assert.equal(await countRows(), rowsBefore, "and not in the database");
        }
      } finally {
        for (const node of nodes) {
          await node.op.close();
          await node.server.close();
        }
        await lb.close();
        if (storage === "redis") {
          const keys = await redis.keys(`${prefix}*`);
          if (keys.length > 0) await redis.del(...keys);
        }
      }
    });
  }
});

import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, it } from "node:test";
import { Redis } from "ioredis";
import type { AdapterFactory } from "oidc-provider";
import { createServiceRegistry } from "../../src/identity/app/service-registry.ts";
import { createDatabaseOidcAdapter, pruneOidcPayloads } from "../../src/identity/db/oidc-adapter.ts";
import { createRedisOidcAdapter } from "../../src/identity/db/redis-oidc-adapter.ts";
import { SERVICE_CACHE_TTL_MS } from "../../src/identity/db/service-client-cache.ts";
import { hashClientSecret } from "../../src/identity/db/service-client-rows.ts";
import { createServiceClientStore } from "../../src/identity/db/service-client-store.ts";
import {
  createDatabaseTransientStore,
  createRedisTransientStore,
} from "../../src/platform/db/transient-store.ts";
import { EntenteError } from "../../src/shared/errors.ts";
import { describeOnDatabases } from "../helpers/databases.ts";
import { insertEntente, signInService } from "../helpers/oidc-harness.ts";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const isCode = (code: string) => (error: unknown) => error instanceof EntenteError && error.code === code;

describeOnDatabases("identity stores", (database) => {
  let redis: Redis;
  const prefix = `test-stores-${randomBytes(6).toString("hex")}:`;
  before(async () => {
    await insertEntente(database().db, "e1");
    await insertEntente(database().db, "e2");
    redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
  });
  after(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  it("service clients: secret shown once and stored hashed; stale updates refused; rotation replaces the secret", async () => {
    const { db } = database();
    const store = createServiceRegistry(createServiceClientStore(db));
    const { client, clientSecret } = await store.createClient("e1", signInService("https://app.example.fr"));
    assert.ok(clientSecret !== null && clientSecret.length >= 43);
    assert.match(client.clientId, /^svc_/);
    assert.equal(await store.clientSecret(client.clientId), hashClientSecret(clientSecret));
    const row = await db
      .selectFrom("service_client")
      .selectAll()
      .where("client_id", "=", client.clientId)
      .executeTakeFirstOrThrow();
    assert.ok(!JSON.stringify(row).includes(clientSecret), "the clear secret is stored nowhere");
    assert.deepEqual(
      (await store.listClients("e1")).map((c) => c.clientId),
      [client.clientId],
    );
    assert.deepEqual(await store.listClients("e2"), []);

    const updated = await store.updateClient(
      "e1",
      client.clientId,
      { ...signInService("https://app.example.fr"), name: "Renamed" },
      1,
    );
    assert.equal(updated.name, "Renamed");
    assert.equal(updated.rowVersion, 2);
    await assert.rejects(
      store.updateClient("e1", client.clientId, signInService("https://app.example.fr"), 1),
      isCode("conflict.stale_version"),
    );
    await assert.rejects(
      store.updateClient("e2", client.clientId, signInService("https://app.example.fr"), 2),
      isCode("resource.not_found"),
      "another entente cannot touch it",
    );
    await assert.rejects(
      store.updateClient("e1", client.clientId, signInService("http://app.example.fr"), 2),
      (error: unknown) =>
        isCode("identity.client_invalid")(error) &&
        (error as EntenteError).details.field === "redirectUris[0]",
    );
    const rotated = await store.rotateClientSecret("e1", client.clientId);
    assert.notEqual(rotated, clientSecret);
    assert.equal(await store.clientSecret(client.clientId), hashClientSecret(rotated));
    await assert.rejects(store.rotateClientSecret("e2", client.clientId), isCode("identity.not_found"));
    await assert.rejects(
      store.createClient("e1", { ...signInService("https://a.fr"), scopes: ["admin"] }),
      isCode("identity.client_invalid"),
    );
    await store.deleteClient("e1", client.clientId);
    assert.equal(await store.findClient(client.clientId), null);
    await assert.rejects(store.deleteClient("e1", client.clientId), isCode("identity.not_found"));
  });

  it("service clients: a write on this node is seen at once by every store on the same db; another node's within 5 s", async () => {
    const { db } = database();
    const clock = { at: Date.now() };
    const provider = createServiceClientStore(db, { now: () => clock.at });
    const admin = createServiceRegistry(createServiceClientStore(db));
    const { client } = await admin.createClient("e1", signInService("https://cache.example.fr"));
    assert.equal((await provider.findClient(client.clientId))?.enabled, true);
    const updated = await admin.updateClient(
      "e1",
      client.clientId,
      { ...signInService("https://cache.example.fr"), enabled: false },
      client.rowVersion,
    );
    assert.equal((await provider.findClient(client.clientId))?.enabled, false, "this node: at once");
    const rotated = await admin.rotateClientSecret("e1", client.clientId);
    assert.equal(await provider.clientSecret(client.clientId), hashClientSecret(rotated));
    // Another node (here: a write the stores do not see) changes the row: seen once the TTL is over.
    await db
      .updateTable("service_client")
      .set({ name: "Elsewhere" })
      .where("client_id", "=", client.clientId)
      .execute();
    assert.equal((await provider.findClient(client.clientId))?.name, updated.name, "still the cached record");
    clock.at += SERVICE_CACHE_TTL_MS + 1;
    assert.equal((await provider.findClient(client.clientId))?.name, "Elsewhere");
    await admin.deleteClient("e1", client.clientId);
    assert.equal(await provider.findClient(client.clientId), null, "deleted: refused at once on this node");
  });

  for (const kind of ["database", "redis"] as const) {
    it(`oidc adapter (${kind}): TTL, consume, uid lookup, grant-wide revocation`, async () => {
      const clock = { at: new Date() };
      const factory: AdapterFactory =
        kind === "database"
          ? createDatabaseOidcAdapter(database().db, () => clock.at)
          : createRedisOidcAdapter(redis, prefix);
      const codes = factory("AuthorizationCode");
      const tokens = factory("AccessToken");
      const sessions = factory("Session");
      await codes.upsert("c1", { grantId: "g1", accountId: "a" }, 60);
      await tokens.upsert("t1", { grantId: "g1" }, 600);
      await tokens.upsert("t2", { grantId: "g2" }, 600);
      await sessions.upsert("s1", { uid: "u1", accountId: "a" }, 600);
      assert.equal((await codes.find("c1"))?.accountId, "a");
      assert.equal(await tokens.find("c1"), undefined, "models are separate");
      assert.equal((await sessions.findByUid("u1"))?.accountId, "a");
      await codes.consume("c1");
      assert.equal(typeof (await codes.find("c1"))?.consumed, "number");
      await tokens.revokeByGrantId("g1");
      assert.equal(await codes.find("c1"), undefined, "every model of the grant is revoked");
      assert.equal(await tokens.find("t1"), undefined);
      assert.ok(await tokens.find("t2"), "other grants untouched");
      await tokens.destroy("t2");
      assert.equal(await tokens.find("t2"), undefined);
      if (kind === "database") {
        clock.at = new Date(clock.at.getTime() + 601_000);
        assert.equal(await sessions.find("s1"), undefined, "expired reads as missing");
        assert.ok((await pruneOidcPayloads(database().db, clock.at)) >= 1);
      } else {
        const ttl = await redis.ttl(`${prefix}Session:s1`);
        assert.ok(ttl > 0 && ttl <= 600, `expiry set in Redis (${ttl})`);
      }
    });

    it(`transient store (${kind}): take returns the value once`, async () => {
      const store =
        kind === "database"
          ? createDatabaseTransientStore(database().db)
          : createRedisTransientStore(redis, prefix);
      await store.put("k1", { state: "abc", n: 1 }, 60);
      const [first, second] = await Promise.all([store.take("k1"), store.take("k1")]);
      assert.deepEqual(
        [first, second].filter((v) => v !== null),
        [{ state: "abc", n: 1 }],
        "exactly one taker wins",
      );
      assert.equal(await store.take("k1"), null);
      assert.equal(await store.take("missing"), null);
    });

    it(`transient store (${kind}): get reads without consuming; put replaces`, async () => {
      const store =
        kind === "database"
          ? createDatabaseTransientStore(database().db)
          : createRedisTransientStore(redis, prefix);
      await store.put("k3", { step: "start" }, 60);
      assert.deepEqual(await store.get("k3"), { step: "start" });
      assert.deepEqual(await store.get("k3"), { step: "start" }, "still there after a get");
      await store.put("k3", { step: "password" }, 60);
      assert.deepEqual(await store.get("k3"), { step: "password" });
      assert.deepEqual(await store.take("k3"), { step: "password" });
      assert.equal(await store.get("k3"), null, "gone after a take");
      assert.equal(await store.get("missing"), null);
    });
  }

  it("transient store (database): an expired value reads as missing", async () => {
    const clock = { at: new Date() };
    const store = createDatabaseTransientStore(database().db, () => clock.at);
    await store.put("k2", "v", 10);
    await store.put("k4", "w", 10);
    clock.at = new Date(clock.at.getTime() + 11_000);
    assert.equal(await store.get("k4"), null);
    assert.equal(await store.take("k2"), null);
  });
});

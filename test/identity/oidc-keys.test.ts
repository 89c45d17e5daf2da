import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { createLocalJWKSet, decodeProtectedHeader, type JSONWebKeySet, jwtVerify } from "jose";
import { createDatabaseOidcAdapter } from "../../src/identity/db/oidc-adapter.ts";
import { createSigningKeyStore } from "../../src/identity/db/oidc-signing-key-store.ts";
import { createServiceClientStore } from "../../src/identity/db/service-client-store.ts";
import { rotateSigningKeys } from "../../src/identity/oidc/signing-keys.ts";
import { RETIRED_KEY_RETENTION_SECONDS } from "../../src/identity/oidc/token-lifetimes.ts";
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

async function jwksOf(origin: string): Promise<JSONWebKeySet> {
  return (await (await fetch(`${origin}/oidc/jwks`)).json()) as JSONWebKeySet;
}

describeOnDatabases("OpenID Provider: signing key rotation", (database) => {
  const clock = { at: new Date("2030-01-01T08:00:00Z") };
  const now = () => clock.at;
  let node1: Awaited<ReturnType<typeof startNode>>;
  let node2: Awaited<ReturnType<typeof startNode>>;
  let rp: RunningServer;

  before(async () => {
    const { db } = database();
    await insertEntente(db, "e1");
    rp = await listen((_req, res) => res.end());
    const deps = () =>
      providerOptions({
        adapter: createDatabaseOidcAdapter(db),
        keyStore: createSigningKeyStore(db),
        clients: createServiceClientStore(db),
        people: createFakePeople(),
        now,
      });
    node1 = await startNode(deps(), { ...ONE_FACTOR_SIGN_IN });
    node2 = await startNode(deps(), { ...ONE_FACTOR_SIGN_IN });
  });
  after(async () => {
    for (const node of [node1, node2]) {
      await node.op.close();
      await node.server.close();
    }
    await rp.close();
  });

  it("publishes the next key before using it, keeps the retired one until its tokens expire, then drops it", async () => {
    const { db } = database();
    const store = createSigningKeyStore(db);
    const origin = node1.server.url;
    const created = await createServiceClientStore(db).createClient("e1", signInService(rp.url));
    const config = await relyingParty(`${origin}/oidc`, created.client.clientId, created.clientSecret);
    assert.deepEqual(node2.op.publishedKids(), node1.op.publishedKids(), "two nodes start on the same keys");

    const keys0 = await store.listKeys();
    const current0 = keys0.find((k) => k.alg === "RS256" && k.state === "current");
    const next0 = keys0.find((k) => k.alg === "RS256" && k.state === "next");
    assert.ok(current0 && next0);
    const before = await signIn(config, new TestBrowser(), origin, `${rp.url}/cb`);
    const oldIdToken = before.tokens.id_token ?? "";
    assert.equal(decodeProtectedHeader(oldIdToken).kid, current0.kid, "signed with the current key");
    const jwksBefore = await jwksOf(origin);
    assert.ok(
      jwksBefore.keys.some((k) => k.kid === next0.kid),
      "the next key is published before it is used",
    );

    const step = await rotateSigningKeys(store, { now });
    assert.ok(step.activated.includes(next0.kid));
    assert.ok(step.retired.includes(current0.kid));
    // Until it reloads, a node still signs with the retired key, which is still published.
    assert.deepEqual(
      node1.op.publishedKids(),
      jwksBefore.keys.map((k) => k.kid),
    );
    await node1.op.reloadKeys();
    await node2.op.reloadKeys();
    assert.deepEqual(node2.op.publishedKids(), node1.op.publishedKids(), "nodes agree after reload");

    const after = await signIn(config, new TestBrowser(), origin, `${rp.url}/cb`);
    assert.equal(
      decodeProtectedHeader(after.tokens.id_token ?? "").kid,
      next0.kid,
      "the former next key signs now",
    );
    const jwksAfter = createLocalJWKSet(await jwksOf(node2.server.url));
    await jwtVerify(oldIdToken, jwksAfter, { audience: created.client.clientId });

    clock.at = new Date(clock.at.getTime() + (RETIRED_KEY_RETENTION_SECONDS + 1) * 1000);
    await node1.op.reloadKeys();
    assert.ok(
      !node1.op.publishedKids().includes(current0.kid),
      "retired key unpublished once its tokens expired",
    );
    const second = await rotateSigningKeys(store, { now });
    assert.ok(second.deleted.includes(current0.kid), "and deleted at the next rotation");
    assert.ok(!(await store.listKeys()).some((k) => k.kid === current0.kid));
    const states = (await store.listKeys())
      .filter((k) => k.alg === "ES256")
      .map((k) => k.state)
      .sort();
    assert.deepEqual(states, ["current", "next", "retired"]);
  });
});

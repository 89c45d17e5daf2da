import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { decodeJwt } from "jose";
import type { Kysely } from "kysely";
import * as client from "openid-client";
import { createIdentityDirectory } from "../../src/identity/app/identity-directory.ts";
import { createIdentityDirectoryStore } from "../../src/identity/db/identity-directory-store.ts";
import { createDatabaseOidcAdapter } from "../../src/identity/db/oidc-adapter.ts";
import { createSigningKeyStore } from "../../src/identity/db/oidc-signing-key-store.ts";
import { createServiceClientStore } from "../../src/identity/db/service-client-store.ts";
import type { IdentityDatabase } from "../../src/identity/db/tables.ts";
import { createSessionTerminator } from "../../src/identity/session-terminator.ts";
import { describeOnDatabases } from "../helpers/databases.ts";
import {
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
import { entraUser, json, PATCH_OP, type ScimHarness, startScimHarness } from "./scim-harness.ts";

/** A relying party whose back-channel endpoint hands each logout token to the next waiter. */
async function startBackchannelRp(): Promise<RunningServer & { next: () => Promise<string> }> {
  const tokens: string[] = [];
  const waiters: ((token: string) => void)[] = [];
  const server = await listen((req, res) => {
    if (req.method !== "POST" || req.url !== "/backchannel") return void res.end("rp");
    let body = "";
    req.on("data", (chunk: Buffer) => {
      body += chunk.toString("utf8");
    });
    req.on("end", () => {
      const token = new URLSearchParams(body).get("logout_token") ?? "";
      const waiter = waiters.shift();
      if (waiter === undefined) tokens.push(token);
      else waiter(token);
      res.statusCode = 200;
      res.end();
    });
  });
  const next = () => {
    const ready = tokens.shift();
    return ready !== undefined ? Promise.resolve(ready) : new Promise<string>((r) => waiters.push(r));
  };
  return Object.assign(server, { next });
}

/** Waits for `promise`, failing after `ms` (a bound so that the test cannot hang, not a timing assertion). */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error(`${what}: nothing after ${ms} ms`)), ms).unref(),
    ),
  ]);
}

/**
 * Issue 12 item 1, deprovisioning: a member's directory suspends a person (Entra's
 * `active: "False"`) or deletes it, and the person's hub sessions end through identity's one rule
 * (the real provider): the service gets a back-channel logout token for the person, the refresh
 * token is revoked. A failure to end them does not undo the suspension.
 */
describeOnDatabases("provisioning: deprovisioning ends the person's hub sessions", (database) => {
  let h: ScimHarness;
  let node: Awaited<ReturnType<typeof startNode>>;
  let rp: Awaited<ReturnType<typeof startBackchannelRp>>;
  const errors: unknown[] = [];

  before(async () => {
    const now = () => new Date();
    h = await startScimHarness(database(), now, { onSessionError: (error) => errors.push(error) });
    const db = database().db as Kysely<IdentityDatabase>;
    rp = await startBackchannelRp();
    const people = createIdentityDirectory(createIdentityDirectoryStore(db));
    node = await startNode(
      providerOptions({
        adapter: createDatabaseOidcAdapter(db),
        keyStore: createSigningKeyStore(db),
        clients: createServiceClientStore(db),
        people,
      }),
      { ...ONE_FACTOR_SIGN_IN, memberId: "ville-lyon" },
    );
    h.provisioning.registerHubSessions(createSessionTerminator({ db, redis: null, now }, node.op));
  });
  after(async () => {
    await node?.op.close();
    await node?.server.close();
    await rp?.close();
    await h?.app.close();
  });

  /** A SCIM User of the Ville de Lyon, signed in through the hub to a service with back-channel logout. */
  async function signedInUser(local: string) {
    const created = json(await h.scim("ville-lyon", "POST", "/Users", entraUser(local, `ext-${local}`)));
    const link = await (database().db as Kysely<IdentityDatabase>)
      .selectFrom("person_link")
      .select("sub")
      .where("source_id", "=", h.villeSourceId)
      .where("upstream_id", "=", `ext-${local}`)
      .executeTakeFirstOrThrow();
    node.signInAs.sub = link.sub;
    const clients = createServiceClientStore(database().db);
    const service = await clients.createClient("lyon", signInService(rp.url, { name: `Service ${local}` }));
    const config = await relyingParty(
      `${node.server.url}/oidc`,
      service.client.clientId,
      service.clientSecret,
    );
    const { tokens } = await signIn(config, new TestBrowser(), node.server.url, `${rp.url}/cb`);
    assert.ok(tokens.refresh_token);
    return { id: String(created.id), sub: link.sub, config, refresh: tokens.refresh_token ?? "" };
  }

  const invalidGrant = (error: unknown) =>
    error instanceof client.ResponseBodyError && error.error === "invalid_grant";

  it('active: "False" sends the service a logout token for the person and revokes its refresh token', async () => {
    const user = await signedInUser("suspendue");
    const logout = rp.next();
    const patched = await h.scim("ville-lyon", "PATCH", `/Users/${user.id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: "Replace", path: "active", value: "False" }],
    });
    assert.equal(patched.statusCode, 200, patched.body);
    assert.equal(decodeJwt(await within(logout, 10_000, "logout token")).sub, user.sub);
    await assert.rejects(client.refreshTokenGrant(user.config, user.refresh), invalidGrant);
    assert.deepEqual(errors, []);
  });

  it("an update that keeps the person active ends nothing; DELETE ends the sessions", async () => {
    const user = await signedInUser("partie");
    const renamed = await h.scim("ville-lyon", "PATCH", `/Users/${user.id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: "replace", path: "name.givenName", value: "Renommée" }],
    });
    assert.equal(renamed.statusCode, 200, renamed.body);
    const refreshed = await client.refreshTokenGrant(user.config, user.refresh);
    const logout = rp.next();
    assert.equal((await h.scim("ville-lyon", "DELETE", `/Users/${user.id}`)).statusCode, 204);
    assert.equal(decodeJwt(await within(logout, 10_000, "logout token")).sub, user.sub);
    await assert.rejects(client.refreshTokenGrant(user.config, refreshed.refresh_token ?? ""), invalidGrant);
  });

  it("when ending the sessions fails, the suspension stays stored and the failure is reported", async () => {
    const created = json(await h.scim("ville-lyon", "POST", "/Users", entraUser("panne", "ext-panne")));
    h.provisioning.registerHubSessions({
      endSessionsOfPerson: () => Promise.reject(new Error("provider storage unreachable")),
    });
    const patched = await h.scim("ville-lyon", "PATCH", `/Users/${String(created.id)}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: "Replace", path: "active", value: "False" }],
    });
    assert.equal(patched.statusCode, 200, patched.body);
    assert.equal(json(await h.scim("ville-lyon", "GET", `/Users/${String(created.id)}`)).active, false);
    assert.match(String(errors.at(-1)), /provider storage unreachable/);
  });
});

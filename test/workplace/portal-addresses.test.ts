import assert from "node:assert/strict";
import { before, it } from "node:test";
import { createArgon2PasswordHasher } from "../../src/access/crypto/argon2-password-hasher.ts";
import { alignPortalAddresses, composeConsole, seedExample } from "../../src/compose.ts";
import { readEntenteFile } from "../../src/finance/formats/read-entente-file.ts";
import { seedPortalClient } from "../../src/identity/app/seed-identity-example.ts";
import { createServiceRegistry } from "../../src/identity/app/service-registry.ts";
import { createServiceClientStore } from "../../src/identity/db/service-client-store.ts";
import { createPortalStore } from "../../src/workplace/db/portal-store.ts";
import { describeOnDatabases } from "../helpers/databases.ts";

/**
 * The portal's addresses follow the public URL of each start (issue 11): the portal's hub client
 * registered at URL A is moved to URL B — redirect, post-logout and back-channel URIs, exact
 * strings, A's gone — in one audited update; a start at the same URL writes nothing. (The hub
 * accepting B and refusing A is checked over HTTP by test/first-start.test.ts.)
 */
const ENTENTE = "lyon-2023";
const A = "http://127.0.0.1:20610";
const B = "https://portail.entente.example";

describeOnDatabases("portal addresses follow the public URL at each start", (get) => {
  let clientId = "";
  const services = () => createServiceRegistry(createServiceClientStore(get().db));
  const updates = async () =>
    get()
      .db.selectFrom("audit_event")
      .select(["actor", "entente_id", "after"])
      .where("action", "=", "update")
      .where("entity_id", "=", clientId)
      .execute();

  before(async () => {
    const now = () => new Date("2026-12-07T08:00:00Z");
    const composed = composeConsole(get(), {
      hasher: createArgon2PasswordHasher(),
      now,
      sessionSecret: "a-session-secret-of-the-test-suite-000000",
      secureCookies: false,
    });
    const entente = await readEntenteFile("examples/lyon-2023/entente.yaml");
    await seedExample(composed, ENTENTE, entente, "démo");
    clientId = (await seedPortalClient({ services: services() }, ENTENTE, `${A}/`)).clientId;
    await createPortalStore(get().db).setPortalClient(ENTENTE, clientId, { id: "test", label: "test" });
  });

  it("a start at the first URL changes nothing", async () => {
    assert.deepEqual(await alignPortalAddresses(get(), A), []);
    assert.equal((await updates()).length, 0);
  });

  it("a start at another URL moves every portal URI to it, exactly, audited; A is gone", async () => {
    assert.deepEqual(await alignPortalAddresses(get(), `${B}/`), [ENTENTE]);
    const client = await services().findClient(clientId);
    const base = `${B}/portal/${ENTENTE}`;
    assert.deepEqual(client?.redirectUris, [`${base}/callback`]);
    assert.deepEqual(client?.postLogoutRedirectUris, [`${base}/signed-out`]);
    assert.equal(client?.backchannelLogoutUri, `${base}/backchannel-logout`);
    assert.equal(client?.tokenEndpointAuthMethod, "none", "still a public client");
    assert.ok(!JSON.stringify(client).includes(A), "nothing of A is left");
    const audited = await updates();
    assert.equal(audited.length, 1);
    assert.equal(audited[0]?.entente_id, ENTENTE);
    const after = audited[0]?.after;
    const parsed = (typeof after === "string" ? JSON.parse(after) : after) as { redirectUris: string[] };
    assert.deepEqual(parsed.redirectUris, [`${base}/callback`]);
  });

  it("the next start at B writes nothing more", async () => {
    assert.deepEqual(await alignPortalAddresses(get(), B), []);
    assert.equal((await updates()).length, 1);
  });
});

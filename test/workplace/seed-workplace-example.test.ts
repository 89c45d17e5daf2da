import assert from "node:assert/strict";
import { before, it } from "node:test";
import { createArgon2PasswordHasher } from "../../src/access/crypto/argon2-password-hasher.ts";
import { composeConsole, seedExample } from "../../src/compose.ts";
import { readEntenteFile } from "../../src/finance/formats/read-entente-file.ts";
import { DEMO_SERVICE_URL, seedPortalClient } from "../../src/identity/app/seed-identity-example.ts";
import { createServiceRegistry } from "../../src/identity/app/service-registry.ts";
import { createServiceClientStore } from "../../src/identity/db/service-client-store.ts";
import { seedIdentityExampleOn } from "../../src/identity/index.ts";
import type { WorkplaceExample } from "../../src/workplace/app/seed-workplace-example.ts";
import { createAnnouncementStore } from "../../src/workplace/db/announcement-store.ts";
import { createCatalogueStore } from "../../src/workplace/db/catalogue-store.ts";
import { createPortalStore } from "../../src/workplace/db/portal-store.ts";
import { createProbeStore } from "../../src/workplace/db/probe-store.ts";
import { createSubscriptionStore } from "../../src/workplace/db/subscription-store.ts";
import { alignHubProbesOn, seedWorkplaceExampleOn } from "../../src/workplace/index.ts";
import { describeOnDatabases } from "../helpers/databases.ts";

/**
 * The workplace of the first start with the example (src/first-start.ts): after identity's seed,
 * the portal's client is registered with exact URIs from the public URL and made the portal; the
 * demo service is catalogued, every member subscribed within its membership, probed over HTTP; a
 * welcome is announced — and a second run seeds nothing.
 */
const ENTENTE = "lyon-2023";
const PUBLIC_URL = "http://127.0.0.1:20510";
const NOW = new Date("2026-12-06T10:00:00Z");

describeOnDatabases("workplace seeded on the first start with the example", (get) => {
  let example: WorkplaceExample;
  const now = () => NOW;

  before(async () => {
    const composed = composeConsole(get(), {
      hasher: createArgon2PasswordHasher(),
      now,
      sessionSecret: "a-session-secret-of-the-test-suite-000000",
      secureCookies: false,
    });
    const entente = await readEntenteFile("examples/lyon-2023/entente.yaml");
    const accounts = await seedExample(composed, ENTENTE, entente, "démo");
    const identity = await seedIdentityExampleOn(get(), { now }, ENTENTE, entente, accounts);
    assert.ok(identity !== null);
    const services = createServiceRegistry(createServiceClientStore(get().db));
    const portal = await seedPortalClient({ services }, ENTENTE, `${PUBLIC_URL}/`);
    example = {
      ententeId: ENTENTE,
      portalClientId: portal.clientId,
      demoService: { clientId: identity.demoService.clientId, url: DEMO_SERVICE_URL },
      memberIds: entente.members.map((m) => m.id),
      exerciseYear: 2023,
      hubIssuer: `${PUBLIC_URL}/oidc`,
    };
  });

  it("registers the portal as a public PKCE client with exact URIs, and makes it the portal", async () => {
    const seeded = await seedWorkplaceExampleOn(get(), { now }, example);
    assert.deepEqual(seeded?.subscribedMembers, ["metropole", "ville-lyon", "sitiv"]);
    assert.equal(await createPortalStore(get().db).portalClientOf(ENTENTE), example.portalClientId);
    const services = createServiceRegistry(createServiceClientStore(get().db));
    const client = (await services.listClients(ENTENTE)).find((c) => c.clientId === example.portalClientId);
    assert.deepEqual(client?.redirectUris, [`${PUBLIC_URL}/portal/${ENTENTE}/callback`]);
    assert.deepEqual(client?.postLogoutRedirectUris, [`${PUBLIC_URL}/portal/${ENTENTE}/signed-out`]);
    assert.equal(client?.backchannelLogoutUri, `${PUBLIC_URL}/portal/${ENTENTE}/backchannel-logout`);
    assert.equal(client?.tokenEndpointAuthMethod, "none");
  });

  it("catalogues the demo service, subscribes every member from the exercise, probes it", async () => {
    const clientId = example.demoService.clientId;
    const entries = await createCatalogueStore(get().db).list(ENTENTE);
    assert.deepEqual(
      entries.map((e) => [e.clientId, e.kind, e.maturity, e.url]),
      [[clientId, "other", "beta", DEMO_SERVICE_URL]],
    );
    const subscriptions = await createSubscriptionStore(get().db).listForService(ENTENTE, clientId);
    assert.deepEqual(subscriptions.map((s) => [s.memberId, s.startsOn, s.endsOn, s.roles]).sort(), [
      ["metropole", "2023-01-01", null, null],
      ["sitiv", "2023-01-01", null, null],
      ["ville-lyon", "2023-01-01", null, null],
    ]);
    const probes = await createProbeStore(get().db).listForEntente(ENTENTE);
    assert.deepEqual(
      probes.map((p) => [p.clientId, p.kind, p.target]).sort(),
      [
        [clientId, "http", DEMO_SERVICE_URL],
        [`hub:${ENTENTE}`, "oidc", `${PUBLIC_URL}/oidc`],
      ].sort(),
      "the demo service, and the hub's own issuer by OIDC discovery",
    );
    assert.deepEqual(await createProbeStore(get().db).components(ENTENTE), [
      { id: `hub:${ENTENTE}`, ententeId: ENTENTE, kind: "hub" },
    ]);
    const announcements = await createAnnouncementStore(get().db, now).list(ENTENTE);
    assert.deepEqual(
      announcements.map((a) => [a.title, a.shownFrom, a.authorMemberId, a.memberIds]),
      [["Bienvenue sur le portail de l'entente", "2026-12-06", null, null]],
    );
  });

  it("a second run seeds nothing", async () => {
    assert.equal(await seedWorkplaceExampleOn(get(), { now }, example), null);
    assert.equal((await createCatalogueStore(get().db).list(ENTENTE)).length, 1);
    assert.equal((await createAnnouncementStore(get().db, now).list(ENTENTE)).length, 1);
    assert.equal((await createProbeStore(get().db).listForEntente(ENTENTE)).length, 2);
  });

  it("at a start on another address, the hub's probe follows the new issuer, once", async () => {
    const probes = createProbeStore(get().db);
    const hub = `hub:${ENTENTE}`;
    assert.equal((await probes.find(ENTENTE, hub))?.target, `${PUBLIC_URL}/oidc`);
    const moved = "http://127.0.0.1:20511/oidc";
    assert.deepEqual(await alignHubProbesOn(get(), moved, now), [ENTENTE]);
    const probe = await probes.find(ENTENTE, hub);
    assert.equal(probe?.target, moved);
    assert.equal(probe?.kind, "oidc");
    assert.deepEqual(await alignHubProbesOn(get(), moved, now), [], "the same address changes nothing");
  });
});

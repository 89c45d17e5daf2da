import assert from "node:assert/strict";
import { before, it } from "node:test";
import type { AccessDeps } from "../../src/access/app/access-deps.ts";
import type { DemoAccount } from "../../src/access/app/create-demo-accounts.ts";
import { createArgon2PasswordHasher } from "../../src/access/crypto/argon2-password-hasher.ts";
import { composeConsole, seedExample } from "../../src/compose.ts";
import { readEntenteFile } from "../../src/finance/formats/read-entente-file.ts";
import { createIdentityDirectory } from "../../src/identity/app/identity-directory.ts";
import {
  DEMO_SERVICE_NAME,
  type SeededIdentity,
  seedIdentityExample,
} from "../../src/identity/app/seed-identity-example.ts";
import { createServiceRegistry } from "../../src/identity/app/service-registry.ts";
import { createIdentityAdminStore } from "../../src/identity/db/identity-admin-store.ts";
import { createIdentityDirectoryStore } from "../../src/identity/db/identity-directory-store.ts";
import { createServiceClientStore } from "../../src/identity/db/service-client-store.ts";
import { createLocalAccountConnector } from "../../src/identity/upstream/local-account-connector.ts";
import { EntenteError } from "../../src/shared/errors.ts";
import { describeOnDatabases } from "../helpers/databases.ts";

/**
 * The first start of `npm start` (src/main.ts importExampleOnFirstStart): after the example and
 * its demo accounts, the identity federation is configured for them — a local source per member,
 * each demo address registered, the demo service registered — and a second run changes nothing.
 */
const ENTENTE = "lyon-2023";
const PASSWORD = "mot de passe de démonstration";
const DOMAIN = `${ENTENTE}.entente.localhost`;

describeOnDatabases("identity federation seeded on the first start with the example", (get) => {
  let deps: AccessDeps;
  let accounts: DemoAccount[];
  let seeded: SeededIdentity | null;
  const stores = () => ({
    directory: createIdentityAdminStore(get().db),
    services: createServiceRegistry(createServiceClientStore(get().db)),
  });

  before(async () => {
    const composed = composeConsole(get(), {
      hasher: createArgon2PasswordHasher(),
      now: () => new Date(),
      sessionSecret: "a-session-secret-of-the-test-suite-000000",
      secureCookies: false,
    });
    deps = composed.access.deps;
    const entente = await readEntenteFile("examples/lyon-2023/entente.yaml");
    accounts = await seedExample(composed, ENTENTE, entente, PASSWORD);
    seeded = await seedIdentityExample(stores(), ENTENTE, entente, accounts);
  });

  it("creates one enabled local source per member", async () => {
    assert.notEqual(seeded, null);
    const sources = await stores().directory.listSources(ENTENTE, null);
    assert.deepEqual(sources.map((s) => [s.memberId, s.kind, s.enabled]).sort(), [
      ["metropole", "local", true],
      ["sitiv", "local", true],
      ["ville-lyon", "local", true],
    ]);
    assert.deepEqual(seeded?.sources.map((s) => s.id).sort(), sources.map((s) => s.id).sort());
  });

  it("registers every demo address for the member it acts for, the reader as an élu", async () => {
    const addresses = await stores().directory.listRegisteredAddresses(ENTENTE, null);
    const byEmail = new Map(addresses.map((a) => [a.email, a]));
    assert.equal(addresses.length, accounts.length);
    const expected: Record<string, [string, string | null]> = {
      [`secretariat@${DOMAIN}`]: ["sitiv", null], // the budget holder
      [`finance.metropole@${DOMAIN}`]: ["metropole", null],
      [`finance.ville-lyon@${DOMAIN}`]: ["ville-lyon", null],
      [`finance.sitiv@${DOMAIN}`]: ["sitiv", null],
      [`porteur.hebergement@${DOMAIN}`]: ["sitiv", null], // the mission's lead member
      [`lecture@${DOMAIN}`]: ["ville-lyon", "elu"], // the first commune
    };
    assert.deepEqual(Object.keys(expected).sort(), [...byEmail.keys()].sort());
    const sources = await stores().directory.listSources(ENTENTE, null);
    for (const [email, [memberId, role]] of Object.entries(expected)) {
      const address = byEmail.get(email);
      assert.equal(address?.memberId, memberId, email);
      assert.equal(address?.role, role, email);
      assert.equal(sources.find((s) => s.id === address?.sourceId)?.memberId, memberId, email);
    }
  });

  it("routes each demo address to its member's local source, where the demo password signs in", async () => {
    const routing = createIdentityDirectory(createIdentityDirectoryStore(get().db));
    const connector = createLocalAccountConnector({
      accounts: deps.accounts,
      hasher: deps.hasher,
      now: () => new Date(),
      registeredSourceOf: async (email) => {
        const route = await routing.routeEmail(email);
        return route?.via === "registered-address" ? route.source.id : null;
      },
    });
    for (const email of [`finance.metropole@${DOMAIN}`, `secretariat@${DOMAIN}`]) {
      const route = await routing.routeEmail(email);
      assert.equal(route?.via, "registered-address", email);
      assert.equal(route?.source.kind, "local", email);
      if (route === null) continue;
      const identity = await connector.authenticate(route.source, email, PASSWORD);
      assert.deepEqual(identity.attributes.email, [email]);
      assert.equal(await routing.mayAssertEmail(route.source, email), true);
      await assert.rejects(
        connector.authenticate(route.source, email, "pas le bon mot de passe"),
        (e: unknown) => e instanceof EntenteError && e.code === "identity.invalid_credentials",
      );
    }
    // A member's account cannot sign in through another member's source.
    const sitiv = (await stores().directory.listSources(ENTENTE, "sitiv"))[0];
    assert.ok(sitiv !== undefined);
    await assert.rejects(
      connector.authenticate(sitiv, `finance.metropole@${DOMAIN}`, PASSWORD),
      (e: unknown) => e instanceof EntenteError && e.code === "identity.invalid_credentials",
    );
  });

  it("registers the demo service: public client, PKCE, exact URIs on 127.0.0.1:3001, open to all", async () => {
    const services = await stores().services.listClients(ENTENTE);
    assert.equal(services.length, 1);
    const [service] = services;
    assert.equal(service?.clientId, seeded?.demoService.clientId);
    assert.equal(service?.name, DEMO_SERVICE_NAME);
    assert.equal(service?.tokenEndpointAuthMethod, "none");
    assert.deepEqual(service?.grantTypes, ["authorization_code"]);
    assert.deepEqual(service?.redirectUris, ["http://127.0.0.1:3001/callback"]);
    assert.deepEqual(service?.postLogoutRedirectUris, ["http://127.0.0.1:3001/logged-out"]);
    assert.equal(service?.backchannelLogoutUri, "http://127.0.0.1:3001/backchannel-logout");
    assert.deepEqual(service?.policy, { memberIds: null, roles: null, groups: null });
    assert.equal(service?.requiredAcr, null);
    assert.equal(service?.enabled, true);
    assert.equal(await stores().services.clientSecret(service?.clientId ?? ""), null);
  });

  it("does nothing on a second start", async () => {
    const entente = await readEntenteFile("examples/lyon-2023/entente.yaml");
    const before = {
      sources: await stores().directory.listSources(ENTENTE, null),
      addresses: await stores().directory.listRegisteredAddresses(ENTENTE, null),
      services: await stores().services.listClients(ENTENTE),
    };
    assert.equal(await seedIdentityExample(stores(), ENTENTE, entente, accounts), null);
    assert.deepEqual(await stores().directory.listSources(ENTENTE, null), before.sources);
    assert.deepEqual(await stores().directory.listRegisteredAddresses(ENTENTE, null), before.addresses);
    assert.deepEqual(await stores().services.listClients(ENTENTE), before.services);
  });
});

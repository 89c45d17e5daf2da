import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { composeConsole, seedExample } from "../../src/compose.ts";
import { readEntenteFile } from "../../src/finance/formats/read-entente-file.ts";
import { createIdentityDirectory } from "../../src/identity/app/identity-directory.ts";
import { createResourceServerRegistry } from "../../src/identity/app/resource-server-registry.ts";
import { createServiceRegistry } from "../../src/identity/app/service-registry.ts";
import { createIdentityAdminStore } from "../../src/identity/db/identity-admin-store.ts";
import { createIdentityDirectoryStore } from "../../src/identity/db/identity-directory-store.ts";
import { createIdentityEventStore } from "../../src/identity/db/identity-event-store.ts";
import { createResourceServerStore } from "../../src/identity/db/resource-server-store.ts";
import { createServiceClientStore } from "../../src/identity/db/service-client-store.ts";
import { createIdentityAdminRoutes } from "../../src/identity/http/identity-admin-routes.ts";
import { loadConfig } from "../../src/platform/config/load-config.ts";
import type { ZodFastifyInstance } from "../../src/platform/http/app-deps.ts";
import { buildApp } from "../../src/platform/http/build-app.ts";
import { asIfEmpty, ConsoleClient, plainHasher } from "../helpers/console-client.ts";
import { describeOnDatabases } from "../helpers/databases.ts";
import { LYON } from "../helpers/run-cli.ts";
import { LDAP_SOURCE, normalized, upstream } from "../identity/directory-fixtures.ts";

const PASSWORD = "mot-de-passe-de-test";
const email = (local: string, entente = "lyon") => `${local}@${entente}.entente.localhost`;
const API = "/api/ententes/lyon/identity";

const SERVICE = {
  name: "Visio",
  redirectUris: ["https://visio.lyon.test/callback"],
  postLogoutRedirectUris: ["https://visio.lyon.test/"],
  backchannelLogoutUri: null,
  grantTypes: ["authorization_code", "refresh_token"],
  tokenEndpointAuthMethod: "client_secret_basic",
  scopes: ["openid", "profile", "email", "organization"],
  policy: { memberIds: ["ville-lyon", "metropole"], roles: null, groups: null },
  requiredAcr: null,
  enabled: true,
};

describeOnDatabases("identity administration API over HTTP", (get) => {
  let app: ZodFastifyInstance;
  // Sign-in is rate-limited: each role signs in once and the clients are shared.
  const clients: Record<"secretariat" | "finance" | "reader" | "other", ConsoleClient> = {} as never;
  let sourceId = "";
  const endedSources: string[] = [];

  before(async () => {
    const now = () => new Date("2026-01-15T10:00:00Z");
    const config = loadConfig(
      { NODE_ENV: "test", LOG_LEVEL: "silent" },
      { generateSecret: () => "test-secret-test-secret-test-secret-43chars" },
    );
    const composed = composeConsole(get(), {
      hasher: plainHasher,
      now,
      sessionSecret: config.session.secret,
      secureCookies: false,
    });
    const db = get().db;
    const identityRoutes = createIdentityAdminRoutes({
      directory: createIdentityAdminStore(db),
      events: createIdentityEventStore(db),
      services: createServiceRegistry(createServiceClientStore(db)),
      resourceServers: createResourceServerRegistry(createResourceServerStore(db)),
      sessions: {
        async endSessionsOfSource(sourceId) {
          endedSources.push(sourceId);
          return { sessions: 2, servicesNotified: 3, servicesFailed: 0 };
        },
      },
    });
    app = await buildApp(
      {
        version: "test",
        now,
        registerRoutes: [...composed.registerRoutes, identityRoutes],
        plugins: composed.plugins,
      },
      config,
    );
    const model = await readEntenteFile(LYON);
    await seedExample(composed, "lyon", model, PASSWORD);
    // Another entente with its own secretariat (seedExample only seeds an empty instance).
    await seedExample(asIfEmpty(composed), "autre", model, PASSWORD);
    for (const [key, address] of [
      ["secretariat", email("secretariat")],
      ["finance", email("finance.ville-lyon")],
      ["reader", email("lecture")],
      ["other", email("secretariat", "autre")],
    ] as const) {
      clients[key] = new ConsoleClient(app);
      assert.equal((await clients[key].signIn(address, PASSWORD)).status, 200, address);
    }
  });
  after(async () => app.close());

  it("anonymous: 401 on every identity route", async () => {
    const anonymous = new ConsoleClient(app);
    for (const path of ["sources", "domains", "addresses", "persons", "services", "events"]) {
      assert.equal((await anonymous.send("GET", `${API}/${path}`)).status, 401, path);
    }
  });

  it("sources: the secretariat creates one; the secret never comes back", async () => {
    const created = await clients.secretariat.send("POST", `${API}/sources`, LDAP_SOURCE);
    assert.equal(created.status, 201, JSON.stringify(created.json()));
    const body = created.json();
    sourceId = body.id;
    assert.equal(body.hasSecret, true);
    assert.equal(body.ldap.searchBase, LDAP_SOURCE.kind === "ldap" ? LDAP_SOURCE.ldap.searchBase : "");
    assert.ok(!created.raw.toString().includes("bind-password"));
    const list = await clients.secretariat.send("GET", `${API}/sources`);
    assert.ok(!list.raw.toString().includes("bind-password"));
    assert.deepEqual(
      list.json().map((s: { id: string }) => s.id),
      [sourceId],
    );
    const one = await clients.secretariat.send("GET", `${API}/sources/${sourceId}`);
    assert.equal(one.json().label, "Annuaire de la Ville");
    assert.ok(!one.raw.toString().includes("bind-password"));
  });

  it("sources: an update without a secret keeps it; a stale rowVersion is 409", async () => {
    const { secret: _secret, ...rest } = LDAP_SOURCE;
    const updated = await clients.secretariat.send("PUT", `${API}/sources/${sourceId}`, {
      ...rest,
      label: "Annuaire LDAP de la Ville",
      rowVersion: 1,
    });
    assert.equal(updated.status, 200, JSON.stringify(updated.json()));
    assert.equal(updated.json().hasSecret, true);
    assert.equal(updated.json().rowVersion, 2);
    const stale = await clients.secretariat.send("PUT", `${API}/sources/${sourceId}`, {
      ...rest,
      rowVersion: 1,
    });
    assert.equal(stale.status, 409);
    assert.equal(stale.json().code, "conflict.stale_version");
  });

  it("sources: bad input is a 400 naming the field; a filter without {login} is refused", async () => {
    const reply = await clients.secretariat.send("POST", `${API}/sources`, {
      ...LDAP_SOURCE,
      ldap: { ...(LDAP_SOURCE.kind === "ldap" ? LDAP_SOURCE.ldap : {}), searchFilter: "(uid=*)" },
    });
    assert.equal(reply.status, 400);
    assert.match(reply.raw.toString(), /searchFilter/);
  });

  it("sources: finance reads its own member's, not others'; reader 403; another entente 404", async () => {
    const own = await clients.finance.send("GET", `${API}/sources`);
    assert.equal(own.status, 200);
    assert.equal(own.json().length, 1);
    assert.ok(!own.raw.toString().includes("bind-password"));
    assert.equal((await clients.finance.send("GET", `${API}/sources?memberId=metropole`)).status, 403);
    assert.equal((await clients.finance.send("POST", `${API}/sources`, LDAP_SOURCE)).status, 403);
    assert.equal((await clients.reader.send("GET", `${API}/sources`)).status, 403);
    assert.equal((await clients.reader.send("POST", `${API}/sources`, LDAP_SOURCE)).status, 403);
    const other = await clients.other.send("GET", `${API}/sources`);
    assert.equal(other.status, 404);
    assert.equal(other.json().code, "entente.not_found");
    assert.equal((await clients.other.send("DELETE", `${API}/sources/${sourceId}`)).status, 404);
    // Its own entente does not see Lyon's source either.
    assert.equal(
      (await clients.other.send("GET", `/api/ententes/autre/identity/sources/${sourceId}`)).status,
      404,
    );
  });

  it("domains: add, taken, finance reads own, remove", async () => {
    const added = await clients.secretariat.send("POST", `${API}/domains`, {
      domain: "Ville-Lyon.test",
      memberId: "ville-lyon",
      sourceId,
    });
    assert.equal(added.status, 201, JSON.stringify(added.json()));
    assert.equal(added.json().domain, "ville-lyon.test");
    const taken = await clients.other.send("POST", "/api/ententes/autre/identity/domains", {
      domain: "ville-lyon.test",
      memberId: "ville-lyon",
      sourceId: null,
    });
    assert.equal(taken.status, 409);
    assert.equal(taken.json().code, "identity.domain_taken");
    assert.ok(!taken.raw.toString().includes("Ville de Lyon"), "another entente's member is not named");
    assert.equal((await clients.finance.send("GET", `${API}/domains`)).json().length, 1);
    assert.equal((await clients.reader.send("GET", `${API}/domains`)).status, 403);
    assert.equal(
      (
        await clients.finance.send("POST", `${API}/domains`, {
          domain: "x.test",
          memberId: "ville-lyon",
          sourceId: null,
        })
      ).status,
      403,
    );
    await clients.secretariat.send("POST", `${API}/domains`, {
      domain: "tmp.test",
      memberId: "sitiv",
      sourceId: null,
    });
    assert.equal((await clients.finance.send("DELETE", `${API}/domains/tmp.test`)).status, 403);
    assert.equal((await clients.secretariat.send("DELETE", `${API}/domains/tmp.test`)).status, 204);
    assert.equal((await clients.secretariat.send("DELETE", `${API}/domains/tmp.test`)).status, 404);
  });

  it("registered addresses: an élu's personal address, access per role", async () => {
    const body = {
      email: "Maire@Perso.test",
      memberId: "ville-lyon",
      sourceId,
      role: "elu",
      note: "Maire adjoint",
    };
    assert.equal((await clients.finance.send("POST", `${API}/addresses`, body)).status, 403);
    const created = await clients.secretariat.send("POST", `${API}/addresses`, body);
    assert.equal(created.status, 201, JSON.stringify(created.json()));
    assert.equal(created.json().email, "maire@perso.test");
    assert.equal(
      (await clients.secretariat.send("POST", `${API}/addresses`, body)).json().code,
      "identity.address_taken",
    );
    assert.equal((await clients.finance.send("GET", `${API}/addresses`)).json().length, 1);
    assert.equal((await clients.finance.send("GET", `${API}/addresses?memberId=sitiv`)).status, 403);
    assert.equal((await clients.reader.send("GET", `${API}/addresses`)).status, 403);
    assert.equal((await clients.other.send("GET", `${API}/addresses`)).status, 404);
    const removed = await clients.secretariat.send(
      "DELETE",
      `${API}/addresses/${encodeURIComponent("maire@perso.test")}`,
    );
    assert.equal(removed.status, 204);
  });

  it("persons: search, declare and remove an extra affiliation; finance sees its member only", async () => {
    const directory = createIdentityDirectory(createIdentityDirectoryStore(get().db));
    const source = await directory.findSource(sourceId);
    assert.ok(source);
    const person = await directory.resolvePerson(source, upstream(sourceId, "uuid-http"), normalized());
    const page = await clients.secretariat.send("GET", `${API}/persons?q=martin`);
    assert.equal(page.status, 200);
    assert.equal(page.json().total, 1);
    assert.equal(page.json().persons[0].sub, person.sub);

    const declare = { memberId: "metropole", role: "agent", email: null, groups: ["Urbanisme"] };
    assert.equal(
      (await clients.finance.send("POST", `${API}/persons/${person.sub}/affiliations`, declare)).status,
      403,
    );
    assert.equal(
      (await clients.other.send("POST", `${API}/persons/${person.sub}/affiliations`, declare)).status,
      404,
    );
    const declared = await clients.secretariat.send(
      "POST",
      `${API}/persons/${person.sub}/affiliations`,
      declare,
    );
    assert.equal(declared.status, 200, JSON.stringify(declared.json()));
    assert.deepEqual(
      declared
        .json()
        .affiliations.map((a: { memberId: string }) => a.memberId)
        .sort(),
      ["metropole", "ville-lyon"],
    );

    const seenByFinance = await clients.finance.send("GET", `${API}/persons/${person.sub}`);
    assert.equal(seenByFinance.status, 200);
    assert.deepEqual(
      seenByFinance.json().affiliations.map((a: { memberId: string }) => a.memberId),
      ["ville-lyon"],
    );
    assert.deepEqual(seenByFinance.json().links, []);
    assert.equal((await clients.finance.send("GET", `${API}/persons?memberId=metropole`)).status, 403);
    assert.equal((await clients.reader.send("GET", `${API}/persons`)).status, 403);
    assert.equal(
      (await clients.other.send("GET", `/api/ententes/autre/identity/persons/${person.sub}`)).status,
      404,
    );

    const removed = await clients.secretariat.send(
      "DELETE",
      `${API}/persons/${person.sub}/affiliations/metropole`,
    );
    assert.equal(removed.status, 200);
    assert.equal(removed.json().affiliations.length, 1);
    const fromSource = await clients.secretariat.send(
      "DELETE",
      `${API}/persons/${person.sub}/affiliations/ville-lyon`,
    );
    assert.equal(fromSource.status, 404);
  });

  it("services: created with a secret shown once; never listed again; rotation; finance sees those open to it", async () => {
    assert.equal((await clients.finance.send("POST", `${API}/services`, SERVICE)).status, 403);
    assert.equal((await clients.reader.send("POST", `${API}/services`, SERVICE)).status, 403);
    const created = await clients.secretariat.send("POST", `${API}/services`, SERVICE);
    assert.equal(created.status, 201, JSON.stringify(created.json()));
    assert.equal(created.headers["cache-control"], "no-store");
    const { service, clientSecret } = created.json();
    assert.equal(typeof clientSecret, "string");
    const list = await clients.secretariat.send("GET", `${API}/services`);
    assert.equal(list.json().length, 1);
    assert.ok(!list.raw.toString().includes(clientSecret));
    const restricted = await clients.secretariat.send("POST", `${API}/services`, {
      ...SERVICE,
      name: "Outil SITIV",
      policy: { memberIds: ["sitiv"], roles: null, groups: null },
    });
    assert.equal(restricted.status, 201);
    assert.deepEqual(
      (await clients.finance.send("GET", `${API}/services`)).json().map((s: { name: string }) => s.name),
      ["Visio"],
    );
    assert.equal(
      (await clients.finance.send("GET", `${API}/services/${restricted.json().service.clientId}`)).status,
      404,
    );
    assert.equal((await clients.reader.send("GET", `${API}/services`)).status, 403);
    assert.equal(
      (await clients.other.send("GET", `/api/ententes/autre/identity/services/${service.clientId}`)).status,
      404,
    );
    assert.equal(
      (await clients.other.send("POST", `${API}/services/${service.clientId}/secret`)).status,
      404,
    );

    const bad = await clients.secretariat.send("POST", `${API}/services`, {
      ...SERVICE,
      redirectUris: ["https://*.lyon.test/cb"],
    });
    assert.equal(bad.status, 422);
    assert.equal(bad.json().code, "identity.client_invalid");
    const publicWithoutPkce = await clients.secretariat.send("POST", `${API}/services`, {
      ...SERVICE,
      name: "Appli publique sans PKCE",
      tokenEndpointAuthMethod: "none",
      grantTypes: ["authorization_code"],
      pkceExempt: true,
    });
    assert.equal(publicWithoutPkce.status, 422, "never a public client without PKCE");
    assert.equal(publicWithoutPkce.json().code, "identity.client_invalid");
    assert.match(JSON.stringify(publicWithoutPkce.json()), /pkceExempt/, "names the field");
    assert.equal(service.pkceExempt, false, "off by default");

    const rotated = await clients.secretariat.send("POST", `${API}/services/${service.clientId}/secret`);
    assert.equal(rotated.status, 200);
    assert.notEqual(rotated.json().clientSecret, clientSecret);
    const current = (await clients.secretariat.send("GET", `${API}/services/${service.clientId}`)).json();
    const updated = await clients.secretariat.send("PUT", `${API}/services/${service.clientId}`, {
      ...SERVICE,
      policy: { memberIds: null, roles: ["elu"], groups: null },
      rowVersion: current.rowVersion,
    });
    assert.equal(updated.status, 200, JSON.stringify(updated.json()));
    assert.deepEqual(updated.json().policy.roles, ["elu"]);
    assert.equal((await clients.finance.send("DELETE", `${API}/services/${service.clientId}`)).status, 403);
    assert.equal(
      (await clients.secretariat.send("DELETE", `${API}/services/${service.clientId}`)).status,
      204,
    );
  });

  it("events: the secretariat reads all with filters; finance its member's only; others refused", async () => {
    const log = createIdentityEventStore(get().db);
    const base = {
      at: new Date("2026-01-10T09:00:00Z"),
      ententeId: "lyon",
      sub: "s1",
      clientId: "svc",
      sourceId,
      code: null,
      requestId: "req-1",
      ip: "127.0.0.1",
      details: {},
    };
    await log.record({ ...base, kind: "sign_in", memberId: "ville-lyon" });
    await log.record({
      ...base,
      kind: "sign_in_refused",
      memberId: "metropole",
      code: "identity.service_refused",
    });
    const all = await clients.secretariat.send("GET", `${API}/events`);
    assert.equal(all.status, 200);
    assert.equal(all.json().events.length, 2);
    const refused = await clients.secretariat.send("GET", `${API}/events?kind=sign_in_refused`);
    assert.deepEqual(
      refused.json().events.map((e: { memberId: string }) => e.memberId),
      ["metropole"],
    );
    const since = await clients.secretariat.send("GET", `${API}/events?from=2026-01-11T00:00:00Z`);
    assert.equal(since.json().events.length, 0);
    const finance = await clients.finance.send("GET", `${API}/events`);
    assert.deepEqual(
      finance.json().events.map((e: { memberId: string }) => e.memberId),
      ["ville-lyon"],
    );
    assert.equal((await clients.finance.send("GET", `${API}/events?memberId=metropole`)).status, 403);
    assert.equal((await clients.reader.send("GET", `${API}/events`)).status, 403);
    assert.equal((await clients.other.send("GET", `${API}/events`)).status, 404);
    assert.equal((await clients.secretariat.send("GET", `${API}/events?kind=nope`)).status, 400);
  });

  it("sources: only the entente's secretariat ends the sessions of a source's persons", async () => {
    const path = (entente: string) => `/api/ententes/${entente}/identity/sources/${sourceId}/end-sessions`;
    assert.equal((await clients.finance.send("POST", path("lyon"))).status, 403);
    assert.equal((await clients.reader.send("POST", path("lyon"))).status, 403);
    assert.equal((await clients.other.send("POST", path("lyon"))).status, 404);
    assert.equal(
      (await clients.other.send("POST", path("autre"))).status,
      404,
      "not through another entente",
    );
    assert.deepEqual(endedSources, [], "nobody else ended anything");
    const ended = await clients.secretariat.send("POST", path("lyon"));
    assert.equal(ended.status, 200);
    assert.deepEqual(ended.json(), { sessions: 2, servicesNotified: 3, servicesFailed: 0 });
    assert.deepEqual(endedSources, [sourceId]);
    // Written to the audit log: who ended the sessions of which source, and the counts.
    const logged = (await clients.secretariat.send("GET", `${API}/events?kind=logout`)).json().events;
    assert.equal(logged.length, 1);
    assert.equal(logged[0].sourceId, sourceId);
    assert.deepEqual(
      { ...logged[0].details, endedBy: typeof logged[0].details.endedBy },
      { endedBy: "string", sessions: 2, servicesNotified: 3, servicesFailed: 0 },
    );
  });

  it("sources: deleting one persons signed in through is refused; finance cannot delete", async () => {
    assert.equal((await clients.finance.send("DELETE", `${API}/sources/${sourceId}`)).status, 403);
    const inUse = await clients.secretariat.send("DELETE", `${API}/sources/${sourceId}`);
    assert.equal(inUse.status, 409);
    assert.equal(inUse.json().code, "identity.source_in_use");
  });
});

import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { composeConsole, seedExample } from "../../src/compose.ts";
import { readEntenteFile } from "../../src/finance/formats/read-entente-file.ts";
import { createResourceServerRegistry } from "../../src/identity/app/resource-server-registry.ts";
import { createServiceRegistry } from "../../src/identity/app/service-registry.ts";
import { createIdentityAdminStore } from "../../src/identity/db/identity-admin-store.ts";
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

const PASSWORD = "mot-de-passe-de-test";
const email = (local: string, entente = "lyon") => `${local}@${entente}.entente.localhost`;
const API = "/api/ententes/lyon/identity/resource-servers";

const MAIL = {
  name: "Messagerie",
  audience: "https://mail.lyon.test/",
  scopes: ["mail"],
  tokenFormat: "jwt",
  jwtType: "JWT",
  accessTokenTtlSeconds: 300,
  enabled: true,
};

describeOnDatabases("resource servers administration API over HTTP", (get) => {
  let app: ZodFastifyInstance;
  const clients: Record<"secretariat" | "finance" | "reader" | "other", ConsoleClient> = {} as never;

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
      // No provider here: ending a suspended source's sessions is tested in test/identity.
      sessions: {
        endSessionsOfSource: async () => ({ sessions: 0, servicesNotified: 0, servicesFailed: 0 }),
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

  it("anonymous: 401; finance and reader cannot register; another entente's secretariat gets 404", async () => {
    assert.equal((await new ConsoleClient(app).send("GET", API)).status, 401);
    assert.equal((await clients.finance.send("POST", API, MAIL)).status, 403);
    assert.equal((await clients.reader.send("POST", API, MAIL)).status, 403);
    assert.equal((await clients.other.send("GET", API)).status, 404);
    assert.equal((await clients.other.send("POST", API, MAIL)).status, 404);
  });

  it("registered, listed, read, edited with its version, deleted; each write audited", async () => {
    const created = await clients.secretariat.send("POST", API, MAIL);
    assert.equal(created.status, 201, JSON.stringify(created.json()));
    const server = created.json();
    assert.match(server.id, /^rs_/);
    assert.deepEqual(
      { ...server, id: undefined, rowVersion: undefined },
      { ...MAIL, id: undefined, rowVersion: undefined },
    );
    assert.deepEqual(
      (await clients.finance.send("GET", API)).json().map((s: { audience: string }) => s.audience),
      [MAIL.audience],
      "a member's finance officer reads the entente's servers",
    );
    const path = `${API}/${server.id}`;
    const updated = await clients.secretariat.send("PUT", path, {
      ...MAIL,
      scopes: ["mail", "mail:admin"],
      rowVersion: server.rowVersion,
    });
    assert.equal(updated.status, 200, JSON.stringify(updated.json()));
    assert.deepEqual(updated.json().scopes, ["mail", "mail:admin"]);
    const stale = await clients.secretariat.send("PUT", path, { ...MAIL, rowVersion: server.rowVersion });
    assert.equal(stale.status, 409);
    assert.equal(stale.json().code, "conflict.stale_version");
    assert.equal(
      (await clients.other.send("DELETE", `/api/ententes/autre/identity/resource-servers/${server.id}`))
        .status,
      404,
    );
    assert.equal((await clients.secretariat.send("DELETE", path)).status, 204);
    assert.equal((await clients.secretariat.send("GET", path)).status, 404);
    const trail = await get()
      .db.selectFrom("audit_event")
      .select(["action"])
      .where("entity", "=", "resource_server")
      .where("entity_id", "=", server.id)
      .orderBy("id")
      .execute();
    assert.deepEqual(
      trail.map((e) => e.action),
      [
        "identity.resource_server.create",
        "identity.resource_server.update",
        "identity.resource_server.delete",
      ],
    );
  });

  it("refuses a bad audience, a sign-in scope, JWT type for opaque tokens, naming the field", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ audience: "http://mail.lyon.test/" }, "audience"],
      [{ audience: "https://mail.lyon.test/?x=1" }, "audience"],
      [{ audience: "https://mail.lyon.test/#f" }, "audience"],
      [{ scopes: ["openid"] }, "scopes[0]"],
      [{ tokenFormat: "opaque", jwtType: "JWT" }, "jwtType"],
    ];
    for (const [change, field] of cases) {
      const answer = await clients.secretariat.send("POST", API, { ...MAIL, ...change });
      assert.equal(answer.status, 422, JSON.stringify(change));
      assert.equal(answer.json().code, "identity.resource_server_invalid");
      assert.ok(answer.json().detail.includes(`« ${field} »`), answer.json().detail);
    }
    const ttl = await clients.secretariat.send("POST", API, { ...MAIL, accessTokenTtlSeconds: 3600 });
    assert.equal(ttl.status, 400, "the contract bounds the lifetime before the rules");
  });

  it("an audience names one server across the instance: another entente cannot take it", async () => {
    const mine = await clients.secretariat.send("POST", API, {
      ...MAIL,
      audience: "https://files.lyon.test/",
    });
    assert.equal(mine.status, 201);
    const theirs = await clients.other.send("POST", "/api/ententes/autre/identity/resource-servers", {
      ...MAIL,
      audience: "https://files.lyon.test/",
    });
    assert.equal(theirs.status, 409);
    assert.equal(theirs.json().code, "identity.resource_server_taken");
  });
});

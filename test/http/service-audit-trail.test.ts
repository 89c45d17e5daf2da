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
import { ConsoleClient, plainHasher } from "../helpers/console-client.ts";
import { describeOnDatabases } from "../helpers/databases.ts";
import { LYON } from "../helpers/run-cli.ts";

const PASSWORD = "mot-de-passe-de-test";
const SECRETARIAT = "secretariat@lyon.entente.localhost";
const API = "/api/ententes/lyon/identity";
const SERVICE = {
  name: "Visio",
  redirectUris: ["https://visio.lyon.test/callback"],
  postLogoutRedirectUris: ["https://visio.lyon.test/"],
  backchannelLogoutUri: null,
  grantTypes: ["authorization_code", "refresh_token"],
  tokenEndpointAuthMethod: "client_secret_basic",
  scopes: ["openid", "profile", "email"],
  policy: { memberIds: null, roles: null, groups: null },
  requiredAcr: null,
  enabled: true,
};

interface AuditEvent {
  readonly actor: string;
  readonly action: string;
  readonly entity: string;
  readonly entityId: string;
}

describeOnDatabases("audit trail of the hub's services (create, update, rotate, delete)", (get) => {
  let app: ZodFastifyInstance;
  let secretariat: ConsoleClient;

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
    await seedExample(composed, "lyon", await readEntenteFile(LYON), PASSWORD);
    secretariat = new ConsoleClient(app);
    assert.equal((await secretariat.signIn(SECRETARIAT, PASSWORD)).status, 200);
  });
  after(async () => app.close());

  it("each change of a service is audited with the secretariat's email, never its secret", async () => {
    const created = await secretariat.send("POST", `${API}/services`, SERVICE);
    assert.equal(created.status, 201, created.raw.toString());
    const { service: client, clientSecret } = created.json();
    const rotated = await secretariat.send("POST", `${API}/services/${client.clientId}/secret`);
    assert.equal(rotated.status, 200, rotated.raw.toString());
    const newSecret = rotated.json().clientSecret;
    const deleted = await secretariat.send("DELETE", `${API}/services/${client.clientId}`);
    assert.equal(deleted.status, 204);
    const audit = await secretariat.send("GET", "/api/ententes/lyon/audit?limit=20");
    assert.equal(audit.status, 200);
    const mine = (audit.json().events as AuditEvent[])
      .filter((e) => e.entity === "service_client" && e.entityId === client.clientId)
      .map((e) => [e.action, e.actor]);
    assert.deepEqual(mine.sort(), [
      ["create", SECRETARIAT],
      ["delete", SECRETARIAT],
      ["rotate-secret", SECRETARIAT],
    ]);
    for (const secret of [clientSecret, newSecret]) {
      assert.equal(typeof secret, "string");
      assert.equal(audit.raw.toString().includes(secret), false, "no secret in the audit trail");
    }
  });
});

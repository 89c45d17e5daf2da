import assert from "node:assert/strict";
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
import type { OpenDatabase } from "../../src/platform/db/open-database.ts";
import type { ZodFastifyInstance } from "../../src/platform/http/app-deps.ts";
import { buildApp } from "../../src/platform/http/build-app.ts";
import { asIfEmpty, ConsoleClient, plainHasher } from "../helpers/console-client.ts";
import { LYON } from "../helpers/run-cli.ts";

export const LYON_API = "/api/ententes/lyon/identity";
export const AUTRE_API = "/api/ententes/autre/identity";

/** The console's server with the identity administration, two ententes and their secretariats signed in. */
export interface TwoEntentesAdmin {
  readonly app: ZodFastifyInstance;
  /** Lyon's secretariat. */
  readonly lyon: ConsoleClient;
  /** The secretariat of "autre", another entente (same member ids). */
  readonly autre: ConsoleClient;
}

/**
 * The example imported as `lyon` and `autre` on `database`, the identity administration's real
 * routes, and each secretariat signed in (`inject()`, no socket). Close `app` after the suite.
 */
export async function startTwoEntentesAdmin(
  database: OpenDatabase,
  options: { readonly sharedMailDomains?: readonly string[] } = {},
): Promise<TwoEntentesAdmin> {
  const now = () => new Date("2026-01-15T10:00:00Z");
  const config = loadConfig(
    { NODE_ENV: "test", LOG_LEVEL: "silent" },
    { generateSecret: () => "test-secret-test-secret-test-secret-43chars" },
  );
  const composed = composeConsole(database, {
    hasher: plainHasher,
    now,
    sessionSecret: config.session.secret,
    secureCookies: false,
  });
  const db = database.db;
  const identityRoutes = createIdentityAdminRoutes({
    directory: createIdentityAdminStore(db, { sharedMailDomains: options.sharedMailDomains ?? [] }),
    events: createIdentityEventStore(db),
    services: createServiceRegistry(createServiceClientStore(db)),
    resourceServers: createResourceServerRegistry(createResourceServerStore(db)),
    // No provider here: ending a suspended source's sessions is tested in test/identity.
    sessions: { endSessionsOfSource: async () => ({ sessions: 0, servicesNotified: 0, servicesFailed: 0 }) },
  });
  const app = await buildApp(
    {
      version: "test",
      now,
      registerRoutes: [...composed.registerRoutes, identityRoutes],
      plugins: composed.plugins,
    },
    config,
  );
  const model = await readEntenteFile(LYON);
  await seedExample(composed, "lyon", model, "mot-de-passe-de-test");
  await seedExample(asIfEmpty(composed), "autre", model, "mot-de-passe-de-test");
  const lyon = new ConsoleClient(app);
  const autre = new ConsoleClient(app);
  assert.equal((await lyon.signIn("secretariat@lyon.entente.localhost", "mot-de-passe-de-test")).status, 200);
  assert.equal(
    (await autre.signIn("secretariat@autre.entente.localhost", "mot-de-passe-de-test")).status,
    200,
  );
  return { app, lyon, autre };
}

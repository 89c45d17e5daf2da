import { composeConsole, seedExample } from "../../src/compose.ts";
import { readEntenteFile } from "../../src/finance/formats/read-entente-file.ts";
import type { Entente } from "../../src/finance/index.ts";
import { createServiceRegistry } from "../../src/identity/app/service-registry.ts";
import { createServiceClientStore } from "../../src/identity/db/service-client-store.ts";
import { loadConfig } from "../../src/platform/config/load-config.ts";
import type { OpenDatabase } from "../../src/platform/db/open-database.ts";
import type { ZodFastifyInstance } from "../../src/platform/http/app-deps.ts";
import { buildApp } from "../../src/platform/http/build-app.ts";
import { type ComposedWorkplace, composeWorkplace } from "../../src/workplace/index.ts";
import { asIfEmpty, ConsoleClient, plainHasher } from "../helpers/console-client.ts";
import { LYON } from "../helpers/run-cli.ts";

export const PASSWORD = "mot-de-passe-de-test";
export const PUBLIC_URL = "https://entente.test";
/** SIRET of the Ville de Lyon (its SIREN 216901231 and an establishment number). */
export const VILLE_SIRET = "21690123100011";
export const METROPOLE_SIRET = "20004697700019";

/** An OIDC client as identity registers it. */
export function serviceInput(name: string) {
  const host = name.toLowerCase().replace(/[^a-z]/g, "");
  return {
    name,
    redirectUris: [`https://${host}.lyon.test/callback`],
    postLogoutRedirectUris: [],
    backchannelLogoutUri: null,
    grantTypes: ["authorization_code"],
    tokenEndpointAuthMethod: "client_secret_basic",
    scopes: ["openid", "profile", "email"],
    policy: { memberIds: null, roles: null, groups: null },
    requiredAcr: null,
    enabled: true,
  };
}

export interface WorkplaceFixture {
  readonly app: ZodFastifyInstance;
  readonly workplace: ComposedWorkplace;
  /** Signed-in console clients: the secretariat of lyon and of autre, a reader of lyon. */
  readonly clients: {
    readonly secretariat: ConsoleClient;
    readonly reader: ConsoleClient;
    readonly other: ConsoleClient;
  };
  /** Registers an OIDC client (identity) in `ententeId`; returns its id. */
  registerClient(ententeId: string, name: string): Promise<string>;
}

/** Two ententes (lyon, autre) seeded from the example, the console and workplace routes, signed-in clients. */
export async function startWorkplaceFixture(
  database: OpenDatabase,
  now: () => Date,
  publicUrl = PUBLIC_URL,
  /** The entente seeded as lyon (default: the example). */
  lyon?: Entente,
): Promise<WorkplaceFixture> {
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
  const workplace = composeWorkplace(database, { publicUrl, now });
  const app = await buildApp(
    {
      version: "test",
      now,
      registerRoutes: [...composed.registerRoutes, ...workplace.registerRoutes],
      plugins: composed.plugins,
    },
    config,
  );
  const model = await readEntenteFile(LYON);
  await seedExample(composed, "lyon", lyon ?? model, PASSWORD);
  await seedExample(asIfEmpty(composed), "autre", model, PASSWORD);
  const signIn = async (email: string) => {
    const client = new ConsoleClient(app);
    const reply = await client.signIn(email, PASSWORD);
    if (reply.status !== 200) throw new Error(`sign-in of ${email}: ${reply.status}`);
    return client;
  };
  const clients = {
    secretariat: await signIn("secretariat@lyon.entente.localhost"),
    reader: await signIn("lecture@lyon.entente.localhost"),
    other: await signIn("secretariat@autre.entente.localhost"),
  };
  const registry = createServiceRegistry(createServiceClientStore(database.db));
  return {
    app,
    workplace,
    clients,
    registerClient: async (ententeId, name) =>
      (await registry.createClient(ententeId, serviceInput(name) as never)).client.clientId,
  };
}

/** A catalogue entry's fields as the console sends them. */
export function entryBody(clientId: string, kind: string, displayOrder: number) {
  return {
    clientId,
    kind,
    description: `Service ${kind}`,
    url: `https://${kind}.lyon.test/`,
    maturity: "stable",
    documentationUrl: null,
    supportUrl: `https://support.lyon.test/${kind}`,
    displayOrder,
  };
}

/** A subscription body, open-ended from 2023-01-01, everyone of the member. */
export function subscriptionBody(overrides: Record<string, unknown> = {}) {
  return {
    startsOn: "2023-01-01",
    endsOn: null,
    roles: null,
    groups: null,
    seats: { value: 100, unit: "accounts" },
    storagePerAccount: { value: 10, unit: "GiB" },
    storagePerMember: { value: 1, unit: "TB" },
    rowVersion: null,
    ...overrides,
  };
}

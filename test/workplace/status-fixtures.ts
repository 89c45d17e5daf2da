import { once } from "node:events";
import http from "node:http";
import net from "node:net";
import { composeConsole, seedExample } from "../../src/compose.ts";
import { readEntenteFile } from "../../src/finance/formats/read-entente-file.ts";
import { createServiceRegistry } from "../../src/identity/app/service-registry.ts";
import { type ComposedIdentity, composeIdentity } from "../../src/identity/compose.ts";
import { createServiceClientStore } from "../../src/identity/db/service-client-store.ts";
import { loadConfig } from "../../src/platform/config/load-config.ts";
import type { OpenDatabase } from "../../src/platform/db/open-database.ts";
import type { ZodFastifyInstance } from "../../src/platform/http/app-deps.ts";
import { buildApp } from "../../src/platform/http/build-app.ts";
import { freePort } from "../../src/platform/http/free-port.ts";
import { type ComposedWorkplace, composeWorkplace } from "../../src/workplace/index.ts";
import { asIfEmpty, ConsoleClient, plainHasher } from "../helpers/console-client.ts";
import { LYON } from "../helpers/run-cli.ts";
import { createTeardown, type Teardown } from "../helpers/teardown.ts";
import { entryBody, PASSWORD, serviceInput } from "./workplace-fixtures.ts";

/** Entente (console, identity hub, workplace) listening on 127.0.0.1, two ententes, signed-in clients. */
export interface StatusWorld {
  readonly url: string;
  readonly app: ZodFastifyInstance;
  readonly identity: ComposedIdentity;
  readonly workplace: ComposedWorkplace;
  readonly clients: {
    readonly secretariat: ConsoleClient;
    readonly reader: ConsoleClient;
    readonly other: ConsoleClient;
  };
  /** Registers an OIDC client in `ententeId` and puts it in the catalogue; returns its id. */
  catalogue(ententeId: string, name: string): Promise<string>;
  readonly teardown: Teardown;
}

/** As src/main.ts composes it (probes allowed towards loopback, as in development and test). */
export async function startStatusWorld(
  database: OpenDatabase,
  now: () => Date = () => new Date(),
  /** The per-node cache of public answers (ms); 0 by default: the tests see every change at once. */
  publicCacheTtlMs = 0,
): Promise<StatusWorld> {
  const teardown = createTeardown();
  const port = await freePort("127.0.0.1");
  const url = `http://127.0.0.1:${port}`;
  const config = loadConfig(
    { NODE_ENV: "test", LOG_LEVEL: "silent" },
    { generateSecret: () => "s".repeat(43) },
  );
  const console = composeConsole(database, {
    hasher: plainHasher,
    now,
    sessionSecret: config.session.secret,
    secureCookies: false,
  });
  const model = await readEntenteFile(LYON);
  await seedExample(console, "lyon", model, PASSWORD);
  await seedExample(asIfEmpty(console), "autre", model, PASSWORD);
  const workplace = composeWorkplace(database, {
    publicUrl: url,
    now,
    probePrivateNetworks: true,
    publicCacheTtlMs,
  });
  const identity = await composeIdentity(database, {
    serviceAccess: workplace.serviceAccess,
    publicUrl: url,
    sessionSecret: config.session.secret,
    production: false,
    redisUrl: undefined,
    keyRefreshSeconds: 60,
    backchannelPrivateNetworks: true,
    accounts: console.access.deps.accounts,
    hasher: plainHasher,
    now,
  });
  teardown.add("the identity federation", () => identity.close());
  const app = await buildApp(
    {
      version: "test",
      now,
      registerRoutes: [...console.registerRoutes, ...identity.registerRoutes, ...workplace.registerRoutes],
      plugins: console.plugins,
    },
    config,
  );
  teardown.add("Entente's HTTP server", () => app.close());
  await app.listen({ host: "127.0.0.1", port });
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
  const catalogue = async (ententeId: string, name: string) => {
    const clientId = (await registry.createClient(ententeId, serviceInput(name) as never)).client.clientId;
    const client = ententeId === "lyon" ? clients.secretariat : clients.other;
    const reply = await client.send(
      "POST",
      `/api/ententes/${ententeId}/workplace/services`,
      entryBody(clientId, "video", 1),
    );
    if (reply.status !== 201)
      throw new Error(`catalogue ${name}: ${reply.status} ${JSON.stringify(reply.json())}`);
    return clientId;
  };
  return { url, app, identity, workplace, clients, catalogue, teardown };
}

/** An HTTP server on 127.0.0.1 (port 0 the first time, the same port again after a stop). */
export async function startHttpService(
  handler: http.RequestListener,
  port = 0,
): Promise<{ readonly port: number; stop(): Promise<void> }> {
  const server = http.createServer(handler);
  server.listen(port, "127.0.0.1");
  await once(server, "listening");
  const address = server.address() as net.AddressInfo;
  return {
    port: address.port,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A TCP listener on 127.0.0.1 that accepts and closes connections. */
export async function startTcpListener(port = 0): Promise<{ readonly port: number; stop(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.end();
  });
  server.listen(port, "127.0.0.1");
  await once(server, "listening");
  return {
    port: (server.address() as net.AddressInfo).port,
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

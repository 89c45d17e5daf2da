// The composition root of the Entente server: the only place that reads the process's
// environment, picks concrete adapters and listens. Run it with `node src/main.ts` (Node 24).
//
// Start-up time (`node bench/start-up.bench.ts`): before any module of ours or of a library is
// compiled, Node's compile cache is turned on, so a restart reuses the code V8 compiled at the
// previous start instead of compiling the modules again. Hence the modules are imported here
// with `await import(…)` once the cache is on, and the embedded database is opened before the
// bulk of them: PGlite's WebAssembly compiles in the background while they load.

import { randomUUID } from "node:crypto";
import { enableCompileCache } from "node:module";
import { hostname } from "node:os";
import { resolve } from "node:path";
import type { ComposedConsole } from "./compose.ts";
import type { FirstStart } from "./first-start.ts";
import type { ComposedIdentity } from "./identity/index.ts";
import type { Config } from "./platform/config/load-config.ts";
import type { OpenDatabase } from "./platform/db/open-database.ts";
import type { RouteRegistrar, ZodFastifyInstance } from "./platform/http/app-deps.ts";
import type { Lang } from "./shared/errors.ts";

/** Exit status when the configuration is invalid (sysexits EX_CONFIG). */
const EXIT_CONFIG = 78;

// In the folder of os.tmpdir(), keyed by Node's version and each module's content; a folder that
// cannot be written only turns the cache off. NODE_DISABLE_COMPILE_CACHE=1 turns it off.
enableCompileCache();

/** config → database → compose → listen; each step reports its own failure and stops the start. */
async function main(): Promise<void> {
  const { describeError } = await import("./platform/cli/report-error.ts");
  const report = (error: unknown) =>
    process.stderr.write(describeError(error, messageLanguage(process.env)).text);
  const config = await readConfig(report);
  if (config === null) return;
  const opened = await openTheDatabase(config, report);
  if (opened === null) return;
  const { database, setConnectionErrorLog } = opened;
  preloadServerModules();
  const composed = await composeOnDatabase(database, config);
  const firstStart = await prepareDatabase(composed, database, config, report);
  if (firstStart === undefined) return;
  const identity = await startIdentity(database, composed, config, report);
  if (identity === null) return;
  // A person suspended or deleted by a member's directory (SCIM) loses its hub sessions: identity's rule.
  composed.provisioning.registerHubSessions(identity.composed.sessions);
  const seeded = config.workplace.seedExample
    ? await seedTheWorkplace(database, identity, firstStart, report)
    : firstStart;
  if (seeded === undefined) return;
  const app = await buildServer(config, composed, identity.composed, identity.workplaceRoutes);
  identity.setErrorLog((error) => app.log.warn({ err: error }, "identity federation: background error"));
  for (const warning of config.warnings) app.log.warn(warning);
  setConnectionErrorLog((error) => {
    app.log.warn({ err: error }, "database connection lost; the next query reconnects");
  });
  const { stopOnSignals } = await import("./platform/http/stop-on-signals.ts");
  let stopDelivery = async (): Promise<void> => {};
  stopOnSignals(app, async () => {
    await stopDelivery();
    await identity.composed.close();
    await database.close();
  });
  await listenAndGreet(app, config, identity, seeded);
  if (process.exitCode !== undefined && process.exitCode !== 0) return;
  // Every node delivers provisioning events; leases keep two nodes from delivering one twice.
  const worker = composed.provisioning.startWorker({
    intervalMs: 2000,
    onError: (error) =>
      app.log.warn({ err: error }, "provisioning: a delivery pass failed; the next one retries"),
  });
  // Every node runs the probe loop; a lease in the database lets one node probe at a time.
  const probes = identity.workplace.startProbes({
    holder: `${hostname()}/${process.pid}/${randomUUID()}`,
    onError: (error) =>
      app.log.warn({ err: error }, "service status: a probe pass failed; the next one retries"),
  });
  stopDelivery = async () => {
    await Promise.all([worker.stop(), probes.stop()]);
  };
}

/**
 * Starts loading the modules of the later steps (the migrations, the identity federation's
 * composition, the HTTP server) while PGlite starts: its WebAssembly compiles on other threads
 * and its first query waits for it, time in which this thread loads them. Each step imports its
 * modules again and gets them from Node's module cache, or their loading error, which it reports.
 */
function preloadServerModules(): void {
  const loading = [
    import("./platform/db/migrate.ts"),
    import("./identity/index.ts").then((identity) => identity.preloadIdentity()),
    import("./platform/http/build-app.ts"),
  ];
  for (const module of loading) module.catch(() => undefined); // reported by the step that imports it
}

/** The configuration from the environment; null (exit status 78, every problem on stderr) when invalid. */
async function readConfig(report: (error: unknown) => void): Promise<Config | null> {
  const { loadConfig } = await import("./platform/config/load-config.ts");
  try {
    return loadConfig(process.env);
  } catch (error) {
    report(error);
    process.exitCode = EXIT_CONFIG;
    return null;
  }
}

/**
 * Opens the database (PGlite starts on its own, in the background, until the first query);
 * null (exit status 1) when it cannot: the embedded database already open in another process
 * (db.in_use), a folder that cannot be created. Connection errors go to stderr until the logger
 * exists (`setConnectionErrorLog`).
 */
async function openTheDatabase(config: Config, report: (error: unknown) => void) {
  const { openDatabase } = await import("./platform/db/open-database.ts");
  let logConnectionError = (error: Error): void => {
    process.stderr.write(`database connection error: ${error.message}\n`);
  };
  try {
    const database = await openDatabase(
      config.database.url === undefined
        ? { kind: "pglite", dataDir: config.database.dataDir }
        : { kind: "postgres", url: config.database.url },
      { onConnectionError: (error) => logConnectionError(error) },
    );
    return {
      database,
      setConnectionErrorLog: (log: (error: Error) => void) => {
        logConnectionError = log;
      },
    };
  } catch (error) {
    report(error);
    process.exitCode = 1;
    return null;
  }
}

/** The console's contexts (access, finance) on the open database. */
async function composeOnDatabase(database: OpenDatabase, config: Config): Promise<ComposedConsole> {
  const [{ createArgon2PasswordHasher }, { composeConsole }] = await Promise.all([
    import("./access/index.ts"),
    import("./compose.ts"),
  ]);
  return composeConsole(database, {
    hasher: createArgon2PasswordHasher(),
    now,
    sessionSecret: config.session.secret,
    secureCookies: config.env === "production",
    sharedMailDomains: config.oidc.sharedMailDomains,
  });
}

/**
 * Migrates, then imports the example on a first start. An unreachable database or a broken
 * example file is the operator's to fix: a clear message and exit status 1 (undefined), never a
 * stack trace.
 */
async function prepareDatabase(
  composed: ComposedConsole,
  database: OpenDatabase,
  config: Config,
  report: (error: unknown) => void,
): Promise<FirstStart | null | undefined> {
  const [{ migrateToLatest }, { EntenteError }, { EntenteFileError }, { importExampleOnFirstStart }] =
    await Promise.all([
      import("./platform/db/migrate.ts"),
      import("./shared/errors.ts"),
      import("./shared/entente-file-error.ts"),
      import("./first-start.ts"),
    ]);
  try {
    await migrateToLatest(database.db);
    return await importExampleOnFirstStart(composed, database, config, now);
  } catch (error) {
    const known =
      error instanceof Error && !(error instanceof EntenteError) && !(error instanceof EntenteFileError);
    report(known ? new EntenteError("db.unavailable", { reason: error.message }, { cause: error }) : error);
    await database.close().catch(() => undefined);
    process.exitCode = 1; // after closing: PGlite's runtime resets the exit code when it stops
    return undefined;
  }
}

/**
 * The identity federation, whose issuer is a URL: the port must be known before the server
 * listens (PORT=0: a free one now). Null (exit status 1) when it cannot start. Its background
 * errors go to stderr until the logger exists (`setErrorLog`).
 */
async function startIdentity(
  database: OpenDatabase,
  composed: ComposedConsole,
  config: Config,
  report: (error: unknown) => void,
) {
  const { freePort } = await import("./platform/http/free-port.ts");
  const port = config.server.port === 0 ? await freePort(config.server.host) : config.server.port;
  const publicUrl = config.server.publicUrl ?? `http://${urlHost(config.server.host)}:${port}`;
  let logIdentityError = (error: unknown): void => {
    process.stderr.write(`identity: ${error instanceof Error ? error.message : String(error)}\n`);
  };
  const [{ composeIdentity, loadSamlSpSigning }, { EntenteError }, { composeWorkplace, alignHubProbesOn }] =
    await Promise.all([
      import("./identity/index.ts"),
      import("./shared/errors.ts"),
      import("./workplace/index.ts"),
    ]);
  try {
    // The portal's clients follow this start's public URL (an earlier one is no longer accepted).
    const { alignPortalAddresses } = await import("./compose.ts");
    await alignPortalAddresses(database, publicUrl);
    // …and so does the status page's probe of the hub itself.
    await alignHubProbesOn(database, `${publicUrl}/oidc`, now);
    // The workplace's subscriptions are the access policy of its catalogued services: identity
    // asks them at sign-in through the port registered here.
    const workplace = composeWorkplace(database, {
      publicUrl,
      now,
      probePrivateNetworks: config.workplace.probePrivateNetworks,
      subscriptionListener: composed.provisioning.subscriptionListener,
    });
    const identity = await composeIdentity(database, {
      serviceAccess: workplace.serviceAccess,
      publicUrl,
      sessionSecret: config.session.secret,
      production: config.env === "production",
      redisUrl: config.redis.url,
      keyRefreshSeconds: config.oidc.keyRefreshSeconds,
      backchannelPrivateNetworks: config.oidc.backchannelPrivateNetworks,
      sharedMailDomains: config.oidc.sharedMailDomains,
      accounts: composed.access.deps.accounts,
      hasher: composed.access.deps.hasher,
      now,
      onError: (error) => logIdentityError(error),
      samlSpSigning: await loadSamlSpSigning(config.oidc.samlSpSigningFiles),
    });
    return {
      composed: identity,
      publicUrl,
      workplaceRoutes: workplace.registerRoutes,
      workplace,
      port,
      setErrorLog: (log: (error: unknown) => void) => {
        logIdentityError = log;
      },
    };
  } catch (error) {
    report(
      error instanceof EntenteError
        ? error
        : new EntenteError("db.unavailable", {
            reason: error instanceof Error ? error.message : String(error),
          }),
    );
    await database.close().catch(() => undefined);
    process.exitCode = 1;
    return null;
  }
}

/**
 * The workplace of a first start (the portal's client needs the public URL, known only now);
 * undefined (exit status 1, the error on stderr) when it cannot be seeded.
 */
async function seedTheWorkplace(
  database: OpenDatabase,
  identity: { readonly composed: ComposedIdentity; readonly publicUrl: string },
  firstStart: FirstStart | null,
  report: (error: unknown) => void,
): Promise<FirstStart | null | undefined> {
  const { seedWorkplaceOnFirstStart } = await import("./first-start.ts");
  try {
    return await seedWorkplaceOnFirstStart(
      database,
      firstStart,
      identity.publicUrl,
      now,
      identity.composed.issuer,
    );
  } catch (error) {
    report(error);
    await identity.composed.close();
    await database.close().catch(() => undefined);
    process.exitCode = 1;
    return undefined;
  }
}

/** The HTTP server with every context's routes, not listening yet. */
async function buildServer(
  config: Config,
  composed: ComposedConsole,
  identity: ComposedIdentity,
  workplaceRoutes: readonly RouteRegistrar[],
): Promise<ZodFastifyInstance> {
  const [{ buildApp }, packageJson] = await Promise.all([
    import("./platform/http/build-app.ts"),
    import("../package.json", { with: { type: "json" } }),
  ]);
  return buildApp(
    {
      version: packageJson.default.version,
      now,
      registerRoutes: [...composed.registerRoutes, ...identity.registerRoutes, ...workplaceRoutes],
      plugins: composed.plugins,
      webRoot: resolve(config.webRoot),
    },
    config,
  );
}

/** Listens, then tells the person at the terminal where to go; exit status 1 when it cannot listen. */
async function listenAndGreet(
  app: ZodFastifyInstance,
  config: Config,
  identity: { readonly composed: ComposedIdentity; readonly port: number },
  firstStart: FirstStart | null,
): Promise<void> {
  const [{ API_DOCS_PATH }, { DEMO_SERVICE_URL }, { signInHelp }] = await Promise.all([
    import("./platform/http/build-app.ts"),
    import("./identity/index.ts"),
    import("./first-start.ts"),
  ]);
  let address: string;
  try {
    address = await app.listen({ host: config.server.host, port: identity.port });
  } catch (error) {
    app.log.fatal(
      { err: error },
      `cannot listen on ${config.server.host}:${identity.port}: check HOST and PORT (is the port already used?)`,
    );
    process.exitCode = 1;
    await app.close();
    await identity.composed.close();
    return;
  }
  const url = config.server.publicUrl ?? address;
  app.log.info({ url, apiDocs: `${url}${API_DOCS_PATH}` }, `Entente is listening on ${url}`);
  // For the person at the terminal; standard output carries the JSON log lines.
  const at = {
    url,
    apiDocs: `${url}${API_DOCS_PATH}`,
    issuer: identity.composed.issuer,
    demoService: DEMO_SERVICE_URL,
  };
  process.stderr.write(signInHelp(at, config, firstStart));
}

/** The server's clock. */
function now(): Date {
  return new Date();
}

/** The host part of a URL for the listening address (`0.0.0.0` is not an address to visit). */
function urlHost(host: string): string {
  if (host === "0.0.0.0" || host === "::") return "127.0.0.1";
  return host.includes(":") ? `[${host}]` : host;
}

/** Language of the messages printed before the logger exists: English when the locale is. */
function messageLanguage(env: NodeJS.ProcessEnv): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return locale.toLowerCase().startsWith("en") ? "en" : "fr";
}

await main();

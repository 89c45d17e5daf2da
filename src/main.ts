// The composition root of the Entente server: the only place that reads the process's
// environment, picks concrete adapters and listens. Run it with `node src/main.ts` (Node 24).

import { randomBytes } from "node:crypto";
import { mkdir, rename, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { basename, dirname, join, resolve } from "node:path";
import packageJson from "../package.json" with { type: "json" };
import type { DemoAccount } from "./access/index.ts";
import { createArgon2PasswordHasher } from "./access/index.ts";
import { type ComposedConsole, composeConsole, seedExample } from "./compose.ts";
import { readEntenteFile } from "./finance/index.ts";
import {
  type ComposedIdentity,
  composeIdentity,
  DEMO_SERVICE_URL,
  type SeededIdentity,
  seedIdentityExampleOn,
} from "./identity/index.ts";
import { describeError } from "./platform/cli/report-error.ts";
import { type Config, loadConfig } from "./platform/config/load-config.ts";
import { migrateToLatest } from "./platform/db/migrate.ts";
import { type OpenDatabase, openDatabase } from "./platform/db/open-database.ts";
import type { ZodFastifyInstance } from "./platform/http/app-deps.ts";
import { API_DOCS_PATH, buildApp } from "./platform/http/build-app.ts";
import { EntenteFileError } from "./shared/entente-file-error.ts";
import { EntenteError, type Lang } from "./shared/errors.ts";

/** Exit status when the configuration is invalid (sysexits EX_CONFIG). */
const EXIT_CONFIG = 78;
/** How long in-flight requests get to finish after SIGTERM/SIGINT before the process exits. */
const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    const { text } = describeError(error, messageLanguage(process.env));
    process.stderr.write(text);
    process.exitCode = EXIT_CONFIG;
    return;
  }

  const now = () => new Date();
  let logConnectionError = (error: Error): void => {
    process.stderr.write(`database connection error: ${error.message}\n`);
  };
  let database: Awaited<ReturnType<typeof openDatabase>>;
  try {
    database = await openDatabase(
      config.database.url === undefined
        ? { kind: "pglite", dataDir: config.database.dataDir }
        : { kind: "postgres", url: config.database.url },
      { onConnectionError: (error) => logConnectionError(error) },
    );
  } catch (error) {
    // The embedded database already open in another process (db.in_use), a folder that cannot be created.
    process.stderr.write(describeError(error, messageLanguage(process.env)).text);
    process.exitCode = 1;
    return;
  }
  const composed = composeConsole(database, {
    hasher: createArgon2PasswordHasher(),
    now,
    sessionSecret: config.session.secret,
    secureCookies: config.env === "production",
  });
  let firstStart: FirstStart | null;
  try {
    // An unreachable database or a broken example file is the operator's to fix: a clear
    // message and exit status 1, never a stack trace.
    await migrateToLatest(database.db);
    firstStart = await importExampleOnFirstStart(composed, database, config, now);
  } catch (error) {
    const known =
      error instanceof Error && !(error instanceof EntenteError) && !(error instanceof EntenteFileError);
    const reported = known
      ? new EntenteError("db.unavailable", { reason: error.message }, { cause: error })
      : error;
    process.stderr.write(describeError(reported, messageLanguage(process.env)).text);
    await database.close().catch(() => undefined);
    process.exitCode = 1; // after closing: PGlite's runtime resets the exit code when it stops
    return;
  }

  // The OpenID Provider's issuer is a URL: it must be known before the server listens.
  const port = config.server.port === 0 ? await freePort(config.server.host) : config.server.port;
  const publicUrl = config.server.publicUrl ?? `http://${urlHost(config.server.host)}:${port}`;
  let logIdentityError = (error: unknown): void => {
    process.stderr.write(`identity: ${error instanceof Error ? error.message : String(error)}\n`);
  };
  let identity: ComposedIdentity;
  try {
    identity = await composeIdentity(database, {
      publicUrl,
      sessionSecret: config.session.secret,
      production: config.env === "production",
      redisUrl: config.redis.url,
      keyRefreshSeconds: config.oidc.keyRefreshSeconds,
      backchannelPrivateNetworks: config.oidc.backchannelPrivateNetworks,
      accounts: composed.access.deps.accounts,
      hasher: composed.access.deps.hasher,
      now,
      onError: (error) => logIdentityError(error),
    });
  } catch (error) {
    process.stderr.write(
      describeError(
        new EntenteError("db.unavailable", {
          reason: error instanceof Error ? error.message : String(error),
        }),
        messageLanguage(process.env),
      ).text,
    );
    await database.close().catch(() => undefined);
    process.exitCode = 1;
    return;
  }

  const app = await buildApp(
    {
      version: packageJson.version,
      now,
      registerRoutes: [...composed.registerRoutes, ...identity.registerRoutes],
      plugins: composed.plugins,
      webRoot: resolve(config.webRoot),
    },
    config,
  );
  logIdentityError = (error) => app.log.warn({ err: error }, "identity federation: background error");
  for (const warning of config.warnings) app.log.warn(warning);
  logConnectionError = (error) => {
    app.log.warn({ err: error }, "database connection lost; the next query reconnects");
  };
  stopOnSignals(app, async () => {
    await identity.close();
    await database.close();
  });

  let address: string;
  try {
    address = await app.listen({ host: config.server.host, port });
  } catch (error) {
    app.log.fatal(
      { err: error },
      `cannot listen on ${config.server.host}:${port}: check HOST and PORT (is the port already used?)`,
    );
    process.exitCode = 1;
    await app.close();
    await identity.close();
    return;
  }
  const url = config.server.publicUrl ?? address;
  app.log.info({ url, apiDocs: `${url}${API_DOCS_PATH}` }, `Entente is listening on ${url}`);
  // For the person at the terminal; standard output carries the JSON log lines.
  process.stderr.write(signInHelp(url, identity.issuer, config, firstStart));
}

/** What a person reads in the terminal after `npm start`: where to go and how to sign in. */
function signInHelp(url: string, issuer: string, config: Config, firstStart: FirstStart | null): string {
  const lines = ["", `  Entente est prête : ${url}   (API : ${url}${API_DOCS_PATH})`];
  if (firstStart !== null && firstStart.accounts.length > 0) {
    lines.push(
      `  Exemple importé : ${firstStart.file}. Comptes de démonstration (mot de passe : ${firstStart.password}) :`,
    );
    for (const account of firstStart.accounts)
      lines.push(`    ${account.email.padEnd(48)} ${account.description}`);
    lines.push("  Ce mot de passe n'est affiché qu'au premier démarrage (fixez-le avec DEMO_PASSWORD).");
  } else if (config.importExample !== undefined) {
    lines.push(
      "  Données existantes conservées ; comptes de démonstration : voir le premier démarrage ou DEMO_PASSWORD.",
    );
  }
  lines.push("", `  Fournisseur OpenID : ${issuer}/.well-known/openid-configuration`);
  // The demo service reads its client id in DATA_DIR and finds Entente at ENTENTE_URL.
  const envPrefix =
    (config.database.dataDir === "./data" ? "" : `DATA_DIR=${config.database.dataDir} `) +
    (issuer === "http://127.0.0.1:3000/oidc" ? "" : `ENTENTE_URL=${issuer.replace(/\/oidc$/, "")} `);
  if ((firstStart?.identity ?? null) !== null) {
    lines.push(
      `  Fédération d'identité : lancez ${envPrefix}npm run demo:service, ouvrez ${DEMO_SERVICE_URL}`,
      "  et connectez-vous avec un de ces comptes (chacun agit pour un membre : docs/identity.md).",
    );
  } else if (config.importExample !== undefined) {
    lines.push(`  Service de démonstration : ${envPrefix}npm run demo:service, puis ${DEMO_SERVICE_URL}`);
  }
  return `${lines.join("\n")}\n\n`;
}

interface FirstStart {
  readonly file: string;
  readonly password: string;
  readonly accounts: readonly DemoAccount[];
  /** What the first start configured in the identity federation; null on later starts. */
  readonly identity: SeededIdentity | null;
}

/**
 * On an empty database, imports the example entente, creates the demo accounts, configures the
 * identity federation for them (a local source per member, their addresses, the demo service) and
 * writes the demo service's client id to `<DATA_DIR>/demo-service.json` for `npm run demo:service`.
 */
async function importExampleOnFirstStart(
  composed: ComposedConsole,
  database: OpenDatabase,
  config: Config,
  now: () => Date,
): Promise<FirstStart | null> {
  if (config.importExample === undefined) return null;
  if ((await composed.finance.deps.ententes.listEntentes()).length > 0)
    return { file: config.importExample, password: "", accounts: [], identity: null };
  const entente = await readEntenteFile(config.importExample);
  const password = config.demoPassword ?? randomBytes(9).toString("base64url");
  const id = basename(dirname(resolve(config.importExample))).replace(/[^A-Za-z0-9._-]/g, "-") || "entente";
  const accounts = await seedExample(composed, id, entente, password);
  const identity = await seedIdentityExampleOn(database, { now }, id, entente, accounts);
  if (identity !== null) {
    const file = join(config.database.dataDir, "demo-service.json");
    await mkdir(dirname(file), { recursive: true });
    const text = `${JSON.stringify({ ententeId: id, clientId: identity.demoService.clientId }, null, 2)}\n`;
    await writeFile(`${file}.tmp`, text);
    await rename(`${file}.tmp`, file);
  }
  return { file: config.importExample, password, accounts, identity };
}

/**
 * SIGTERM or SIGINT: stop accepting connections, let in-flight requests finish, then exit.
 * A second signal, or a shutdown longer than SHUTDOWN_GRACE_MS, exits at once with status 1.
 */
function stopOnSignals(app: ZodFastifyInstance, closeDatabase: () => Promise<void>): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      app.log.warn({ signal }, "second signal: exiting without waiting");
      process.exit(1);
    }
    stopping = true;
    app.log.info({ signal }, "shutting down: finishing in-flight requests");
    setTimeout(() => {
      app.log.error(`shutdown took more than ${SHUTDOWN_GRACE_MS} ms: exiting`);
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    app
      .close()
      .then(closeDatabase)
      .then(
        () => app.log.info("stopped"),
        (error: unknown) => {
          app.log.error({ err: error }, "error while shutting down");
          process.exitCode = 1;
        },
      );
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

/** A free TCP port on `host` (PORT=0): the issuer URL needs the port before the server listens. */
async function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, host, () => {
      const address = probe.address();
      const found = typeof address === "object" && address !== null ? address.port : 0;
      probe.close(() => resolve(found));
    });
  });
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

// The composition root of the Entente server: the only place that reads the process's
// environment, picks concrete adapters and listens. Run it with `node src/main.ts` (Node 24).
import packageJson from "../package.json" with { type: "json" };
import { describeError } from "./cli/report-error.ts";
import { type Config, loadConfig } from "./config/load-config.ts";
import type { Lang } from "./domain/errors.ts";
import type { ZodFastifyInstance } from "./http/app-deps.ts";
import { API_DOCS_PATH, buildApp } from "./http/build-app.ts";

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

  const app = await buildApp(
    {
      version: packageJson.version,
      now: () => new Date(),
      // API route plugins join here as they are written (each with the use cases it needs).
      registerRoutes: [],
    },
    config,
  );
  for (const warning of config.warnings) app.log.warn(warning);
  stopOnSignals(app);

  let address: string;
  try {
    address = await app.listen({ host: config.server.host, port: config.server.port });
  } catch (error) {
    app.log.fatal(
      { err: error },
      `cannot listen on ${config.server.host}:${config.server.port}: check HOST and PORT (is the port already used?)`,
    );
    process.exitCode = 1;
    await app.close();
    return;
  }
  const url = config.server.publicUrl ?? address;
  app.log.info({ url, apiDocs: `${url}${API_DOCS_PATH}` }, `Entente is listening on ${url}`);
}

/**
 * SIGTERM or SIGINT: stop accepting connections, let in-flight requests finish, then exit.
 * A second signal, or a shutdown longer than SHUTDOWN_GRACE_MS, exits at once with status 1.
 */
function stopOnSignals(app: ZodFastifyInstance): void {
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
    app.close().then(
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

/** Language of the messages printed before the logger exists: English when the locale is. */
function messageLanguage(env: NodeJS.ProcessEnv): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return locale.toLowerCase().startsWith("en") ? "en" : "fr";
}

await main();

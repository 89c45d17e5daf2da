import type { ZodFastifyInstance } from "./app-deps.ts";

/** How long in-flight requests get to finish after SIGTERM/SIGINT before the process exits (ms). */
export const SHUTDOWN_GRACE_MS = 10_000;

/**
 * SIGTERM or SIGINT: stop accepting connections, let in-flight requests finish, run `closeRest`
 * (the identity federation, the database), then let the process end. A second signal, or a
 * shutdown longer than SHUTDOWN_GRACE_MS, exits at once with status 1. Logs `stopped` when done.
 */
export function stopOnSignals(app: ZodFastifyInstance, closeRest: () => Promise<void>): void {
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
      .then(closeRest)
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

import { relative } from "node:path";
import { signalTrackedChildren, trackedChildren } from "./child-registry.ts";

/**
 * The per-file watchdog of the test suite, loaded into every test file's process by
 * `node --test --import ./test/helpers/file-watchdog.ts` (scripts/test.sh, `npm run test:unit`).
 * The runner's `--test-timeout` bounds each test and suite but not a file's top-level hooks nor a
 * file kept alive by something left open after its last test; this bounds the whole file. When a
 * file still runs after TEST_FILE_TIMEOUT_SECONDS (default 600), the watchdog says so on standard
 * error with what keeps it alive, kills the servers and peers it started (child-registry.ts) and
 * ends it with status 1: the runner reports the file as failed and goes on with the others.
 *
 * It does nothing in the runner's own process (only test files run with NODE_TEST_CONTEXT set).
 */

/** Default limit of one test file, in seconds: the longest file takes about a third of it. */
export const DEFAULT_FILE_TIMEOUT_SECONDS = 600;

/**
 * The limit in seconds from TEST_FILE_TIMEOUT_SECONDS.
 * @throws when it is set to something else than a positive number.
 */
export function fileTimeoutSeconds(env: NodeJS.ProcessEnv): number {
  const text = env.TEST_FILE_TIMEOUT_SECONDS;
  if (text === undefined || text === "") return DEFAULT_FILE_TIMEOUT_SECONDS;
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds <= 0)
    throw new Error(`TEST_FILE_TIMEOUT_SECONDS=${JSON.stringify(text)}: expected a number of seconds > 0`);
  return seconds;
}

/** Stops the test file now: message, children killed, status 1. */
function stopOverdueFile(seconds: number): void {
  const file = relative(process.cwd(), process.argv[1] ?? "?");
  const children = trackedChildren();
  process.stderr.write(
    `\ntest file watchdog: ${file} still runs after ${seconds} s (TEST_FILE_TIMEOUT_SECONDS): stopped.\n` +
      `  open: ${process.getActiveResourcesInfo().join(", ") || "nothing"}\n` +
      `  children killed: ${children.join(", ") || "none"}\n`,
  );
  signalTrackedChildren("SIGKILL");
  process.exit(1);
}

if (process.env.NODE_TEST_CONTEXT !== undefined) {
  const seconds = fileTimeoutSeconds(process.env);
  // Unreferenced: the watchdog never keeps a finished file alive.
  setTimeout(() => stopOverdueFile(seconds), seconds * 1000).unref();
}

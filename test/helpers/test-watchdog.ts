import { relative } from "node:path";
import { signalTrackedChildren, trackedChildren } from "./child-registry.ts";

/**
 * The per-file watchdog of the test suite, loaded into every test file's process by
 * `node --test --import ./test/helpers/test-watchdog.ts` (scripts/node-test.sh). The runner's
 * `--test-timeout` bounds each test and suite, but not a file's top-level hooks nor a file kept
 * alive by something left open after its last test. When a file still runs after
 * TEST_FILE_TIMEOUT_SECONDS, the watchdog says so on standard error with what keeps the file
 * alive, kills the servers and peers the file started (child-registry.ts) and ends the file with
 * status 1: the runner reports it as failed and goes on with the others. Its timer is
 * unreferenced: it never keeps a finished file alive. (A file that blocks its own event loop is
 * the run's watchdog's: scripts/run-watchdog-reporter.ts.)
 *
 * `--import` loads it into the test files' processes only (NODE_TEST_CONTEXT is set there).
 */

/** Default limit of one test file, in seconds: the longest file takes about a third of it. */
export const DEFAULT_FILE_TIMEOUT_SECONDS = 600;

/**
 * A limit in seconds from the environment variable `name`, `fallback` when unset or empty.
 * @throws when it is set to something else than a positive number.
 */
export function secondsFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === "") return fallback;
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds <= 0)
    throw new Error(`${name}=${JSON.stringify(text)}: expected a number of seconds > 0`);
  return seconds;
}

/** Stops an overdue test file: message, its children killed, status 1. */
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
  const seconds = secondsFromEnv(process.env, "TEST_FILE_TIMEOUT_SECONDS", DEFAULT_FILE_TIMEOUT_SECONDS);
  setTimeout(() => stopOverdueFile(seconds), seconds * 1000).unref();
}

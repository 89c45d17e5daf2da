// The watchdog of a whole test run, as a reporter of `node --test` — reporters are the one part of
// a run that lives in the runner's own process, where no test runs and so nothing can block its
// timer. scripts/node-test.sh adds it:
//   node --test --test-reporter=./scripts/run-watchdog-reporter.ts --test-reporter-destination=stderr …
// When the run still goes on after TEST_RUN_TIMEOUT_SECONDS (default 2700) — a test file blocked
// in a spawnSync without a limit, where the file's own watchdog (test/helpers/test-watchdog.ts)
// cannot act — it names the files still running, kills every process under the runner by its PID
// and ends the run with status 1. It writes nothing otherwise.
import { resolve } from "node:path";
import { descendantsOf } from "../test/helpers/process-tree.ts";
import { secondsFromEnv } from "../test/helpers/test-watchdog.ts";

/** Default limit of a whole run, in seconds: about three times what the suite takes on 2 cores. */
export const DEFAULT_RUN_TIMEOUT_SECONDS = 2700;

/** The events of the runner this reporter reads. */
interface RunnerEvent {
  readonly type: string;
  readonly data?: { readonly name?: string; readonly file?: string; readonly nesting?: number };
}

/**
 * The files a run is running, from its events: with process isolation each file is a top-level
 * test named after its path, dequeued when its process starts and complete when it ends.
 */
export function createRunningFiles(cwd: string) {
  const running = new Set<string>();
  return {
    see(event: RunnerEvent): void {
      const { data } = event;
      if (data?.nesting !== 0 || data.name === undefined || data.file === undefined) return;
      if (resolve(cwd, data.name) !== data.file) return;
      if (event.type === "test:dequeue") running.add(data.name);
      if (event.type === "test:complete") running.delete(data.name);
    },
    list: (): string[] => [...running].sort(),
  };
}

/** Ends the run: what was still running, every process under the runner killed, status 1. */
function stopOverdueRun(seconds: number, files: readonly string[]): void {
  const pids = descendantsOf(process.pid);
  process.stderr.write(
    `\ntest run watchdog: the run still goes on after ${seconds} s (TEST_RUN_TIMEOUT_SECONDS): stopped.\n` +
      `  files still running: ${files.join(", ") || "none"}\n` +
      `  processes killed: ${pids.join(", ") || "none"}\n`,
  );
  for (const pid of pids) {
    try {
      process.kill(pid, "SIGKILL");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error; // ended meanwhile: nothing to do
    }
  }
  process.exit(1);
}

/** The reporter: arms the timer when the run starts, follows which files run, writes nothing. */
// biome-ignore lint/style/noDefaultExport: node --test loads a custom reporter from its module's default export
export default async function* runWatchdogReporter(
  source: AsyncIterable<RunnerEvent>,
): AsyncGenerator<string> {
  const seconds = secondsFromEnv(process.env, "TEST_RUN_TIMEOUT_SECONDS", DEFAULT_RUN_TIMEOUT_SECONDS);
  const files = createRunningFiles(process.cwd());
  // Unreferenced: the watchdog never keeps a finished run alive.
  const timer = setTimeout(() => stopOverdueRun(seconds, files.list()), seconds * 1000).unref();
  try {
    for await (const event of source) files.see(event);
  } finally {
    clearTimeout(timer);
  }
  yield* [];
}

import {
  type ChildCommand,
  type ChildExit,
  type ChildOutput,
  spawnTracked,
  type TrackedChild,
} from "./spawn-tracked.ts";

/** A server or peer a test started, ready to be used. */
export interface RunningChild {
  readonly pid: number;
  output(): ChildOutput;
  /** Its exit, null while it runs. */
  exit(): ChildExit | null;
  /**
   * SIGTERM to its process group, SIGKILL after `graceMs`; resolves once it has exited (at once
   * when it already had). Call it in `after`; a child left running is killed when the test file ends.
   */
  stop(graceMs?: number): Promise<ChildExit>;
}

/** A child that serves something once it says so. */
export interface ChildSpec<T> extends ChildCommand {
  /**
   * Reads everything it printed so far; returns what the test needs once it is ready (its URL),
   * undefined until then.
   */
  readonly ready: (output: ChildOutput) => T | undefined;
  /** How long it has to become ready (ms); then it is killed and the start fails. */
  readonly deadlineMs: number;
}

/** How long a child gets to stop after SIGTERM before SIGKILL (ms). */
export const STOP_GRACE_MS = 15_000;

/**
 * Starts a server or peer and waits until `ready` finds what the test needs in its output. When
 * it does not become ready within `deadlineMs`, exits first, or the wait fails in any way, its
 * process group is killed and the start fails with its output: no test file waits forever on a
 * server that never comes up, and none leaves one running.
 * @example
 * const { child, ready: url } = await startChild({
 *   name: "the server", command: process.execPath, args: ["src/main.ts"], deadlineMs: 90_000,
 *   ready: ({ stdout }) => /listening at (http:\S+)/.exec(stdout)?.[1],
 * });
 * after(() => child.stop());
 */
export async function startChild<T>(
  spec: ChildSpec<T>,
): Promise<{ readonly child: RunningChild; readonly ready: T }> {
  const tracked = await spawnTracked(spec);
  try {
    const ready = await waitUntilReady(tracked, spec);
    // From now on only the test's own work keeps the file alive; a child it forgets to stop
    // is killed when the file ends (child-registry.ts).
    tracked.unref();
    return { child: runningChild(tracked), ready };
  } catch (error) {
    tracked.signal("SIGKILL");
    await tracked.closed;
    throw error;
  }
}

function waitUntilReady<T>(tracked: TrackedChild, spec: ChildSpec<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      outcome();
    };
    const describe = () => describeOutput(tracked.output());
    const deadline = setTimeout(() => {
      const seconds = spec.deadlineMs / 1000;
      settle(() =>
        reject(
          new Error(
            `${spec.name} was not ready within ${seconds} s (PID ${tracked.pid}, killed)${describe()}`,
          ),
        ),
      );
    }, spec.deadlineMs);
    const check = () => {
      try {
        const found = spec.ready(tracked.output());
        if (found !== undefined) settle(() => resolve(found));
      } catch (error) {
        settle(() => reject(error));
      }
    };
    tracked.onOutput(check);
    check();
    // Once it has ended and its output is read to the end: ready after all, or ended too early.
    void tracked.closed.then((exit) => {
      check();
      settle(() =>
        reject(new Error(`${spec.name} ended (${describeExit(exit)}) before it was ready${describe()}`)),
      );
    });
  });
}

function runningChild(tracked: TrackedChild): RunningChild {
  let stopping: Promise<ChildExit> | null = null;
  return {
    pid: tracked.pid,
    output: () => tracked.output(),
    exit: () => tracked.exit(),
    stop: (graceMs = STOP_GRACE_MS) => {
      stopping ??= stopTracked(tracked, graceMs);
      return stopping;
    },
  };
}

async function stopTracked(tracked: TrackedChild, graceMs: number): Promise<ChildExit> {
  tracked.signal("SIGTERM");
  const kill = setTimeout(() => tracked.signal("SIGKILL"), graceMs);
  try {
    return await tracked.closed;
  } finally {
    clearTimeout(kill);
  }
}

/** "status 1" or "signal SIGKILL". */
export function describeExit(exit: ChildExit): string {
  return exit.signal === null ? `status ${exit.code}` : `signal ${exit.signal}`;
}

/** The output of a child for a failure message (its last 4,000 characters of each stream). */
export function describeOutput(output: ChildOutput): string {
  const tail = (text: string) => (text.length > 4000 ? `…${text.slice(-4000)}` : text);
  return `\n--- its standard output:\n${tail(output.stdout)}\n--- its standard error:\n${tail(output.stderr)}`;
}

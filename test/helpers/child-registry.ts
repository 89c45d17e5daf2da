import { readFileSync } from "node:fs";
import { constants } from "node:os";

/**
 * The children a test file started and has not stopped yet, by process group. Each one was
 * spawned as the leader of its own group (`detached`), so killing the group also stops what it
 * spawned itself. Whatever way the test file ends — its last test done, `process.exit` (the
 * watchdog of test/helpers/test-watchdog.ts, `--test-force-exit`), SIGTERM/SIGINT/SIGHUP from the
 * runner or a person — every group still here is killed with SIGKILL: no test leaves a process
 * behind.
 */
const live = new Map<number, string>();
let handlersInstalled = false;

/** Signals after which the test file stops: its children first, then itself (status 128 + n). */
const STOP_SIGNALS = ["SIGTERM", "SIGINT", "SIGHUP"] as const;

/**
 * Records a child process (the leader of its own process group) until the returned function is
 * called, once it has exited.
 * @param name how messages name it ("the server", "the upstream OIDC IdP").
 */
export function trackChild(pid: number, name: string): () => void {
  installHandlers();
  live.set(pid, name);
  return () => {
    live.delete(pid);
  };
}

/** The children still recorded, as `name (PID n)`, for messages. */
export function trackedChildren(): string[] {
  return [...live].map(([pid, name]) => `${name} (PID ${pid})`);
}

/**
 * Sends `signal` to the process group of every recorded child; synchronous, so that it can run
 * in an `exit` handler. A group already gone is skipped.
 * @returns the PIDs signalled.
 */
export function signalTrackedChildren(signal: NodeJS.Signals = "SIGKILL"): number[] {
  const signalled: number[] = [];
  for (const pid of live.keys()) {
    if (signalGroup(pid, signal)) signalled.push(pid);
  }
  return signalled;
}

/**
 * `signal` to the process group led by `pid` (every child here leads its own: `detached`).
 * @returns false when the group was already gone.
 */
export function signalGroup(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return false;
    throw error;
  }
}

/**
 * Whether `pid` still runs. A zombie (dead, not yet reaped by its parent: a grandchild whose
 * parent was killed, on a machine whose init does not reap) counts as gone.
 */
export function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // "pid (comm) S …": the state follows the last ")", the command may contain spaces or ")".
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    // No /proc (not Linux): signal 0 only tells whether the PID exists.
    try {
      process.kill(pid, 0);
      return true;
    } catch (missing) {
      if ((missing as NodeJS.ErrnoException).code === "ESRCH") return false;
      if ((missing as NodeJS.ErrnoException).code === "EPERM") return true;
      throw missing;
    }
  }
}

function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on("exit", () => {
    signalTrackedChildren("SIGKILL");
  });
  for (const signal of STOP_SIGNALS) {
    process.once(signal, () => {
      signalTrackedChildren("SIGKILL");
      process.exit(128 + constants.signals[signal]);
    });
  }
}

import { type ChildCommand, type ChildExit, type ChildOutput, spawnTracked } from "./spawn-tracked.ts";
import { describeOutput } from "./start-child.ts";

/** A command run to its end: how it ended and what it printed. */
export type ChildResult = ChildExit & ChildOutput;

/**
 * Runs a command to its end, as `spawnSync` would but without blocking the test file (its timers,
 * the watchdog and the runner's timeouts keep working). When it has not ended within
 * `deadlineMs`, its process group is killed and the run fails with its output.
 * @throws when it cannot be spawned, or does not end in time.
 */
export async function runChild(spec: ChildCommand & { readonly deadlineMs: number }): Promise<ChildResult> {
  const tracked = await spawnTracked(spec);
  let late = false;
  const deadline = setTimeout(() => {
    late = true;
    tracked.signal("SIGKILL");
  }, spec.deadlineMs);
  const exit = await tracked.closed;
  clearTimeout(deadline);
  if (late) {
    throw new Error(
      `${spec.name} did not end within ${spec.deadlineMs / 1000} s (PID ${tracked.pid}, killed)${describeOutput(tracked.output())}`,
    );
  }
  return { ...exit, ...tracked.output() };
}

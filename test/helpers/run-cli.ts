import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const LYON = `${ROOT}examples/lyon-2023/entente.yaml`;

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly stdoutBuffer: Buffer;
}

/**
 * How long one `entente` command may run in a test (ms). The run blocks the test file (spawnSync:
 * its timers, the runner's timeouts and the watchdog wait), so the limit is the child's own.
 */
export const CLI_DEADLINE_MS = 120_000;

/**
 * Runs `entente ARGS` as a user would (bin/entente.js on the pinned Node 24), in `cwd`.
 * @throws when the command has not ended within CLI_DEADLINE_MS (it is killed, with SIGKILL).
 */
export function runEntente(
  args: readonly string[],
  options: { cwd?: string; input?: string; env?: Record<string, string> } = {},
): CliResult {
  const result = spawnSync(process.execPath, [`${ROOT}bin/entente.js`, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? "",
    env: { ...process.env, NO_COLOR: "1", ...options.env },
    maxBuffer: 64 * 1024 * 1024,
    timeout: CLI_DEADLINE_MS,
    killSignal: "SIGKILL",
  });
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === "ETIMEDOUT") {
    throw new Error(
      `entente ${args.join(" ")} did not end within ${CLI_DEADLINE_MS / 1000} s (PID ${result.pid}, killed)\n${result.stderr}`,
      { cause: result.error },
    );
  }
  return {
    status: result.status,
    stdout: result.stdout.toString("utf8"),
    stderr: result.stderr.toString("utf8"),
    stdoutBuffer: result.stdout,
  };
}

/** French grouping as Intl prints it (narrow no-break space U+202F): `fr("305 797")`. */
export const fr = (text: string) => text.replace(/ /g, "\u202f");

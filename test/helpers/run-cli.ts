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

/** Runs `entente ARGS` as a user would (bin/entente.js on the pinned Node 24), in `cwd`. */
export function runEntente(
  args: readonly string[],
  options: { cwd?: string; input?: string; env?: Record<string, string> } = {},
): CliResult {
  const result = spawnSync(process.execPath, [`${ROOT}bin/entente.js`, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? "",
    env: { ...process.env, NO_COLOR: "1", ...options.env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return {
    status: result.status,
    stdout: result.stdout.toString("utf8"),
    stderr: result.stderr.toString("utf8"),
    stdoutBuffer: result.stdout,
  };
}

/** French grouping as Intl prints it (narrow no-break space U+202F): `fr("305 797")`. */
export const fr = (text: string) => text.replace(/ /g, "\u202f");

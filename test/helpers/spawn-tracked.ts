import { spawn } from "node:child_process";
import { once } from "node:events";
import type { Socket } from "node:net";
import type { Readable } from "node:stream";
import { signalGroup, trackChild } from "./child-registry.ts";

/** What a child printed so far. */
export interface ChildOutput {
  readonly stdout: string;
  readonly stderr: string;
}

/** How a child ended: its exit status, or the signal that killed it. */
export interface ChildExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** A command to run as a child of the test file. */
export interface ChildCommand {
  /** How messages name it: "the server", "the upstream OIDC IdP". */
  readonly name: string;
  readonly command: string;
  readonly args?: readonly string[];
  readonly cwd?: string;
  /** The child's whole environment (default: the test file's). */
  readonly env?: NodeJS.ProcessEnv;
  /** Written to its standard input, which is then closed (default: nothing). */
  readonly input?: string;
}

/** A child just spawned, recorded by test/helpers/child-registry.ts until it has exited. */
export interface TrackedChild {
  readonly pid: number;
  readonly name: string;
  output(): ChildOutput;
  /** Called with the output so far each time the child prints something. */
  onOutput(listener: (output: ChildOutput) => void): void;
  /** Its exit, null while it runs. */
  exit(): ChildExit | null;
  /** Resolves once it has exited and its output is read to the end. */
  readonly closed: Promise<ChildExit>;
  /** Sends `signal` to its process group (nothing when it is gone). */
  signal(signal: NodeJS.Signals): void;
  /** Lets the test file end while the child runs (the registry kills it then). */
  unref(): void;
}

/**
 * Spawns `command` as the leader of its own process group (so that stopping it stops what it
 * spawned too), collects its output and records it until it exits; whatever of its group is
 * left when it exits is killed at once.
 * @throws the spawn error when it cannot be started (command not found: ENOENT).
 */
export async function spawnTracked(spec: ChildCommand): Promise<TrackedChild> {
  const child = spawn(spec.command, [...(spec.args ?? [])], {
    cwd: spec.cwd,
    env: spec.env ?? process.env,
    stdio: [spec.input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
    detached: true,
  });
  await once(child, "spawn"); // rejects with the spawn error
  const pid = child.pid as number; // set once spawned
  // Both are piped (above), hence never null.
  const out = child.stdout as Readable;
  const err = child.stderr as Readable;
  const untrack = trackChild(pid, spec.name);
  let stdout = "";
  let stderr = "";
  let exit: ChildExit | null = null;
  const listeners: ((output: ChildOutput) => void)[] = [];
  const notify = () => {
    for (const listener of listeners) listener({ stdout, stderr });
  };
  out.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
    notify();
  });
  err.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
    notify();
  });
  // A child that exits without reading its input: EPIPE is that, not a failure of the test.
  child.stdin?.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") stderr += `\n[${spec.name}: its standard input: ${error.message}]\n`;
  });
  child.stdin?.end(spec.input);
  // After the spawn, errors come from signalling it: shown in its output, where a failure message quotes it.
  child.on("error", (error) => {
    stderr += `\n[${spec.name}: ${error.message}]\n`;
  });
  child.once("exit", (code, signal) => {
    exit = { code, signal };
    signalGroup(pid, "SIGKILL"); // what it spawned and left behind
    untrack();
    notify();
  });
  const closed = new Promise<ChildExit>((resolve) => {
    child.once("close", (code: number | null, signal: NodeJS.Signals | null) => resolve({ code, signal }));
  });
  return {
    pid,
    name: spec.name,
    output: () => ({ stdout, stderr }),
    onOutput: (listener) => {
      listeners.push(listener);
    },
    exit: () => exit,
    closed,
    signal: (signal) => {
      if (exit === null) signalGroup(pid, signal);
    },
    unref: () => {
      child.unref();
      // Its pipes are sockets (Readable is their declared type): unreferenced, they keep nothing alive either.
      (out as unknown as Socket).unref();
      (err as unknown as Socket).unref();
    },
  };
}

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { idleChild, idlePidsIn } from "../fixtures/child-process/idle-child-spec.ts";
import { runFixtureFile } from "../fixtures/child-process/run-fixture-file.ts";
import { isRunning } from "./child-registry.ts";
import { runChild } from "./run-child.ts";
import { startChild } from "./start-child.ts";

/**
 * The guard of every server and peer the tests start (start-child.ts, run-child.ts,
 * child-registry.ts): each test here fails if a process is left running or a wait never ends.
 */

const FIXTURES = fileURLToPath(new URL("../fixtures/child-process/", import.meta.url));

/** Whether `pid` is gone within `ms` (a killed grandchild is reaped by init, not at once). */
async function goneWithin(pid: number, ms = 5000): Promise<boolean> {
  const end = Date.now() + ms;
  while (isRunning(pid)) {
    if (Date.now() > end) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

describe("startChild: a server that does not come up is killed", { timeout: 120_000 }, () => {
  it("never ready: killed at the deadline with what it printed, its own children too", async () => {
    let message = "";
    await assert.rejects(
      startChild(idleChild({ ready: false, grandchild: true, deadlineMs: 1500 })),
      (error) => {
        message = String(error);
        return /the idle child was not ready within 1\.5 s \(PID \d+, killed\)/.test(message);
      },
    );
    const pids = idlePidsIn(message);
    assert.ok(pids?.grandchild, message);
    assert.ok(await goneWithin(pids.pid), `PID ${pids.pid} still runs`);
    assert.ok(await goneWithin(pids.grandchild), `its child, PID ${pids.grandchild}, still runs`);
  });

  it("ends before it is ready: the start fails with its status and output", async () => {
    await assert.rejects(
      startChild({
        name: "the broken server",
        command: process.execPath,
        args: ["-e", "console.error('port already used'); process.exit(3)"],
        deadlineMs: 30_000,
        ready: () => undefined,
      }),
      /the broken server ended \(status 3\) before it was ready[\s\S]*port already used/,
    );
  });

  it("a readiness check that throws: the start fails with that error and the child is killed", async () => {
    let pid = 0;
    await assert.rejects(
      startChild({
        ...idleChild({ ready: true }),
        ready: ({ stdout }) => {
          pid = idlePidsIn(stdout)?.pid ?? 0;
          if (pid !== 0) throw new Error("unexpected first line");
          return undefined;
        },
      }),
      /unexpected first line/,
    );
    assert.ok(pid > 0 && (await goneWithin(pid)), `PID ${pid} still runs`);
  });

  it("a command that does not exist: the spawn error", async () => {
    await assert.rejects(
      startChild({ name: "nothing", command: "/nonexistent/server", deadlineMs: 1000, ready: () => true }),
      /ENOENT/,
    );
  });
});

describe("startChild and stop: every path ends with the process gone", { timeout: 120_000 }, () => {
  it("ready: gives what the check found; stop() ends it and its own children", async () => {
    const { child, ready } = await startChild(idleChild({ ready: true, grandchild: true }));
    assert.equal(ready.pid, child.pid);
    assert.ok(ready.grandchild !== null && isRunning(ready.grandchild));
    const exit = await child.stop();
    assert.deepEqual(exit, { code: null, signal: "SIGTERM" });
    assert.ok(await goneWithin(child.pid));
    assert.ok(await goneWithin(ready.grandchild), `its child, PID ${ready.grandchild}, still runs`);
    assert.deepEqual(await child.stop(), exit, "stop() again answers the same exit");
  });

  it("a child that ignores SIGTERM is killed after the grace period", async () => {
    const { child } = await startChild({
      name: "the stubborn server",
      command: process.execPath,
      args: ["-e", "process.on('SIGTERM', () => {}); console.log('ready'); setInterval(() => {}, 1000)"],
      deadlineMs: 30_000,
      ready: ({ stdout }) => (stdout.includes("ready") ? true : undefined),
    });
    assert.deepEqual(await child.stop(500), { code: null, signal: "SIGKILL" });
    assert.ok(await goneWithin(child.pid));
  });

  it("a `before` that throws after starting a server: the file ends and the server is gone", async () => {
    const run = await runFixtureFile("throwing-before.fixture.ts");
    const pid = Number(readFileSync(run.pidFile, "utf8"));
    assert.equal(run.code, 1, run.stdout);
    assert.match(run.stdout, /the set-up fails after starting the server/);
    assert.ok(await goneWithin(pid), `the server, PID ${pid}, still runs`);
  });

  it("a server the test forgets to stop: the file still ends, and the server with it", async () => {
    const run = await runFixtureFile("forgotten-child.fixture.ts");
    const pid = Number(readFileSync(run.pidFile, "utf8"));
    assert.equal(run.code, 0, run.stdout);
    assert.ok(await goneWithin(pid), `the server, PID ${pid}, still runs`);
  });

  it("SIGTERM to a test file's process: its children are killed, then it ends with status 143", async () => {
    const { child, ready } = await startChild({
      name: "holds-child.ts",
      command: process.execPath,
      args: [join(FIXTURES, "holds-child.ts")],
      deadlineMs: 30_000,
      ready: ({ stdout }) => {
        const line = stdout.split("\n").find((l) => l.startsWith('{"child"'));
        return line === undefined ? undefined : (JSON.parse(line) as { child: number });
      },
    });
    assert.ok(isRunning(ready.child));
    assert.deepEqual(await child.stop(), { code: 143, signal: null });
    assert.ok(await goneWithin(ready.child), `its child, PID ${ready.child}, still runs`);
  });
});

describe("runChild: a command run to its end", { timeout: 60_000 }, () => {
  it("answers its status and output", async () => {
    const result = await runChild({
      name: "echo",
      command: process.execPath,
      args: ["-e", "process.stdin.pipe(process.stdout); process.stdin.on('end', () => process.exit(2))"],
      input: "bonjour",
      deadlineMs: 30_000,
    });
    assert.deepEqual(result, { code: 2, signal: null, stdout: "bonjour", stderr: "" });
  });

  it("does not end in time: killed, and the run fails with what it printed", async () => {
    let message = "";
    await assert.rejects(runChild({ ...idleChild(), deadlineMs: 1000 }), (error) => {
      message = String(error);
      return /the idle child did not end within 1 s \(PID \d+, killed\)/.test(message);
    });
    const pids = idlePidsIn(message);
    assert.ok(pids !== undefined && (await goneWithin(pids.pid)), message);
  });
});

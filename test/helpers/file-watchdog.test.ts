import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { isRunning } from "./child-registry.ts";
import { DEFAULT_FILE_TIMEOUT_SECONDS, fileTimeoutSeconds } from "./file-watchdog.ts";
import { runChild } from "./run-child.ts";

const WATCHDOG = fileURLToPath(new URL("./file-watchdog.ts", import.meta.url));
const HANGING = fileURLToPath(
  new URL("../fixtures/child-process/hanging-before.fixture.ts", import.meta.url),
);

describe("the per-file watchdog (file-watchdog.ts)", { timeout: 120_000 }, () => {
  it("fails a file that runs too long, and kills the server it started", async () => {
    const pidFile = join(mkdtempSync(join(tmpdir(), "entente-watchdog-")), "pid");
    const { NODE_TEST_CONTEXT: _runner, ...env } = process.env;
    const started = Date.now();
    // Without the watchdog the nested run never ends: runChild kills it at 60 s and this test fails.
    const run = await runChild({
      name: "node --test with the watchdog",
      command: process.execPath,
      args: ["--test", "--test-reporter=spec", "--import", WATCHDOG, HANGING],
      env: { ...env, TEST_FILE_TIMEOUT_SECONDS: "2", CHILD_PID_FILE: pidFile },
      deadlineMs: 60_000,
    });
    const output = `${run.stdout}${run.stderr}`;
    assert.equal(run.code, 1, output);
    assert.match(output, /test file watchdog: .*hanging-before\.fixture\.ts still runs after 2 s/);
    assert.match(output, /children killed: the idle child \(PID \d+\)/);
    assert.ok(Date.now() - started < 30_000, "ended soon after its limit");
    const pid = Number(readFileSync(pidFile, "utf8"));
    assert.equal(isRunning(pid), false, `the server, PID ${pid}, still runs`);
  });

  it("reads its limit from TEST_FILE_TIMEOUT_SECONDS", () => {
    assert.equal(fileTimeoutSeconds({}), DEFAULT_FILE_TIMEOUT_SECONDS);
    assert.equal(fileTimeoutSeconds({ TEST_FILE_TIMEOUT_SECONDS: "" }), DEFAULT_FILE_TIMEOUT_SECONDS);
    assert.equal(fileTimeoutSeconds({ TEST_FILE_TIMEOUT_SECONDS: "90" }), 90);
    assert.throws(
      () => fileTimeoutSeconds({ TEST_FILE_TIMEOUT_SECONDS: "ten" }),
      /expected a number of seconds/,
    );
    assert.throws(
      () => fileTimeoutSeconds({ TEST_FILE_TIMEOUT_SECONDS: "0" }),
      /expected a number of seconds/,
    );
  });
});

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { createRunningFiles, DEFAULT_RUN_TIMEOUT_SECONDS } from "../../scripts/run-watchdog-reporter.ts";
import { idlePidsIn } from "../fixtures/child-process/idle-child-spec.ts";
import { runFixtureFile } from "../fixtures/child-process/run-fixture-file.ts";
import { isRunning } from "../helpers/child-registry.ts";
import { secondsFromEnv } from "../helpers/test-watchdog.ts";

const REPORTER = fileURLToPath(new URL("../../scripts/run-watchdog-reporter.ts", import.meta.url));

describe("the run's watchdog (scripts/run-watchdog-reporter.ts)", { timeout: 120_000 }, () => {
  it("stops a run whose file blocks its own event loop, and every process under the runner", async () => {
    const run = await runFixtureFile("blocked-loop.fixture.ts", {
      flags: [`--test-reporter=${REPORTER}`, "--test-reporter-destination=stderr"],
      env: { TEST_RUN_TIMEOUT_SECONDS: "3" },
    });
    assert.equal(run.code, 1, run.output);
    assert.match(run.output, /test run watchdog: the run still goes on after 3 s/);
    assert.match(run.output, /files still running: .*blocked-loop\.fixture\.ts/);
    assert.match(run.output, /processes killed: \d+, \d+/);
    assert.ok(run.seconds < 30, `ended ${run.seconds} s after its start`);
    const pids = idlePidsIn(readFileSync(run.pidFile, "utf8"));
    assert.ok(pids !== undefined, "the blocked file's child wrote its PID");
    assert.equal(isRunning(pids.pid), false, `the blocked file's child, PID ${pids.pid}, still runs`);
  });

  it("follows which files run from the runner's events", () => {
    const files = createRunningFiles("/repo");
    const file = (type: string, name: string) => ({
      type,
      data: { name, file: `/repo/${name}`, nesting: 0 },
    });
    files.see(file("test:dequeue", "test/a.test.ts"));
    files.see(file("test:dequeue", "test/b.test.ts"));
    files.see({ type: "test:dequeue", data: { name: "a test", file: "/repo/test/a.test.ts", nesting: 0 } });
    files.see(file("test:complete", "test/a.test.ts"));
    assert.deepEqual(files.list(), ["test/b.test.ts"]);
  });

  it("reads its limit from TEST_RUN_TIMEOUT_SECONDS (2700 s by default)", () => {
    assert.equal(secondsFromEnv({}, "TEST_RUN_TIMEOUT_SECONDS", DEFAULT_RUN_TIMEOUT_SECONDS), 2700);
  });
});

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { runFixtureFile, WATCHDOG_IMPORT } from "../fixtures/child-process/run-fixture-file.ts";
import { isRunning } from "./child-registry.ts";
import { DEFAULT_FILE_TIMEOUT_SECONDS, secondsFromEnv } from "./test-watchdog.ts";

describe("the per-file watchdog (test-watchdog.ts)", { timeout: 150_000 }, () => {
  it("fails a file that runs too long, and kills the server it started", async () => {
    const run = await runFixtureFile("hanging-before.fixture.ts", {
      flags: WATCHDOG_IMPORT,
      env: { TEST_FILE_TIMEOUT_SECONDS: "2" },
    });
    assert.equal(run.code, 1, run.output);
    assert.match(run.output, /test file watchdog: .*hanging-before\.fixture\.ts still runs after 2 s/);
    assert.match(run.output, /children killed: the idle child \(PID \d+\)/);
    assert.ok(run.seconds < 30, `ended ${run.seconds} s after its start`);
    const pid = Number(readFileSync(run.pidFile, "utf8"));
    assert.equal(isRunning(pid), false, `the server, PID ${pid}, still runs`);
  });

  it("reads its limits from the environment", () => {
    const file = (env: NodeJS.ProcessEnv) =>
      secondsFromEnv(env, "TEST_FILE_TIMEOUT_SECONDS", DEFAULT_FILE_TIMEOUT_SECONDS);
    assert.equal(file({}), 600);
    assert.equal(file({ TEST_FILE_TIMEOUT_SECONDS: "" }), 600);
    assert.equal(file({ TEST_FILE_TIMEOUT_SECONDS: "90" }), 90);
    assert.throws(
      () => file({ TEST_FILE_TIMEOUT_SECONDS: "ten" }),
      /TEST_FILE_TIMEOUT_SECONDS="ten": expected/,
    );
    assert.throws(() => file({ TEST_FILE_TIMEOUT_SECONDS: "0" }), /expected a number of seconds > 0/);
  });
});

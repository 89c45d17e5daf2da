import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { runChild } from "./helpers/run-child.ts";
import { ROOT } from "./helpers/run-cli.ts";
import { type RunningChild, startChild } from "./helpers/start-child.ts";

/**
 * The composition root as an operator runs it: `node src/main.ts` with an environment. The one
 * suite that listens (on a free port of 127.0.0.1): the HTTP behaviour itself is tested with
 * `app.inject()` beside the code. Every server started here is stopped by its PID, whatever
 * happens (test/helpers/start-child.ts).
 */

const MAIN = `${ROOT}src/main.ts`;
const BASE_ENV = {
  PATH: process.env.PATH ?? "",
  NODE_ENV: "test",
  HOST: "127.0.0.1",
  PORT: "0",
  DATA_DIR: mkdtempSync(join(tmpdir(), "entente-main-")),
};
/** How long the server has to start, and a run that fails to start has to end, on a loaded machine. */
const START_DEADLINE_MS = 90_000;

/** The JSON log lines the server wrote so far (complete lines only: a chunk may end in one). */
const logsIn = (stdout: string) =>
  stdout
    .split("\n")
    .slice(0, -1)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
const listening = (entry: Record<string, unknown>) => String(entry.msg).startsWith("Entente is listening on");

/** `node src/main.ts` with `env` (added to BASE_ENV), run to its end. */
const runMain = (env: Record<string, string>) =>
  runChild({
    name: "node src/main.ts",
    command: process.execPath,
    args: [MAIN],
    cwd: ROOT,
    env: { ...BASE_ENV, ...env },
    deadlineMs: START_DEADLINE_MS,
  });

describe("src/main.ts", () => {
  let server: RunningChild | undefined;
  after(() => server?.stop());

  it("listens, logs its URL, answers, and stops cleanly on SIGTERM", { timeout: 120_000 }, async () => {
    const started = await startChild({
      name: "node src/main.ts",
      command: process.execPath,
      args: [MAIN],
      cwd: ROOT,
      env: BASE_ENV,
      deadlineMs: START_DEADLINE_MS,
      // Wait for the line that gives the URL.
      ready: ({ stdout }) => (logsIn(stdout).some(listening) ? logsIn(stdout) : undefined),
    });
    server = started.child;
    const lines = started.ready;
    const url = lines.find(listening)?.url;
    assert.ok(typeof url === "string", `no "listening" line in ${JSON.stringify(lines)}`);
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.ok(
      lines.some((entry) => entry.level === 40 && /SESSION_SECRET is not set/.test(String(entry.msg))),
      "warns that the session secret was generated",
    );

    const health = await fetch(`${url}/api/health`);
    assert.equal(health.status, 200);
    const body = (await health.json()) as { status: string; version: string };
    assert.equal(body.status, "ok");
    assert.match(body.version, /^\d+\.\d+\.\d+/);

    const { code } = await server.stop(); // SIGTERM first
    assert.equal(code, 0);
    const { stdout } = server.output();
    assert.ok(
      logsIn(stdout).some((entry) => entry.msg === "stopped"),
      stdout,
    );
  });

  it("an unreachable database or a broken example file: a clear message, exit status 1, no stack trace", {
    timeout: 2 * START_DEADLINE_MS + 10_000,
  }, async () => {
    const down = await runMain({ DATABASE_URL: "postgres://postgres@127.0.0.1:1/none" });
    assert.equal(down.code, 1);
    assert.match(down.stderr, /erreur db\.unavailable: base de données injoignable/);
    assert.doesNotMatch(down.stderr, /\n\s+at /);
    const example = join(mkdtempSync(join(tmpdir(), "entente-bad-")), "entente.yaml");
    writeFileSync(example, "entente: [\n");
    const broken = await runMain({
      DATA_DIR: mkdtempSync(join(tmpdir(), "entente-main-")),
      IMPORT_EXAMPLE: example,
    });
    assert.equal(broken.code, 1);
    assert.match(broken.stderr, /entente\.yaml:2:1: erreur file\.invalid_yaml/);
  });

  it("refuses to start with a bad environment: every problem on stderr, exit status 78", {
    timeout: START_DEADLINE_MS + 10_000,
  }, async () => {
    const result = await runMain({
      NODE_ENV: "production",
      PORT: "http",
      DATABASE_URL: "mysql://root:hunter2@db/x",
    });
    assert.equal(result.code, 78);
    assert.equal(result.stdout, "");
    assert.match(result.stderr, /^erreur config\.invalid: configuration invalide, 3 variable\(s\)/);
    assert.match(result.stderr, /PORT="http"/);
    assert.match(result.stderr, /DATABASE_URL: expected a postgres/);
    assert.match(result.stderr, /SESSION_SECRET: required when NODE_ENV=production/);
    assert.doesNotMatch(result.stderr, /hunter2/);
  });
});

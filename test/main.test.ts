import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { ROOT } from "./helpers/run-cli.ts";

/**
 * The composition root as an operator runs it: `node src/main.ts` with an environment. The one
 * suite that listens (on a free port of 127.0.0.1): the HTTP behaviour itself is tested with
 * `app.inject()` beside the code.
 */

const MAIN = `${ROOT}src/main.ts`;
const BASE_ENV = {
  PATH: process.env.PATH ?? "",
  NODE_ENV: "test",
  HOST: "127.0.0.1",
  PORT: "0",
  DATA_DIR: mkdtempSync(join(tmpdir(), "entente-main-")),
};

describe("src/main.ts", () => {
  it("listens, logs its URL, answers, and stops cleanly on SIGTERM", { timeout: 60_000 }, async () => {
    const child = spawn(process.execPath, [MAIN], {
      cwd: ROOT,
      env: BASE_ENV,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const exited = once(child, "exit");
    let stdout = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    // Complete lines only: a chunk may end in the middle of one.
    const logs = () =>
      stdout
        .split("\n")
        .slice(0, -1)
        .map((line) => JSON.parse(line) as Record<string, unknown>);
    const listening = (entry: Record<string, unknown>) =>
      String(entry.msg).startsWith("Entente is listening on");
    // Wait for the line that gives the URL (or for the process to end without it).
    await Promise.race([
      exited,
      new Promise<void>((resolve) => {
        const check = () => {
          if (logs().some(listening)) {
            child.stdout.off("data", check);
            resolve();
          }
        };
        child.stdout.on("data", check);
      }),
    ]);
    const lines = logs();
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

    child.kill("SIGTERM");
    const [code] = await exited;
    assert.equal(code, 0);
    assert.ok(
      logs().some((entry) => entry.msg === "stopped"),
      stdout,
    );
  });

  it("an unreachable database or a broken example file: a clear message, exit status 1, no stack trace", {
    timeout: 150_000,
  }, () => {
    const run = (env: Record<string, string>) =>
      spawnSync(process.execPath, [MAIN], {
        cwd: ROOT,
        env: { ...BASE_ENV, ...env },
        encoding: "utf8",
        timeout: 60_000,
      });
    const down = run({ DATABASE_URL: "postgres://postgres@127.0.0.1:1/none" });
    assert.equal(down.status, 1);
    assert.match(down.stderr, /erreur db\.unavailable: base de données injoignable/);
    assert.doesNotMatch(down.stderr, /\n\s+at /);
    const example = join(mkdtempSync(join(tmpdir(), "entente-bad-")), "entente.yaml");
    writeFileSync(example, "entente: [\n");
    const broken = run({ DATA_DIR: mkdtempSync(join(tmpdir(), "entente-main-")), IMPORT_EXAMPLE: example });
    assert.equal(broken.status, 1);
    assert.match(broken.stderr, /entente\.yaml:2:1: erreur file\.invalid_yaml/);
  });

  it("refuses to start with a bad environment: every problem on stderr, exit status 78", () => {
    const result = spawnSync(process.execPath, [MAIN], {
      cwd: ROOT,
      env: { ...BASE_ENV, NODE_ENV: "production", PORT: "http", DATABASE_URL: "mysql://root:hunter2@db/x" },
      encoding: "utf8",
      timeout: 60_000,
    });
    assert.equal(result.status, 78);
    assert.equal(result.stdout, "");
    assert.match(result.stderr, /^erreur config\.invalid: configuration invalide, 3 variable\(s\)/);
    assert.match(result.stderr, /PORT="http"/);
    assert.match(result.stderr, /DATABASE_URL: expected a postgres/);
    assert.match(result.stderr, /SESSION_SECRET: required when NODE_ENV=production/);
    assert.doesNotMatch(result.stderr, /hunter2/);
  });
});

import assert from "node:assert/strict";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { DATA_DIR_LOCK, openDatabase } from "../../src/platform/db/open-database.ts";
import { runEntente } from "../helpers/run-cli.ts";

describe("the embedded database belongs to one process", () => {
  it("the CLI refuses a PGlite folder the server holds (db.in_use), and works once it is released", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "entente-lock-"));
    const held = await openDatabase({ kind: "pglite", dataDir });
    assert.ok(existsSync(join(dataDir, DATA_DIR_LOCK)));
    const refused = runEntente(["service", "list", "--entente", "lyon-2023"], { env: { DATA_DIR: dataDir } });
    assert.equal(refused.status, 1, refused.stderr);
    assert.match(refused.stderr, /db\.in_use/);
    assert.match(refused.stderr, new RegExp(`PID ${process.pid}`));
    assert.doesNotMatch(refused.stderr, /\n\s+at /, "no stack trace");
    await held.close();
    assert.equal(existsSync(join(dataDir, DATA_DIR_LOCK)), false, "the lock goes with the database");
    const after = runEntente(["service", "list", "--entente", "lyon-2023"], { env: { DATA_DIR: dataDir } });
    assert.doesNotMatch(after.stderr, /db\.in_use/);
  });

  it("a lock left by a process that is gone (a crash) is taken over", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "entente-lock-"));
    const { writeFileSync } = await import("node:fs");
    writeFileSync(join(dataDir, DATA_DIR_LOCK), "2147483646\n"); // no such process
    const database = await openDatabase({ kind: "pglite", dataDir });
    await database.close();
  });
});

import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { seedPgliteDataDir } from "../helpers/pglite-template.ts";
import { LYON, runEntente } from "../helpers/run-cli.ts";

describe("entente provisioning … --entente (the server's database, PGlite in DATA_DIR)", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "entente-provisioning-cli-"));
  const env = { DATA_DIR: dataDir, NODE_ENV: "test" };
  // The database starts migrated (test/helpers/pglite-template.ts): the commands are what is tested.
  before(() => seedPgliteDataDir(dataDir));
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it("says that an unknown entente does not exist (catalogued, exit 1) rather than zero counts", () => {
    for (const args of [
      ["provisioning", "deliveries", "--entente", "nowhere"],
      ["provisioning", "connector", "list", "--entente", "nowhere"],
      ["provisioning", "replay", "1", "--entente", "nowhere"],
    ]) {
      const unknown = runEntente(args, { env });
      assert.equal(unknown.status, 1, unknown.stderr);
      assert.match(unknown.stderr, /entente\.not_found: aucune entente « nowhere »/);
      assert.equal(unknown.stdout, "");
    }
  });

  it("counts the deliveries of an imported entente", () => {
    assert.equal(runEntente(["import", LYON], { env }).status, 0);
    const listed = runEntente(["provisioning", "deliveries", "--entente", "lyon-2023"], { env });
    assert.equal(listed.status, 0, listed.stderr);
    assert.equal(listed.stdout, "pending 0  failed 0  done 0\n");
  });

  it("sets a member's retention period and shows it with the scheduled erasures; a wrong period is named", () => {
    const set = runEntente(
      ["provisioning", "retention", "--entente", "lyon-2023", "--member", "ville-lyon", "--days", "14"],
      { env },
    );
    assert.equal(set.status, 0, set.stderr);
    const wrong = runEntente(
      ["provisioning", "retention", "--entente", "lyon-2023", "--member", "ville-lyon", "--days", "0"],
      { env },
    );
    assert.equal(wrong.status, 1);
    assert.match(wrong.stderr, /provisioning\.retention_invalid/);
    const shown = runEntente(
      ["provisioning", "erasures", "--entente", "lyon-2023", "--member", "ville-lyon"],
      {
        env,
      },
    );
    assert.equal(shown.status, 0, shown.stderr);
    assert.equal(shown.stdout, "retention 14 days\n");
  });

  it("runs a connector's resync as a job with progress lines; --stop needs a running one; --resume runs the failed one again", () => {
    const added = runEntente(
      [
        "provisioning",
        "connector",
        "add",
        "--entente",
        "lyon-2023",
        "--kind",
        "scim",
        "--label",
        "Down",
        "--settings",
        '{"baseUrl": "http://127.0.0.1:9/scim/v2"}',
      ],
      { env },
    );
    assert.equal(added.status, 0, added.stderr);
    const connector = added.stdout.trim();
    const args = ["provisioning", "resync", "--entente", "lyon-2023", "--connector", connector];
    const first = runEntente(args, { env });
    assert.equal(first.status, 0, first.stderr);
    assert.match(
      first.stdout,
      /^\S+ {2}failed {2}compared 0\/0 \(100 %\) {2}created 0 {2}updated 0 {2}disabled 0 {2}errors 1 {2}.*Down.*\n$/,
    );
    const stop = runEntente([...args, "--stop"], { env });
    assert.equal(stop.status, 1);
    assert.match(stop.stderr, /provisioning\.resync_not_found/);
    const again = runEntente([...args, "--resume"], { env });
    assert.equal(again.status, 0, again.stderr);
    const lines = again.stdout.trim().split("\n");
    assert.match(lines[0] ?? "", /running/, "resumed");
    assert.match(lines.at(-1) ?? "", /failed .*errors 2/);
  });
});

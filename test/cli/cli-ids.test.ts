import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { seedPgliteDataDir } from "../helpers/pglite-template.ts";
import { LYON, runEntente } from "../helpers/run-cli.ts";

/**
 * Fresh-user findings, item 2: the command line creates no entente nor account that the API
 * refuses — the same rules (shared/identifiers.ts), a usage error (exit 2) naming the option.
 */
describe("entente import --id / account create: the API's rules", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "entente-cli-ids-"));
  const env = { DATA_DIR: dataDir, NODE_ENV: "test", ENTENTE_LANG: "fr" };
  // The database starts migrated (test/helpers/pglite-template.ts): the commands are what is tested.
  before(() => seedPgliteDataDir(dataDir));

  for (const [name, id] of [
    ["a path", "../bad id"],
    ["empty", ""],
    ["an accent", "é"],
    ["300 characters", "a".repeat(300)],
    ["a leading dot", ".cache"],
  ] as const)
    it(`refuses --id ${name}: exit 2, the rule named, nothing imported`, () => {
      const result = runEntente(["import", LYON, "--id", id], { env });
      assert.equal(result.status, 2, result.stderr + result.stdout);
      assert.match(result.stderr, /cli\.bad_option/);
      assert.match(result.stderr, /--id/);
      assert.match(result.stderr, /1 (à|to) 100/);
      assert.doesNotMatch(result.stdout, /import/);
    });

  it("an id of 100 characters is imported; an account needs an e-mail address (exit 2), a good one is created", () => {
    const long = "l".repeat(100);
    const imported = runEntente(["import", LYON, "--id", long], { env });
    assert.equal(imported.status, 0, imported.stderr);
    const account = (email: string) =>
      runEntente(["account", "create", email, "--role", "reader", "--entente", long], {
        env,
        input: "une phrase de passe solide\n",
      });
    for (const bad of ["not-an-email", "a b@c.fr"]) {
      const refused = account(bad);
      assert.equal(refused.status, 2, `${bad}: ${refused.stderr}`);
      assert.match(refused.stderr, /cli\.bad_option.*EMAIL/s);
    }
    const created = account("lecteur@ville.fr");
    assert.equal(created.status, 0, created.stderr);
  });
});

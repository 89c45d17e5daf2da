import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { createArgon2PasswordHasher } from "../../src/access/crypto/argon2-password-hasher.ts";
import { createAccountStore } from "../../src/access/db/account-store.ts";
import { createEntenteStore } from "../../src/finance/db/entente-store.ts";
import { computeBudgetReport } from "../../src/finance/domain/compute-budget-report.ts";
import { openDatabase } from "../../src/platform/db/open-database.ts";
import { seedPgliteDataDir } from "../helpers/pglite-template.ts";
import { LYON, runEntente } from "../helpers/run-cli.ts";

describe("entente import / account create (the server's database, PGlite in DATA_DIR)", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "entente-admin-"));
  const env = { DATA_DIR: dataDir, NODE_ENV: "test" };
  // The database starts migrated (test/helpers/pglite-template.ts): the commands are what is tested.
  before(() => seedPgliteDataDir(dataDir));

  it("imports an entente file into the database, once", () => {
    const first = runEntente(["import", LYON], { env });
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /entente « lyon-2023 » importée : 3 membres, exercices 2022, 2023/);
    const again = runEntente(["import", LYON], { env });
    assert.equal(again.status, 1);
    assert.match(again.stderr, /entente\.already_exists/);
  });

  it("creates an account with an argon2id hash; the password comes from standard input", async () => {
    const ok = runEntente(
      [
        "account",
        "create",
        "Marie@Ville.fr",
        "--role",
        "finance",
        "--entente",
        "lyon-2023",
        "--member",
        "ville-lyon",
      ],
      { env, input: "une phrase de passe solide\n" },
    );
    assert.equal(ok.status, 0, ok.stderr);
    const short = runEntente(
      ["account", "create", "x@ville.fr", "--role", "reader", "--entente", "lyon-2023"],
      { env, input: "court\n" },
    );
    assert.equal(short.status, 2);
    const unknownMember = runEntente(
      ["account", "create", "y@ville.fr", "--role", "finance", "--entente", "lyon-2023", "--member", "paris"],
      { env, input: "une phrase de passe solide\n" },
    );
    assert.equal(unknownMember.status, 1);
    assert.match(unknownMember.stderr, /membre « paris » : aucune définition ne porte cet identifiant/);

    const database = await openDatabase({ kind: "pglite", dataDir });
    try {
      const account = await createAccountStore(database.db).findByEmail("marie@ville.fr");
      assert.ok(account);
      assert.deepEqual(
        [account.role, account.ententeId, account.memberId],
        ["finance", "lyon-2023", "ville-lyon"],
      );
      assert.match(account.passwordHash, /^\$argon2id\$/);
      assert.equal(
        await createArgon2PasswordHasher().verify(account.passwordHash, "une phrase de passe solide"),
        true,
      );
      assert.equal((await createEntenteStore(database.db).listEntentes()).length, 1);
      assert.equal(await createAccountStore(database.db).findByEmail("x@ville.fr"), null);
    } finally {
      await database.close();
    }
  });

  it("opens exercise 2024 from 2023 (entente exercise open), once; 2023 never moves", async () => {
    const badYear = runEntente(["exercise", "open", "lyon-2023", "--from", "23"], { env });
    assert.equal(badYear.status, 2, badYear.stderr);
    assert.match(badYear.stderr, /option --from : année sur 4 chiffres attendue, reçu « 23 »/);
    const opened = runEntente(
      ["exercise", "open", "lyon-2023", "--from", "2023", "--carry-over-investissement", "350000"],
      { env },
    );
    assert.equal(opened.status, 0, opened.stderr);
    assert.match(opened.stdout, /exercice 2024 ouvert depuis 2023 \(brouillon, /);
    const again = runEntente(["exercise", "open", "lyon-2023", "--from", "2023"], { env });
    assert.equal(again.status, 1);
    assert.match(again.stderr, /exercise\.already_exists/);
    const unknown = runEntente(["exercise", "open", "paris", "--from", "2023"], { env });
    assert.equal(unknown.status, 1);
    assert.match(unknown.stderr, /entente\.not_found/);
    const database = await openDatabase({ kind: "pglite", dataDir });
    try {
      const entente = await createEntenteStore(database.db).loadEntente("lyon-2023");
      assert.deepEqual(
        entente.exercises.map((e) => [e.year, e.calledIn]),
        [
          [2022, 2023],
          [2023, 2023],
          [2024, 2024],
        ],
      );
      assert.deepEqual(
        computeBudgetReport(entente, 2023).fundCalls.map((c) => c.total),
        [305_797_00n, 217_051_00n, 116_328_00n],
      );
      // 2024: 2023's lines, 2023's investment result instead of the 2022 carry-over; balanced.
      assert.deepEqual(
        computeBudgetReport(entente, 2024).fundCalls.map((c) => c.total),
        [288_413_00n, 166_518_00n, 89_245_00n],
      );
    } finally {
      await database.close();
    }
  });
});

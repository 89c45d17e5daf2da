import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { createArgon2PasswordHasher } from "../../src/access/crypto/argon2-password-hasher.ts";
import { createAccountStore } from "../../src/access/db/account-store.ts";
import { createEntenteStore } from "../../src/finance/db/entente-store.ts";
import { openDatabase } from "../../src/platform/db/open-database.ts";
import { LYON, runEntente } from "../helpers/run-cli.ts";

describe("entente import / account create (the server's database, PGlite in DATA_DIR)", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "entente-admin-"));
  const env = { DATA_DIR: dataDir, NODE_ENV: "test" };

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
    assert.match(unknownMember.stderr, /membre « paris » inconnu/);

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
});

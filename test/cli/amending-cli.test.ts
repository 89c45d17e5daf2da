import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { createAmendingBudget } from "../../src/finance/app/create-amending-budget.ts";
import type { FinanceDeps } from "../../src/finance/app/finance-deps.ts";
import { createFinanceStores } from "../../src/finance/db/create-finance-stores.ts";
import { openDatabase } from "../../src/platform/db/open-database.ts";
import { adoptYear, draftLyonAmendingBudget, secretariatOf } from "../helpers/amending-steps.ts";
import { seedPgliteDataDir } from "../helpers/pglite-template.ts";
import { LYON, runEntente } from "../helpers/run-cli.ts";

/** Runs `use` on the finance stores of the PGlite database in `dataDir`, closed after. */
async function onDatabase(dataDir: string, use: (deps: FinanceDeps) => Promise<void>) {
  const database = await openDatabase({ kind: "pglite", dataDir });
  try {
    await use(deps(database.db));
  } finally {
    await database.close();
  }
}
const deps = (db: Parameters<typeof createFinanceStores>[0]): FinanceDeps => ({
  ...createFinanceStores(db),
  clock: { now: () => new Date("2023-07-01T00:00:00Z") },
  // No workplace here: no usage figures, no subscriptions to keep within a membership.
  usage: { figures: async () => ({ unknownService: [] }) },
  subscriptions: { outside: async () => [] },
});

describe("entente amending show / issue (the server's database, PGlite in DATA_DIR)", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "entente-dm-"));
  const env = { DATA_DIR: dataDir, NODE_ENV: "test" };
  // The database starts migrated (test/helpers/pglite-template.ts): the commands are what is tested.
  before(() => seedPgliteDataDir(dataDir));

  it("shows the DM beside the adopted 2023, then issues its complementary calls once", async () => {
    assert.equal(runEntente(["import", LYON], { env }).status, 0);
    const none = runEntente(["amending", "show", "lyon-2023", "--year", "2023"], { env });
    assert.equal(none.status, 1);
    assert.match(none.stderr, /aucune décision modificative n'est en cours pour 2023/);
    await onDatabase(dataDir, (d) => draftLyonAmendingBudget(d, "lyon-2023", 9_999_00n));

    const shown = runEntente(["amending", "show", "lyon-2023", "--year", "2023"], { env });
    assert.equal(shown.status, 0, shown.stderr);
    assert.match(
      shown.stdout,
      /Chef de projet \[fonctionnement, expense\] 140000\.00 → 149999\.00 \(\+9999\.00 €\)/,
    );
    assert.match(shown.stdout, /2023 Métropole de Lyon : 305797\.00 → /);

    const early = runEntente(["amending", "issue", "lyon-2023", "--year", "2023"], { env });
    assert.equal(early.status, 1);
    assert.match(early.stderr, /fund_call\.amending_not_adopted|Enregistrez d'abord les délibérations/);
    const badDate = runEntente(["amending", "issue", "lyon-2023", "--year", "2023", "--due-on", "30/09"], {
      env,
    });
    assert.equal(badDate.status, 2, badDate.stderr);
    assert.match(badDate.stderr, /--due-on/);

    await onDatabase(dataDir, (d) => adoptYear(d, "lyon-2023", 2023, "2023-06-20"));
    const issued = runEntente(
      ["amending", "issue", "lyon-2023", "--year", "2023", "--due-on", "2023-09-30"],
      {
        env,
      },
    );
    assert.equal(issued.status, 0, issued.stderr);
    const amounts = [...issued.stdout.matchAll(/titre complémentaire \+(\d+\.\d\d) €/g)].map((m) =>
      Number(m[1]),
    );
    assert.equal(amounts.length, 3, issued.stdout);
    assert.equal(
      amounts.reduce((s, a) => s + a, 0),
      9999,
    );
    assert.match(issued.stdout, /^AF-2023-metropole-DM1 /m);
    const twice = runEntente(["amending", "issue", "lyon-2023", "--year", "2023"], { env });
    assert.equal(twice.status, 1);
    assert.match(twice.stderr, /déjà émis/);

    // A DM n° 2 that changes nothing: the run issues nothing and says so, not DM n° 1's titres.
    await onDatabase(dataDir, async (d) => {
      await createAmendingBudget(d, secretariatOf("lyon-2023"), "lyon-2023", 2023);
      await adoptYear(d, "lyon-2023", 2023, "2023-06-30");
    });
    const nothing = runEntente(["amending", "issue", "lyon-2023", "--year", "2023"], { env });
    assert.equal(nothing.status, 0, nothing.stderr);
    assert.doesNotMatch(nothing.stdout, /AF-2023-/, "DM n° 1's titres are not this run's");
    assert.match(nothing.stdout, /^Rien à émettre : Décision modificative n° 2 2023 ne change/m);
  });
});

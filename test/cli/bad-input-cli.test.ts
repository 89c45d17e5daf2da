import assert from "node:assert/strict";
import { linkSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { createEntenteStore } from "../../src/finance/db/entente-store.ts";
import { computeBudgetReport } from "../../src/finance/domain/compute-budget-report.ts";
import { type OpenDatabase, openDatabase } from "../../src/platform/db/open-database.ts";
import { createPostgresDatabase } from "../helpers/databases.ts";
import { extremeEntenteText } from "../helpers/extreme-entente.ts";
import { LYON, runEntente } from "../helpers/run-cli.ts";

const tmp = () => mkdtempSync(join(tmpdir(), "entente-bad-input-"));
const base = readFileSync(LYON, "utf8");

/** Writes `text` as an entente file in a new folder and returns its path. */
function fileWith(text: string, name = "entente.yaml"): string {
  const path = join(tmp(), name);
  writeFileSync(path, text);
  return path;
}

/** The line (1-based) of the first occurrence of `at` in `text`. */
const lineOf = (text: string, at: string) => text.slice(0, text.indexOf(at)).split("\n").length;

describe("entente validate: the file's faults are file errors at their line, never exit 70", () => {
  const cases: { name: string; text: string; code: RegExp; at: string }[] = [
    {
      name: "alias to no anchor",
      text: base.replace("  defaultKey: socle", "  defaultKey: *nope"),
      code: /file\.invalid_yaml/,
      at: "*nope",
    },
    {
      name: "alias bomb",
      text: `${base}\nbomb:\n  a: &a [x, x, x, x, x, x, x, x, x]\n  b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n  c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n  d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n  e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n`,
      code: /file\.invalid_yaml.*plus de 100 nœuds/s,
      at: "*a,",
    },
    {
      name: "a 13-digit amount",
      text: base.replace("        fonctionnement: 544176", "        fonctionnement: 1000000000000"),
      code: /amount\.too_large.*au plus 12 chiffres/s,
      at: "1000000000000",
    },
    {
      name: "a 201-character member name",
      text: base.replace("    name: SITIV", `    name: ${"S".repeat(201)}`),
      code: /file\.invalid_field.*200 caractères au plus, reçu 201/s,
      at: "SSSS",
    },
  ];
  for (const c of cases)
    it(`${c.name}: exit 1, ${c.code.source} at line ${lineOf(c.text, c.at)}`, () => {
      const { status, stderr } = runEntente(["validate", fileWith(c.text)]);
      assert.equal(status, 1, stderr);
      assert.match(stderr, new RegExp(`entente\\.yaml:${lineOf(c.text, c.at)}:\\d+: erreur`));
      assert.match(stderr, c.code);
      assert.doesNotMatch(stderr, /internal|interne|\n\s+at /);
    });
});

describe("entente budget --out: never the entente file, through a link either", () => {
  for (const kind of ["symbolic", "hard"] as const)
    it(`refuses an --out that is a ${kind} link to the input, which stays intact`, () => {
      const input = fileWith(base);
      const out = join(tmp(), "budget.csv");
      if (kind === "symbolic") symlinkSync(input, out);
      else linkSync(input, out);
      const { status, stderr } = runEntente(["budget", input, "--out", out]);
      assert.equal(status, 2, stderr);
      assert.match(stderr, /cli\.bad_option.*lien/);
      assert.equal(readFileSync(input, "utf8"), base);
    });
});

describe("an entente file at every limit: computed, imported and read back exactly", () => {
  const dir = join(tmp(), "extreme");
  mkdirSync(dir);
  const input = join(dir, "entente.yaml");
  writeFileSync(input, extremeEntenteText());
  // 16 digits: more than any amount written (12); limits.ts derives that reads take 19.
  const METROPOLE_TOTAL = "1271999999999985.40";

  it("entente budget: exit 0, the Métropole's 2023 call exact to the cent", () => {
    const { status, stdout, stderr } = runEntente(["budget", input, "--format", "json"]);
    assert.equal(status, 0, stderr);
    assert.equal(JSON.parse(stdout).fundCalls[0].total, METROPOLE_TOTAL);
  });

  const databases: {
    name: string;
    env: () => Promise<Record<string, string>>;
    open: () => Promise<OpenDatabase>;
  }[] = [];
  const dataDir = tmp();
  databases.push({
    name: "PGlite",
    env: async () => ({ DATA_DIR: dataDir }),
    open: () => openDatabase({ kind: "pglite", dataDir }),
  });
  let postgres: { url: string; drop: () => Promise<void> } | undefined;
  databases.push({
    name: "PostgreSQL",
    env: async () => {
      postgres = await createPostgresDatabase();
      return { DATABASE_URL: postgres.url };
    },
    open: () => openDatabase({ kind: "postgres", url: postgres?.url ?? "" }),
  });
  after(async () => postgres?.drop());

  for (const database of databases)
    it(`entente import on ${database.name}, then the stored entente gives the same figures`, async () => {
      const env = { ...(await database.env()), NODE_ENV: "test" };
      const imported = runEntente(["import", input], { env });
      assert.equal(imported.status, 0, imported.stderr);
      const opened = await database.open();
      try {
        const entente = await createEntenteStore(opened.db).loadEntente("extreme");
        const report = computeBudgetReport(entente, 2023);
        assert.equal(report.fundCalls[0]?.total, 127199999999998540n);
      } finally {
        await opened.close();
      }
    });
});

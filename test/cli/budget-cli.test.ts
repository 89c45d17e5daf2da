import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { parse } from "csv-parse/sync";
import { runCli } from "../../src/cli.ts";
import { fr, LYON, runEntente } from "../helpers/run-cli.ts";

const tmp = () => mkdtempSync(join(tmpdir(), "entente-cli-"));

describe("entente budget on the seed (examples/lyon-2023)", () => {
  const { status, stdout, stderr } = runEntente(["budget", LYON]);

  it("exits 0 and prints the four deliberation tables in French", () => {
    assert.equal(status, 0, stderr);
    for (const title of [
      "Annexe budgétaire 2023",
      "Répartition des contributions 2023",
      "Contributions 2022 appelées en 2023",
      "Appels de fonds 2023",
    ]) {
      assert.match(stdout, new RegExp(title));
    }
  });

  it("prints the seed's figures with French grouping", () => {
    const line = (start: string) => stdout.split("\n").find((l) => l.startsWith(start)) ?? "";
    assert.match(line("Total des dépenses"), new RegExp(`${fr("975 000")}\\s+${fr("544 176")}$`));
    assert.match(line("Total des recettes"), new RegExp(`${fr("975 000")}\\s+${fr("544 176")}$`));
    const recall = stdout.slice(stdout.indexOf("Contributions 2022 appelées"));
    assert.match(
      recall,
      new RegExp(`Métropole de Lyon\\s+53\\s+${fr("50 350")}\\s+-${fr("32 966")}\\s+${fr("17 384")}`),
    );
    assert.match(
      recall,
      new RegExp(`Ville de Lyon\\s+30,6\\s+${fr("29 070")}\\s+\\+${fr("21 463")}\\s+${fr("50 533")}`),
    );
    assert.match(
      recall,
      new RegExp(`SITIV\\s+16,4\\s+${fr("15 580")}\\s+\\+${fr("11 503")}\\s+${fr("27 083")}`),
    );
    const calls = stdout.slice(stdout.indexOf("Appels de fonds 2023"));
    assert.match(calls, new RegExp(`Métropole de Lyon\\s.*\\s${fr("305 797")}\\n`));
    assert.match(calls, new RegExp(`Ville de Lyon\\s.*\\s${fr("217 051")}\\n`));
    assert.match(calls, new RegExp(`SITIV\\s.*\\s${fr("116 328")}\\n`));
  });

  it("states the rounding rule under the allocation", () => {
    assert.match(stdout, /plus fort reste \(Hamilton\)/);
    assert.match(stdout, /dans l'ordre des membres \(Métropole de Lyon, Ville de Lyon, SITIV\)/);
  });

  it("speaks English with --lang en", () => {
    const en = runEntente(["--lang", "en", "budget", LYON]);
    assert.equal(en.status, 0, en.stderr);
    assert.match(en.stdout, /Fund calls 2023 by member/);
    assert.match(en.stdout, /Metropole|Métropole de Lyon\s.*305,797/);
  });
});

describe("entente budget formats", () => {
  it("json: exact decimal strings, never numbers", () => {
    const { status, stdout } = runEntente(["budget", LYON, "--format", "json"]);
    assert.equal(status, 0);
    const report = JSON.parse(stdout);
    assert.deepEqual(
      report.fundCalls.map((f: { member: string; total: string }) => [f.member, f.total]),
      [
        ["metropole", "305797.00"],
        ["ville-lyon", "217051.00"],
        ["sitiv", "116328.00"],
      ],
    );
    assert.equal(report.annex.totalExpenses.investissement, "975000.00");
    assert.equal(report.rounding.method, "largest-remainder");
  });

  it("csv: one table with --table reads back with the same figures", () => {
    const { status, stdout } = runEntente(["budget", LYON, "--format", "csv", "--table", "fund-calls"]);
    assert.equal(status, 0);
    const rows: string[][] = parse(stdout);
    assert.deepEqual(
      rows.slice(1).map((r) => [r[0], r[5]]),
      [
        ["Métropole de Lyon", "305797"],
        ["Ville de Lyon", "217051"],
        ["SITIV", "116328"],
        ["Total entente", "639176"],
      ],
    );
  });

  it("md: Markdown tables with right-aligned amounts", () => {
    const { status, stdout } = runEntente(["budget", LYON, "--format", "md"]);
    assert.equal(status, 0);
    assert.match(stdout, /^# /);
    assert.match(stdout, /\| --- \| ---: \|/);
    assert.match(stdout, new RegExp(`\\*\\*${fr("639 176")}\\*\\*`));
  });

  it("--out writes the file atomically and prints nothing; format follows the extension", () => {
    const dir = tmp();
    const out = join(dir, "budget.md");
    const { status, stdout } = runEntente(["budget", LYON, "--out", out]);
    assert.equal(status, 0);
    assert.equal(stdout, "");
    assert.match(readFileSync(out, "utf8"), /^# /);
    assert.deepEqual(readdirSync(dir), ["budget.md"], "no temporary file left behind");
  });

  it("refuses a binary format to a terminal, exit 2", async () => {
    let stderr = "";
    const status = await runCli(["budget", LYON, "--format", "xlsx"], {
      stdout: { write: () => {}, isTerminal: true },
      stderr: (t) => (stderr += t),
    });
    assert.equal(status, 2);
    assert.match(stderr, /cli\.bad_option/);
    assert.match(stderr, /--out/);
  });

  it("rejects an unknown format, year or table with exit 2 and the accepted values", () => {
    const badFormat = runEntente(["budget", LYON, "--format", "docx"]);
    assert.equal(badFormat.status, 2);
    assert.match(badFormat.stderr, /valeurs possibles : text, csv, json, md, xlsx, ods, pdf/);
    const badYear = runEntente(["budget", LYON, "--year", "23"]);
    assert.equal(badYear.status, 2);
    assert.match(badYear.stderr, /cli\.bad_option.*--year/);
    const badTable = runEntente(["budget", LYON, "--table", "nope"]);
    assert.equal(badTable.status, 2);
    assert.match(badTable.stderr, /annex, allocation-socle-fonct, recall-2022, fund-calls/);
  });

  it("--year of a missing exercise: exit 1 and the list of exercises", () => {
    const { status, stderr } = runEntente(["budget", LYON, "--year", "2030"]);
    assert.equal(status, 1);
    assert.match(stderr, /exercise\.not_found/);
    assert.match(stderr, /2022, 2023/);
  });
});

describe("bad input: non-zero exit, file:line and field, nothing written", () => {
  const cases: { name: string; file: string; code: string; line: number; field: RegExp }[] = [];
  const base = readFileSync(LYON, "utf8");
  // `at` is the text whose first line the error must point to (default: the changed text).
  const variant = (name: string, from: string, to: string, code: string, field: RegExp, at = to) => {
    assert.ok(base.includes(from), `fixture text not found: ${from}`);
    const text = base.replace(from, to);
    const line = text.slice(0, text.indexOf(at)).split("\n").length;
    cases.push({ name, file: text, code, line, field });
  };
  variant(
    "key shares not 100",
    "      sitiv: 16.4",
    "      sitiv: 16.3",
    "key.shares_not_100",
    /keys\[0\]\.percent/,
    "    percent:",
  );
  variant(
    "negative amount",
    "        investissement: 195000",
    "        investissement: -195000",
    "amount.negative",
    /exercises\[1\]\.expenses\[2\]\.investissement/,
  );
  variant(
    "too many decimals",
    "        fonctionnement: 45276\n",
    "        fonctionnement: 45276.005\n",
    "amount.too_many_decimals",
    /exercises\[1\]\.expenses\[9\]\.fonctionnement/,
  );
  variant(
    "unknown mission",
    "      - mission: messagerie\n        label: Mise en place infrastructure",
    "      - mission: mesagerie\n        label: Mise en place infrastructure",
    "entente.unknown_reference",
    /exercises\[1\]\.expenses\[7\]\.mission/,
  );

  for (const c of cases) {
    it(`${c.name}: ${c.code} at the right line, no output file`, () => {
      const dir = tmp();
      const input = join(dir, "entente.yaml");
      writeFileSync(input, c.file);
      const out = join(dir, "budget.xlsx");
      const { status, stdout, stderr } = runEntente(["budget", input, "--out", out]);
      assert.equal(status, 1);
      assert.equal(stdout, "");
      assert.match(stderr, new RegExp(`entente\\.yaml:${c.line}:\\d+: erreur ${c.code.replace(".", "\\.")}`));
      assert.match(stderr, c.field);
      assert.doesNotMatch(stderr, /\n\s+at /, "no stack trace");
      assert.equal(existsSync(out), false);
    });
  }

  it("unbalanced section: the difference per section", () => {
    const dir = tmp();
    const input = join(dir, "entente.yaml");
    writeFileSync(input, base.replace("        fonctionnement: 544176", "        fonctionnement: 544000"));
    const { status, stderr } = runEntente(["validate", input]);
    assert.equal(status, 1);
    assert.match(stderr, /budget\.unbalanced/);
    assert.match(
      stderr,
      new RegExp(
        `fonctionnement : dépenses ${fr("544 176")},00 €, recettes ${fr("544 000")},00 €, écart -176,00 €`,
      ),
    );
  });

  it("missing file: exit 1, file.not_found, no stack trace", () => {
    const { status, stderr } = runEntente(["budget", "does/not/exist.yaml"]);
    assert.equal(status, 1);
    assert.match(stderr, /file\.not_found/);
    assert.match(stderr, /does\/not\/exist\.yaml/);
    assert.doesNotMatch(stderr, /\n\s+at /);
  });

  it("output folder missing: output.write_failed, exit 1", () => {
    const { status, stderr } = runEntente(["budget", LYON, "--out", join(tmp(), "no-such-dir", "b.ods")]);
    assert.equal(status, 1);
    assert.match(stderr, /output\.write_failed/);
  });

  it("validate: one summary line on success", () => {
    const { status, stdout } = runEntente(["validate", LYON]);
    assert.equal(status, 0);
    assert.match(stdout, /valide — 3 membres, 1 clé\(s\), 4 mission\(s\), exercices 2022, 2023/);
  });
});

describe("entente budget --out safety and encodings", () => {
  it("refuses to overwrite the entente file itself, which stays intact", () => {
    const dir = tmp();
    const input = join(dir, "entente.json");
    const original = JSON.stringify({ entente: { name: "x" } });
    writeFileSync(input, original);
    const { status, stderr } = runEntente(["budget", input, "--format", "json", "--out", input]);
    assert.equal(status, 2);
    assert.match(stderr, /cli\.bad_option.*le fichier d'entente lui-même/);
    assert.equal(readFileSync(input, "utf8"), original);
  });

  it("refuses an --out that is a folder or a device", () => {
    const folder = runEntente(["budget", LYON, "--format", "csv", "--out", tmp()]);
    assert.equal(folder.status, 2);
    assert.match(folder.stderr, /n'est pas un fichier ordinaire \(dossier\)/);
    const device = runEntente(["budget", LYON, "--format", "csv", "--out", "/dev/null"]);
    assert.equal(device.status, 2);
    assert.match(device.stderr, /n'est pas un fichier ordinaire/);
  });

  it("refuses a --format that contradicts the --out extension, and an --out without extension", () => {
    const dir = tmp();
    const mismatch = runEntente(["budget", LYON, "--format", "csv", "--out", join(dir, "b.xlsx")]);
    assert.equal(mismatch.status, 2);
    assert.match(mismatch.stderr, /l'extension \.xlsx ne correspond pas au format csv/);
    const bare = runEntente(["budget", LYON, "--out", join(dir, "budget")]);
    assert.equal(bare.status, 2);
    assert.match(bare.stderr, /impossible de déduire le format/);
    assert.deepEqual(readdirSync(dir), []);
  });

  it("a CSV file starts with a UTF-8 byte order mark (spreadsheets read accents right)", () => {
    const out = join(tmp(), "b.csv");
    assert.equal(runEntente(["budget", LYON, "--out", out]).status, 0);
    assert.deepEqual([...readFileSync(out).subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  });

  it("refuses a Latin-1 or UTF-16 file with file.not_utf8 instead of garbling names", () => {
    const dir = tmp();
    const latin = join(dir, "latin.yaml");
    writeFileSync(latin, Buffer.from("entente:\n  name: Entente num\xe9rique\n", "latin1"));
    const a = runEntente(["validate", latin]);
    assert.equal(a.status, 1);
    assert.match(a.stderr, /latin\.yaml:2:1: erreur file\.not_utf8/);
    const utf16 = join(dir, "utf16.yaml");
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("entente:\n", "utf16le")]));
    const b = runEntente(["validate", utf16]);
    assert.equal(b.status, 1);
    assert.match(b.stderr, /file\.not_utf8/);
    assert.match(b.stderr, /UTF-16/);
  });

  it("messages are in English with --lang en, French otherwise", () => {
    const dir = tmp();
    const input = join(dir, "entente.yaml");
    writeFileSync(
      input,
      readFileSync(LYON, "utf8").replace("        fonctionnement: 544176", "        fonctionnement: 544000"),
    );
    const en = runEntente(["--lang", "en", "validate", input]);
    assert.match(en.stderr, /operating: expenses €544,176\.00, receipts €544,000\.00, off by -€176\.00/);
    assert.doesNotMatch(en.stderr, /dépenses|écart/);
  });

  it("--version prints the version", () => {
    const { status, stdout } = runEntente(["--version"]);
    assert.equal(status, 0);
    assert.match(stdout, /^\d+\.\d+\.\d+\n$/);
  });
});

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import * as XLSX from "@e965/xlsx";
import { parse } from "csv-parse/sync";
import { LYON, runEntente } from "../helpers/run-cli.ts";

// Members named like formulas (OWASP "CSV injection"): every export must show them as text.
const FORMULA = '=HYPERLINK("http://evil.example","1+1")';
const AT = "@SUM(2+2)";
const dir = mkdtempSync(join(tmpdir(), "entente-formula-"));
const input = join(dir, "entente.yaml");
writeFileSync(
  input,
  readFileSync(LYON, "utf8")
    .replace("    name: SITIV", `    name: '${FORMULA}'`)
    .replace("    name: Ville de Lyon", `    name: "${AT}"`),
);

describe("formula injection: a member named =HYPERLINK(…) stays text in every export", () => {
  it("CSV: the name is prefixed with a quote, amounts stay numbers", () => {
    const { status, stdout, stderr } = runEntente([
      "budget",
      input,
      "--format",
      "csv",
      "--table",
      "fund-calls",
    ]);
    assert.equal(status, 0, stderr);
    const rows: string[][] = parse(stdout.replace(/^\uFEFF/, ""), { relax_column_count: true });
    const names = rows.map((row) => row[0]);
    assert.ok(names.includes(`'${FORMULA}`), names.join(" | "));
    assert.ok(names.includes(`'${AT}`));
    assert.ok(rows.every((row) => !/^[=+@]/.test(row[0] ?? "")));
    assert.ok(
      rows.some((row) => row.includes("-32966")),
      "a negative amount is not quoted",
    );
  });

  for (const format of ["xlsx", "ods"] as const)
    it(`${format}: a text cell without formula, shown as typed by SheetJS and LibreOffice Calc`, () => {
      const file = join(dir, `budget.${format}`);
      const run = runEntente(["budget", input, "--out", file]);
      assert.equal(run.status, 0, run.stderr);
      const sheet = XLSX.read(readFileSync(file), { cellFormula: true }).Sheets["fund-calls"];
      assert.ok(sheet);
      const cells = Object.values(sheet).filter(
        (c): c is XLSX.CellObject => typeof c === "object" && "t" in c,
      );
      const named = cells.find((cell) => cell.v === FORMULA);
      assert.ok(named, "the name is in the sheet as written");
      assert.equal(named.t, "s");
      assert.equal(cells.filter((cell) => cell.f !== undefined).length, 0, "no formula in the sheet");
      const out = mkdtempSync(join(tmpdir(), "entente-lo-"));
      execFileSync(
        "soffice",
        [
          "--headless",
          "--norestore",
          `-env:UserInstallation=file://${out}/profile`,
          "--convert-to",
          "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
          "--outdir",
          out,
          file,
        ],
        { stdio: "pipe", timeout: 120_000 },
      );
      const callsFile = readdirSync(out).find((name) => name.endsWith("fund-calls.csv"));
      assert.ok(callsFile, `LibreOffice wrote ${readdirSync(out).join(", ")}`);
      const rows: string[][] = parse(readFileSync(join(out, callsFile), "utf8"), {
        relax_column_count: true,
      });
      const names = rows.map((row) => row[0]);
      assert.ok(names.includes(FORMULA), `Calc shows the text, not a link: ${names.join(" | ")}`);
      assert.ok(names.includes(AT));
    });
});

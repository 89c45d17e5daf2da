import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import * as XLSX from "@e965/xlsx";
import { parse } from "csv-parse/sync";
import { LYON, runEntente } from "../helpers/run-cli.ts";

const EXPECTED_CALLS = [
  ["Métropole de Lyon", 0, 288413, 50350, -32966, 305797],
  ["Ville de Lyon", 0, 166518, 29070, 21463, 217051],
  ["SITIV", 0, 89245, 15580, 11503, 116328],
  ["Total entente", 0, 544176, 95000, 0, 639176],
];

for (const format of ["xlsx", "ods"] as const) {
  describe(`${format} export`, () => {
    const dir = mkdtempSync(join(tmpdir(), `entente-${format}-`));
    const file = join(dir, `budget.${format}`);
    const run = runEntente(["budget", LYON, "--out", file]);

    it("is written, one sheet per table", () => {
      assert.equal(run.status, 0, run.stderr);
      const book = XLSX.read(readFileSync(file));
      assert.deepEqual(book.SheetNames, ["annex", "allocation-socle-fonct", "recall-2022", "fund-calls"]);
    });

    if (format === "ods")
      it("is an ODF package: mimetype first and stored (ODF 1.3 part 2 §3.3)", () => {
        const bytes = readFileSync(file);
        assert.equal(bytes.readUInt32LE(0), 0x04034b50, "a ZIP local file header");
        assert.equal(bytes.readUInt16LE(8), 0, "mimetype is stored, not deflated");
        const media = "application/vnd.oasis.opendocument.spreadsheet";
        assert.equal(bytes.subarray(30, 38).toString("ascii"), "mimetype");
        assert.equal(bytes.subarray(38, 38 + media.length).toString("ascii"), media);
      });

    it("holds the fund calls as numbers (SheetJS read-back)", () => {
      const book = XLSX.read(readFileSync(file));
      const sheet = book.Sheets["fund-calls"];
      assert.ok(sheet);
      const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true });
      assert.deepEqual(rows.slice(2, 6), EXPECTED_CALLS);
    });

    it("opens in LibreOffice Calc with the same figures", () => {
      const out = mkdtempSync(join(tmpdir(), "entente-lo-"));
      // CSV filter options: comma, quote, UTF-8, from line 1, raw values, all sheets (-1).
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
      assert.deepEqual(
        rows.slice(2, 6),
        EXPECTED_CALLS.map((row) => row.map(String)),
      );
      const annex = readdirSync(out).find((name) => name.endsWith("annex.csv")) ?? "";
      const annexRows: string[][] = parse(readFileSync(join(out, annex), "utf8"), {
        relax_column_count: true,
      });
      assert.deepEqual(
        annexRows.find((r) => r[0] === "Total des dépenses"),
        ["Total des dépenses", "975000", "544176"],
      );
    });
  });
}

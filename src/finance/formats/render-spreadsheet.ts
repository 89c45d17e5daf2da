import * as XLSX from "@e965/xlsx";
import { unzipSync } from "fflate";
import type { RoundingUnit } from "../../shared/money.ts";
import { rawCell } from "./render-text.ts";
import type { Cell, Table } from "./table.ts";
import { writeOdfPackage } from "./write-odf-package.ts";

/** Spreadsheet formats: Office Open XML (Excel) and OpenDocument (LibreOffice, the ODF rule of administrations). */
export type SpreadsheetFormat = "xlsx" | "ods";

// Spreadsheet cells hold IEEE doubles: an amount in euros with 2 decimals is shown exactly up to
// 2^53 cents (90 000 milliards d'euros). Larger amounts are written as text rather than rounded.
const MAX_EXACT_CENTS = 2n ** 53n;

function toSheetCell(cell: Cell, unit: RoundingUnit): XLSX.CellObject | null {
  switch (cell.kind) {
    case "text":
      return { t: "s", v: cell.value };
    case "money": {
      const magnitude = cell.cents < 0n ? -cell.cents : cell.cents;
      if (magnitude >= MAX_EXACT_CENTS) return { t: "s", v: rawCell(cell, unit) };
      const whole = unit === "euro" && cell.cents % 100n === 0n;
      const format = whole ? "#,##0" : "#,##0.00";
      // One-branch formats only: SheetJS writes a single branch to ODS (negatives keep their "-").
      return { t: "n", v: Number(rawCell(cell, unit)), z: format };
    }
    // Rates and unrounded shares are information beside the deliberated amounts: numbers (so the
    // column can be checked), shown with their decimals; a share that does not terminate is cut
    // at 6 decimals (the text and JSON outputs mark it with "…").
    case "percent":
      return { t: "n", v: Number(cell.value.replace("…", "")), z: "0.0###" };
    case "decimal":
      return { t: "n", v: Number(cell.value.replace("…", "")), z: "#,##0.00####" };
    case "empty":
      return null;
  }
}

/**
 * Renders tables as a workbook, one sheet per table (title on the first row, then the header,
 * then the rows, then the notes). Written with SheetJS (@e965/xlsx), which writes both XLSX and
 * ODS; amounts are numeric cells with a grouping format, so the sheets can be summed again.
 */
export function renderSpreadsheet(
  tables: readonly Table[],
  format: SpreadsheetFormat,
  unit: RoundingUnit,
): Buffer {
  const workbook = XLSX.utils.book_new();
  const usedNames = new Set<string>();
  tables.forEach((table, index) => {
    const rows: (XLSX.CellObject | null)[][] = [
      [{ t: "s", v: table.title }],
      table.columns.map((column) => ({ t: "s", v: column })),
      ...table.rows.map((row) => row.cells.map((cell) => toSheetCell(cell, unit))),
      [],
      ...table.notes.map((note) => [{ t: "s", v: note } as XLSX.CellObject]),
    ];
    const sheet = XLSX.utils.aoa_to_sheet(rows);
    sheet["!cols"] = table.columns.map((column, c) => ({
      wch: Math.min(
        60,
        Math.max(
          column.length,
          ...table.rows.map((row) => rawCell(row.cells[c] ?? { kind: "empty" }, unit).length + 4),
        ),
      ),
    }));
    // Sheet names: at most 31 characters, unique, none of []:*?/\ (Excel's rules).
    // The table id (as for --table); Excel allows 31 characters, without []:*?/\.
    let name = table.id.replace(/[[\]:*?/\\]/g, "-").slice(0, 31);
    while (usedNames.has(name)) name = `${name.slice(0, 27)}-${index + 1}`;
    usedNames.add(name);
    XLSX.utils.book_append_sheet(workbook, sheet, name);
  });
  const written = XLSX.write(workbook, { type: "buffer", bookType: format, compression: true }) as Buffer;
  return format === "ods" ? repackageOds(written) : written;
}

/**
 * SheetJS deflates the ODS `mimetype` entry and writes `META-INF/` before it, against ODF 1.3
 * part 2 §3.3 (the `mimetype` entry first, stored, so that tools can identify the file by its
 * fixed offset). The package is rewritten entry for entry with the `mimetype` first and stored;
 * the content is unchanged.
 */
function repackageOds(written: Buffer): Buffer {
  const entries = unzipSync(new Uint8Array(written));
  const mediaType = Buffer.from(entries.mimetype ?? []).toString("ascii");
  const rest = Object.entries(entries)
    .filter(([name]) => name !== "mimetype")
    .map(([name, data]) => ({ name, data: Buffer.from(data) }));
  return writeOdfPackage(mediaType || "application/vnd.oasis.opendocument.spreadsheet", rest);
}

import { stringify } from "csv-stringify/sync";
import type { RoundingUnit } from "../../shared/money.ts";
import { neutraliseFormula } from "./neutralise-formula.ts";
import { rawCell } from "./render-text.ts";
import type { Cell, Table } from "./table.ts";

/** A cell's CSV text; a text cell (a name, a label) never starts a formula (neutralise-formula.ts). */
function csvCell(cell: Cell, unit: RoundingUnit): string {
  const raw = rawCell(cell, unit).trim();
  return cell.kind === "text" ? neutraliseFormula(raw) : raw;
}

/**
 * Renders tables as CSV (RFC 4180, comma, UTF-8). Amounts are exact decimal text in euros with a
 * dot (`305797`, `45276.50`) so that any tool reads them back without loss.
 * One table: a header line, then its rows (machine-readable). Several tables: each preceded by
 * a line with its title, followed by its notes (rounding rule, sources), separated by an empty
 * line — readable in a spreadsheet; use `--table` for one. Titles, headers, notes and text
 * cells that would start a formula are neutralised (OWASP CSV injection).
 */
export function renderCsv(tables: readonly Table[], unit: RoundingUnit): string {
  const single = tables.length === 1;
  return tables
    .map((table) => {
      const records = [
        ...(single ? [] : [[neutraliseFormula(table.title)]]),
        table.columns.map(neutraliseFormula),
        ...table.rows.map((row) => row.cells.map((cell) => csvCell(cell, unit))),
        ...(single ? [] : table.notes.map((note) => [neutraliseFormula(note)])),
      ];
      return stringify(records, { record_delimiter: "\r\n" });
    })
    .join("\r\n");
}

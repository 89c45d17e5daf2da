import { stringify } from "csv-stringify/sync";
import type { RoundingUnit } from "../../shared/money.ts";
import { rawCell } from "./render-text.ts";
import type { Table } from "./table.ts";

/**
 * Renders tables as CSV (RFC 4180, comma, UTF-8). Amounts are exact decimal text in euros with a
 * dot (`305797`, `45276.50`) so that any tool reads them back without loss.
 * One table: a header line, then its rows (machine-readable). Several tables: each preceded by
 * a line with its title, followed by its notes (rounding rule, sources), separated by an empty
 * line — readable in a spreadsheet; use `--table` for one.
 */
export function renderCsv(tables: readonly Table[], unit: RoundingUnit): string {
  const single = tables.length === 1;
  return tables
    .map((table) => {
      const records = [
        ...(single ? [] : [[table.title]]),
        table.columns,
        ...table.rows.map((row) => row.cells.map((cell) => rawCell(cell, unit).trim())),
        ...(single ? [] : table.notes.map((note) => [note])),
      ];
      return stringify(records, { record_delimiter: "\r\n" });
    })
    .join("\r\n");
}

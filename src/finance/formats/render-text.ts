import { centsToEuroText, formatEuros, type RoundingUnit } from "../../shared/money.ts";
import type { Lang } from "../errors.ts";
import type { Cell, Table } from "./table.ts";

/** Options shared by the human-readable renderers. */
export interface RenderOptions {
  readonly lang: Lang;
  readonly unit: RoundingUnit;
}

const localeOf = (lang: Lang) => (lang === "fr" ? "fr-FR" : "en-GB");

// One formatter per locale and number of decimals: building an Intl.NumberFormat per cell took
// 4 of the 8 s of `entente budget` at 20 000 members (bench/budget.bench.ts).
const decimalFormats = new Map<string, Intl.NumberFormat>();
function decimalFormat(lang: Lang, digits: number): Intl.NumberFormat {
  const key = `${lang}|${digits}`;
  let format = decimalFormats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(localeOf(lang), {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    decimalFormats.set(key, format);
  }
  return format;
}

/** A cell as people read it: French (or English) grouping, `+` on signed amounts, `%` omitted (in the header). */
export function displayCell(cell: Cell, options: RenderOptions): string {
  switch (cell.kind) {
    case "text":
      return cell.value;
    case "money":
      return formatEuros(cell.cents, {
        locale: localeOf(options.lang),
        unit: options.unit,
        signed: cell.signed === true,
      });
    case "percent":
      return options.lang === "fr" ? cell.value.replace(".", ",") : cell.value;
    case "decimal": {
      const endless = cell.value.endsWith("…");
      const digits = cell.value.replace("…", "").split(".")[1]?.length ?? 0;
      const format = decimalFormat(options.lang, digits);
      return `${format.format(cell.value.replace("…", "") as `${number}`)}${endless ? "…" : ""}`;
    }
    case "empty":
      return "";
  }
}

/** A cell as machines read it: exact decimal text with a dot, no grouping (CSV, JSON). */
export function rawCell(cell: Cell, unit: RoundingUnit): string {
  switch (cell.kind) {
    case "text":
      return cell.value;
    case "money":
      return centsToEuroText(cell.cents, unit);
    case "percent":
    case "decimal":
      return cell.value.replace("…", "");
    case "empty":
      return "";
  }
}

/** Whether a cell holds a number (right-aligned in text and Markdown). */
export const isNumeric = (cell: Cell) =>
  cell.kind === "money" || cell.kind === "percent" || cell.kind === "decimal";

/** Renders tables as aligned plain text for a terminal (numbers right-aligned). */
export function renderText(
  tables: readonly Table[],
  options: RenderOptions & { readonly heading: string },
): string {
  const out: string[] = [options.heading, "=".repeat(options.heading.length), ""];
  tables.forEach((table, t) => {
    out.push(`${t + 1}. ${table.title}`, "");
    const grid = [
      table.columns,
      ...table.rows.map((row) => row.cells.map((cell) => displayCell(cell, options))),
    ];
    const widths = table.columns.map((_, c) => Math.max(...grid.map((line) => (line[c] ?? "").length)));
    const numeric = table.columns.map((_, c) =>
      table.rows.some((row) => isNumeric(row.cells[c] ?? { kind: "empty" })),
    );
    const format = (line: readonly string[]) =>
      line
        .map((value, c) =>
          c > 0 && numeric[c] ? value.padStart(widths[c] ?? 0) : value.padEnd(widths[c] ?? 0),
        )
        .join("  ")
        .trimEnd();
    out.push(format(table.columns), widths.map((w) => "-".repeat(w)).join("  "));
    table.rows.forEach((row, r) => {
      if (row.style === "total") out.push(widths.map((w) => "-".repeat(w)).join("  "));
      out.push(format(grid[r + 1] ?? []));
    });
    if (table.notes.length > 0) out.push("", ...table.notes.map((note) => `* ${note}`));
    out.push("");
  });
  return out.join("\n");
}

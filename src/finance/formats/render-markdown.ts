import { displayCell, isNumeric, type RenderOptions } from "./render-text.ts";
import type { Table } from "./table.ts";

/**
 * A text of the entente (a member's name, a label) made inert in Markdown: `&`, `<`, `>` as HTML
 * entities (CommonMark lets raw HTML through, so `<img onerror>` in a name would run where the
 * export is displayed), backslash and `|` backslash-escaped (a `|` would split the GFM table cell), line
 * breaks as spaces (a row is one line). Written here: five replacements, where a Markdown library
 * would bring a parser to escape text it never parses.
 */
export const escapeMarkdown = (value: string) =>
  value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\\/g, "\\\\")
    .replace(/\|/g, "\\|")
    .replace(/[\r\n]+/g, " ");
const escapeCell = escapeMarkdown;

/** Renders tables as GitHub-flavoured Markdown (numeric columns right-aligned, totals in bold). */
export function renderMarkdown(
  tables: readonly Table[],
  options: RenderOptions & { readonly heading: string },
): string {
  const out: string[] = [`# ${escapeCell(options.heading)}`, ""];
  for (const table of tables) {
    out.push(`## ${escapeCell(table.title)}`, "");
    const numeric = table.columns.map((_, c) =>
      table.rows.some((row) => isNumeric(row.cells[c] ?? { kind: "empty" })),
    );
    out.push(
      `| ${table.columns.map(escapeCell).join(" | ")} |`,
      `|${numeric.map((n) => (n ? " ---: " : " --- ")).join("|")}|`,
    );
    for (const row of table.rows) {
      const cells = row.cells.map((cell) => escapeCell(displayCell(cell, options).trim()));
      const styled =
        row.style === "total" || row.style === "group" ? cells.map((c) => (c ? `**${c}**` : c)) : cells;
      out.push(`| ${styled.join(" | ")} |`);
    }
    if (table.notes.length > 0) out.push("", ...table.notes.map((note) => `> ${escapeCell(note)}`));
    out.push("");
  }
  return out.join("\n");
}

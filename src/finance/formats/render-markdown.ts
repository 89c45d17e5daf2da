import { displayCell, isNumeric, type RenderOptions } from "./render-text.ts";
import type { Table } from "./table.ts";

const escapeCell = (value: string) => value.replace(/\|/g, "\\|");

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

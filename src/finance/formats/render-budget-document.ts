import type { BudgetReport } from "../domain/budget-report.ts";
import type { Lang } from "../errors.ts";
import { renderCsv } from "./render-csv.ts";
import { renderJson } from "./render-json.ts";
import { renderMarkdown } from "./render-markdown.ts";
import { renderText } from "./render-text.ts";
import { buildReportTables } from "./report-tables.ts";
import type { Table } from "./table.ts";

/** The formats of the deliberation tables, for the CLI (`--format`) and the downloads. */
export const DOCUMENT_FORMATS = ["text", "csv", "json", "md", "xlsx", "ods", "pdf"] as const;
/** One of `DOCUMENT_FORMATS`. */
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

const MEDIA_TYPES: Record<DocumentFormat, string> = {
  text: "text/plain; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
  md: "text/markdown; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ods: "application/vnd.oasis.opendocument.spreadsheet",
  pdf: "application/pdf",
};

/** A rendered document: its bytes (or text) and media type. */
export interface BudgetDocument {
  readonly mediaType: string;
  readonly body: string | Buffer;
  /** The table ids the document holds (all, or the one asked for). */
  readonly tableIds: readonly string[];
}

/**
 * The deliberation tables of a budget report in one format — the same for the CLI and the
 * server's downloads. `tableId` keeps one table (unknown: `null` tables, the caller reports it).
 * CSV files for download start with a UTF-8 BOM (`bom`), which spreadsheet programs need.
 */
export async function renderBudgetDocument(
  report: BudgetReport,
  format: DocumentFormat,
  lang: Lang,
  options: { tableId?: string; bom?: boolean } = {},
): Promise<BudgetDocument | null> {
  let tables: Table[] = buildReportTables(report, lang);
  if (options.tableId !== undefined) {
    tables = tables.filter((t) => t.id === options.tableId);
    if (tables.length === 0) return null;
  }
  const heading = `${report.entente} — budget ${report.year}`;
  const renderOptions = { lang, unit: report.roundingUnit, heading };
  const body: string | Buffer =
    format === "text"
      ? renderText(tables, renderOptions)
      : format === "md"
        ? renderMarkdown(tables, renderOptions)
        : format === "csv"
          ? `${options.bom ? "\uFEFF" : ""}${renderCsv(tables, report.roundingUnit)}`
          : format === "json"
            ? renderJson(report)
            : format === "pdf"
              ? // pdfmake and its fonts load only when a PDF is asked for (they add ~200 ms to start-up).
                await (await import("./render-pdf.ts")).renderPdf(tables, renderOptions)
              : (await import("./render-spreadsheet.ts")).renderSpreadsheet(
                  tables,
                  format,
                  report.roundingUnit,
                );
  return { mediaType: MEDIA_TYPES[format], body, tableIds: tables.map((t) => t.id) };
}

/** Ids of the tables a report prints (for messages listing the choices of `--table`). */
export function reportTableIds(report: BudgetReport, lang: Lang): string[] {
  return buildReportTables(report, lang).map((t) => t.id);
}

import { extname } from "node:path";
import { computeBudget } from "../../app/compute-budget.ts";
import { EntenteError, type Lang } from "../../domain/errors.ts";
import { readEntenteFile } from "../../formats/read-entente-file.ts";
import { renderCsv } from "../../formats/render-csv.ts";
import { renderJson } from "../../formats/render-json.ts";
import { renderMarkdown } from "../../formats/render-markdown.ts";
import { renderSpreadsheet } from "../../formats/render-spreadsheet.ts";
import { renderText } from "../../formats/render-text.ts";
import { buildReportTables } from "../../formats/report-tables.ts";
import { writeOutputFile } from "../../formats/write-output.ts";

export const FORMATS = ["text", "csv", "json", "md", "xlsx", "ods"] as const;
export type Format = (typeof FORMATS)[number];

export interface BudgetExportOptions {
  readonly year?: string;
  readonly format?: string;
  readonly out?: string;
  readonly table?: string;
  readonly lang: Lang;
}

/** Where the CLI writes: standard output (text) and whether it is a terminal. */
export interface Output {
  readonly write: (data: string | Buffer) => void;
  readonly isTerminal: boolean;
}

function formatOf(options: BudgetExportOptions): Format {
  const requested = options.format ?? (options.out ? extname(options.out).slice(1).toLowerCase() : "text");
  const normalized = requested === "markdown" ? "md" : requested === "txt" ? "text" : requested;
  if (!(FORMATS as readonly string[]).includes(normalized)) {
    throw new EntenteError("cli.bad_option", {
      option: "--format",
      expected: `un de ${FORMATS.join(", ")} attendu, reçu « ${requested} » / one of ${FORMATS.join(", ")}`,
    });
  }
  return normalized as Format;
}

function yearOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{4}$/.test(text))
    throw new EntenteError("cli.bad_option", {
      option: "--year",
      expected: `année sur 4 chiffres attendue, reçu « ${text} » / a 4-digit year`,
    });
  return Number(text);
}

/**
 * `entente budget FILE`: reads and checks the entente file, computes the exercise and renders
 * the deliberation tables in the chosen format, to standard output or atomically to `--out`.
 * Everything is computed and rendered before anything is written.
 */
export async function exportBudget(
  file: string,
  options: BudgetExportOptions,
  output: Output,
): Promise<void> {
  const format = formatOf(options);
  const year = yearOf(options.year);
  if ((format === "xlsx" || format === "ods") && options.out === undefined && output.isTerminal) {
    throw new EntenteError("cli.bad_option", {
      option: "--out",
      expected: `le format ${format} est binaire : donnez un fichier de sortie (--out budget.${format}) / ${format} is binary: give an output file`,
    });
  }
  const entente = await readEntenteFile(file);
  const report = computeBudget(entente, year);
  let tables = buildReportTables(report, options.lang);
  if (options.table !== undefined) {
    const wanted = tables.filter((t) => t.id === options.table);
    if (wanted.length === 0)
      throw new EntenteError("cli.bad_option", {
        option: "--table",
        expected: `un de ${tables.map((t) => t.id).join(", ")} attendu / one of these table ids`,
      });
    tables = wanted;
  }
  const heading = `${report.entente} — ${options.lang === "fr" ? "budget" : "budget"} ${report.year}`;
  const renderOptions = { lang: options.lang, unit: report.roundingUnit, heading };
  const document: string | Buffer =
    format === "text"
      ? renderText(tables, renderOptions)
      : format === "md"
        ? renderMarkdown(tables, renderOptions)
        : format === "csv"
          ? renderCsv(tables, report.roundingUnit)
          : format === "json"
            ? renderJson(report)
            : renderSpreadsheet(tables, format, report.roundingUnit);
  if (options.out === undefined) output.write(document);
  else await writeOutputFile(options.out, document);
}

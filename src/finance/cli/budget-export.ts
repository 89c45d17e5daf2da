import { stat } from "node:fs/promises";
import { extname, resolve } from "node:path";
import type { Output } from "../../platform/cli/output.ts";
import { writeOutputFile } from "../../platform/cli/write-output.ts";
import { computeBudget } from "../app/compute-budget.ts";
import { EntenteError, type Lang, localized } from "../errors.ts";
import { readEntenteFile } from "../formats/read-entente-file.ts";
import {
  DOCUMENT_FORMATS,
  type DocumentFormat,
  renderBudgetDocument,
  reportTableIds,
} from "../formats/render-budget-document.ts";

export const FORMATS = DOCUMENT_FORMATS;
export type Format = DocumentFormat;

export interface BudgetExportOptions {
  readonly year?: string;
  readonly format?: string;
  readonly out?: string;
  readonly table?: string;
  readonly lang: Lang;
}

const ALIASES: Record<string, Format> = { markdown: "md", txt: "text" };
const normalize = (name: string): string => ALIASES[name] ?? name;
const isFormat = (name: string): name is Format => (FORMATS as readonly string[]).includes(name);

/** The output format: `--format`, else the extension of `--out`, else text; they must agree. */
function formatOf(options: BudgetExportOptions): Format {
  const extension =
    options.out === undefined ? undefined : normalize(extname(options.out).slice(1).toLowerCase());
  if (options.format !== undefined) {
    const format = normalize(options.format);
    if (!isFormat(format)) {
      throw new EntenteError("cli.bad_option", {
        option: "--format",
        expected: localized(
          `un de ${FORMATS.join(", ")} attendu, reçu « ${options.format} »`,
          `one of ${FORMATS.join(", ")}, got "${options.format}"`,
        ),
      });
    }
    if (extension !== undefined && isFormat(extension) && extension !== format) {
      throw new EntenteError("cli.bad_option", {
        option: "--out",
        expected: localized(
          `l'extension .${extension} ne correspond pas au format ${format} : nommez le fichier *.${format} ou retirez --format`,
          `the .${extension} extension does not match the ${format} format: name the file *.${format} or drop --format`,
        ),
      });
    }
    return format;
  }
  if (extension === undefined) return "text";
  if (!isFormat(extension)) {
    throw new EntenteError("cli.bad_option", {
      option: "--out",
      expected: localized(
        `impossible de déduire le format de « ${options.out} » : donnez une extension (${FORMATS.join(", ")}) ou --format`,
        `cannot tell the format of "${options.out}": give an extension (${FORMATS.join(", ")}) or --format`,
      ),
    });
  }
  return extension;
}

function yearOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{4}$/.test(text))
    throw new EntenteError("cli.bad_option", {
      option: "--year",
      expected: localized(`année sur 4 chiffres attendue, reçu « ${text} »`, `a 4-digit year, got "${text}"`),
    });
  return Number(text);
}

/**
 * `--out` must be a new or regular file, and never the entente file itself (which it would
 * replace). Checked before any work, so a refused command writes nothing.
 */
async function checkOutputPath(out: string, input: string): Promise<void> {
  const target = resolve(out);
  if (target === resolve(input)) {
    throw new EntenteError("cli.bad_option", {
      option: "--out",
      expected: localized(
        "le fichier de sortie est le fichier d'entente lui-même : choisissez un autre nom",
        "the output file is the entente file itself: choose another name",
      ),
    });
  }
  const info = await stat(target).catch(() => null);
  if (info !== null && !info.isFile()) {
    throw new EntenteError("cli.bad_option", {
      option: "--out",
      expected: localized(
        `« ${out} » existe et n'est pas un fichier ordinaire (${info.isDirectory() ? "dossier" : "périphérique ou autre"}) : donnez un chemin de fichier`,
        `"${out}" exists and is not a regular file (${info.isDirectory() ? "a folder" : "a device or other"}): give a file path`,
      ),
    });
  }
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
  if (options.out !== undefined) await checkOutputPath(options.out, file);
  if (
    (format === "xlsx" || format === "ods" || format === "pdf") &&
    options.out === undefined &&
    output.isTerminal
  ) {
    throw new EntenteError("cli.bad_option", {
      option: "--out",
      expected: localized(
        `le format ${format} est binaire : donnez un fichier de sortie (--out budget.${format})`,
        `${format} is binary: give an output file (--out budget.${format})`,
      ),
    });
  }
  const entente = await readEntenteFile(file);
  const report = computeBudget(entente, year);
  // A CSV file starts with a UTF-8 byte order mark, which spreadsheet programs need to read
  // accents right (Excel); parsers of RFC 4180 skip it. Standard output gets none.
  const document = await renderBudgetDocument(report, format, options.lang, {
    ...(options.table === undefined ? {} : { tableId: options.table }),
    bom: options.out !== undefined,
  });
  if (document === null) {
    const ids = reportTableIds(report, options.lang).join(", ");
    throw new EntenteError("cli.bad_option", {
      option: "--table",
      expected: localized(`un de ${ids} attendu`, `one of ${ids}`),
    });
  }
  if (options.out === undefined) output.write(document.body);
  else await writeOutputFile(options.out, document.body);
}

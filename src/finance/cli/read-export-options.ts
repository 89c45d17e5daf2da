import { extname } from "node:path";
import { EntenteError, type Lang, localized } from "../errors.ts";
import { DOCUMENT_FORMATS, type DocumentFormat } from "../formats/render-budget-document.ts";

/** The options of `entente budget` as typed on the command line. */
export interface BudgetExportOptions {
  readonly year?: string;
  readonly format?: string;
  readonly out?: string;
  readonly table?: string;
  readonly lang: Lang;
}

const ALIASES: Record<string, DocumentFormat> = { markdown: "md", txt: "text" };
const normalize = (name: string): string => ALIASES[name] ?? name;
const isFormat = (name: string): name is DocumentFormat =>
  (DOCUMENT_FORMATS as readonly string[]).includes(name);

function badOption(option: string, fr: string, en: string): EntenteError {
  return new EntenteError("cli.bad_option", { option, expected: localized(fr, en) });
}

/** `--format`, checked against the extension of `--out` when that is a known format too. */
function chosenFormat(name: string, extension: string | undefined): DocumentFormat {
  const format = normalize(name);
  if (!isFormat(format))
    throw badOption(
      "--format",
      `un de ${DOCUMENT_FORMATS.join(", ")} attendu, reçu « ${name} »`,
      `one of ${DOCUMENT_FORMATS.join(", ")}, got "${name}"`,
    );
  if (extension !== undefined && isFormat(extension) && extension !== format)
    throw badOption(
      "--out",
      `l'extension .${extension} ne correspond pas au format ${format} : nommez le fichier *.${format} ou retirez --format`,
      `the .${extension} extension does not match the ${format} format: name the file *.${format} or drop --format`,
    );
  return format;
}

/** The output format: `--format`, else the extension of `--out`, else text; they must agree. */
function formatOf(options: BudgetExportOptions): DocumentFormat {
  const extension =
    options.out === undefined ? undefined : normalize(extname(options.out).slice(1).toLowerCase());
  if (options.format !== undefined) return chosenFormat(options.format, extension);
  if (extension === undefined) return "text";
  if (!isFormat(extension))
    throw badOption(
      "--out",
      `impossible de déduire le format de « ${options.out} » : donnez une extension (${DOCUMENT_FORMATS.join(", ")}) ou --format`,
      `cannot tell the format of "${options.out}": give an extension (${DOCUMENT_FORMATS.join(", ")}) or --format`,
    );
  return extension;
}

/** `--year`: four digits, or the latest exercise when absent. */
function yearOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{4}$/.test(text))
    throw badOption(
      "--year",
      `année sur 4 chiffres attendue, reçu « ${text} »`,
      `a 4-digit year, got "${text}"`,
    );
  return Number(text);
}

/**
 * Step 1 of `entente budget`: the output format and the year, from the options.
 * @throws EntenteError `cli.bad_option` naming the option and what it expects.
 */
export function readExportOptions(options: BudgetExportOptions): {
  format: DocumentFormat;
  year: number | undefined;
} {
  const format = formatOf(options);
  return { format, year: yearOf(options.year) };
}

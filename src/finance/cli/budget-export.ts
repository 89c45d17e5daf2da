import type { Output } from "../../platform/cli/output.ts";
import { writeOutputFile } from "../../platform/cli/write-output.ts";
import { computeBudget } from "../app/compute-budget.ts";
import type { BudgetReport } from "../domain/budget-report.ts";
import { EntenteError, localized } from "../errors.ts";
import { readEntenteFile } from "../formats/read-entente-file.ts";
import {
  type BudgetDocument,
  type DocumentFormat,
  renderBudgetDocument,
  reportTableIds,
} from "../formats/render-budget-document.ts";
import { checkDestination } from "./check-destination.ts";
import { type BudgetExportOptions, readExportOptions } from "./read-export-options.ts";

/**
 * Step 4: the document in the chosen format. A CSV file starts with a UTF-8 byte order mark,
 * which spreadsheet programs need to read accents right (Excel); parsers of RFC 4180 skip it.
 * Standard output gets none.
 * @throws EntenteError `cli.bad_option` (`--table`) with the tables there are.
 */
async function render(
  report: BudgetReport,
  format: DocumentFormat,
  options: BudgetExportOptions,
): Promise<BudgetDocument> {
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
  return document;
}

/**
 * `entente budget FILE`: reads and checks the entente file, computes the exercise and renders
 * the deliberation tables in the chosen format, to standard output or atomically to `--out`.
 * Steps: options, destination, computation, rendering, writing — everything is computed and
 * rendered before anything is written.
 */
export async function exportBudget(
  file: string,
  options: BudgetExportOptions,
  output: Output,
): Promise<void> {
  const { format, year } = readExportOptions(options);
  await checkDestination(file, format, options.out, output);
  const report = computeBudget(await readEntenteFile(file), year);
  const document = await render(report, format, options);
  if (options.out === undefined) output.write(document.body);
  else await writeOutputFile(options.out, document.body);
}

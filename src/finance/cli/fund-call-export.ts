import { writeOutputFile } from "../../platform/cli/write-output.ts";
import { computeBudget } from "../app/compute-budget.ts";
import { EntenteError, type Lang, localized } from "../errors.ts";
import { readEntenteFile } from "../formats/read-entente-file.ts";
import { renderFundCall } from "../formats/render-deliberation.ts";
import { checkOutputPath } from "./check-destination.ts";
import { dateOf } from "./deliberation-export.ts";
import { readExportOptions } from "./read-export-options.ts";

/** Options of `entente document fund-call`. */
export interface FundCallExportOptions {
  readonly member: string;
  readonly out: string;
  readonly year?: string;
  readonly dueOn?: string;
  readonly reference?: string;
  readonly lang: Lang;
}

/**
 * `entente document fund-call FILE --member ID --out FILE.odt`: the member's fund call (ODT) for
 * an exercise of an entente file: amounts by section, recall, adjustments, total, due date and
 * reference when given. Steps: options, destination, computation, rendering, atomic writing.
 * @throws EntenteError `cli.bad_option` (`--year`, `--member`, `--due-on`, `--out`), the entente
 * file's errors.
 */
export async function exportFundCall(file: string, options: FundCallExportOptions): Promise<void> {
  const { year } = readExportOptions({
    format: "text",
    lang: options.lang,
    ...(options.year === undefined ? {} : { year: options.year }),
  });
  const [dueOn] = dateOf("--due-on", options.dueOn);
  await checkOutputPath(options.out, file);
  const entente = await readEntenteFile(file);
  const report = computeBudget(entente, year);
  const document = renderFundCall(entente, report, options.member, {
    ...(dueOn === undefined ? {} : { dueOn }),
    ...(options.reference === undefined ? {} : { reference: options.reference }),
  });
  if (document === null) {
    const ids = report.memberOrder.join(", ");
    throw new EntenteError("cli.bad_option", {
      option: "--member",
      expected: localized(`un de ${ids} attendu`, `one of ${ids}`),
    });
  }
  await writeOutputFile(options.out, document);
}

import { writeOutputFile } from "../../platform/cli/write-output.ts";
import { isCalendarDate } from "../../shared/calendar-date.ts";
import { computeBudget } from "../app/compute-budget.ts";
import { EntenteError, type Lang, localized } from "../errors.ts";
import { readEntenteFile } from "../formats/read-entente-file.ts";
import { renderDeliberation } from "../formats/render-deliberation.ts";
import { checkOutputPath } from "./check-destination.ts";
import { readExportOptions } from "./read-export-options.ts";

/** Options of `entente document deliberation`. */
export interface DeliberationExportOptions {
  readonly member: string;
  readonly out: string;
  readonly year?: string;
  readonly operation?: string;
  readonly conventionDate?: string;
  readonly conferenceDate?: string;
  readonly lang: Lang;
}

/** `--convention-date`, `--conference-date`: AAAA-MM-JJ. @throws EntenteError `cli.bad_option`. */
export function dateOf(option: string, text: string | undefined): string[] {
  if (text === undefined) return [];
  if (!isCalendarDate(text))
    throw new EntenteError("cli.bad_option", {
      option,
      expected: localized(
        `date du calendrier AAAA-MM-JJ attendue (le jour doit exister), reçu « ${text} »`,
        `an existing calendar date YYYY-MM-DD, got "${text}"`,
      ),
    });
  return [text];
}

/**
 * `entente document deliberation FILE --member ID --out FILE.odt`: the member's deliberation
 * draft (ODT) for an exercise of an entente file. Steps: options, destination, computation,
 * rendering, writing (atomically, nothing written when a step fails).
 * @throws EntenteError `cli.bad_option` (`--year`, `--member`, dates, `--out`), the entente
 * file's errors.
 */
export async function exportDeliberation(file: string, options: DeliberationExportOptions): Promise<void> {
  const { year } = readExportOptions({
    format: "text",
    lang: options.lang,
    ...(options.year === undefined ? {} : { year: options.year }),
  });
  const [conventionSignedOn] = dateOf("--convention-date", options.conventionDate);
  const conferenceDates = dateOf("--conference-date", options.conferenceDate);
  await checkOutputPath(options.out, file);
  const entente = await readEntenteFile(file);
  const report = computeBudget(entente, year);
  const document = renderDeliberation(entente, report, options.member, {
    conferenceDates,
    ...(conventionSignedOn === undefined ? {} : { conventionSignedOn }),
    ...(options.operation === undefined ? {} : { operation: options.operation }),
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

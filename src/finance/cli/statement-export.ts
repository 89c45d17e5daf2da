import { extname } from "node:path";
import { writeOutputFile } from "../../platform/cli/write-output.ts";
import { statementOfFile } from "../app/statement-of-file.ts";
import { EntenteError, type Lang, localized } from "../errors.ts";
import { readEntenteFile } from "../formats/read-entente-file.ts";
import { renderOdt } from "../formats/render-odt.ts";
import { renderPdf } from "../formats/render-pdf.ts";
import { buildStatementBlocks, statementTable } from "../formats/statement-blocks.ts";
import { checkOutputPath } from "./check-destination.ts";

/** Options of `entente document statement`. */
export interface StatementExportOptions {
  readonly member: string;
  readonly out: string;
  readonly lang: Lang;
}

/** The document's format from `--out`'s extension. @throws EntenteError `cli.bad_option`. */
function formatOf(out: string): "odt" | "pdf" {
  const extension = extname(out).toLowerCase();
  if (extension === ".odt" || extension === ".pdf") return extension === ".odt" ? "odt" : "pdf";
  throw new EntenteError("cli.bad_option", {
    option: "--out",
    expected: localized(
      `un fichier .odt ou .pdf attendu, reçu « ${out} »`,
      `an .odt or .pdf file, got "${out}"`,
    ),
  });
}

/**
 * `entente document statement FILE --member ID --out FILE.odt|FILE.pdf`: the member's multi-year
 * statement (called, paid, due by call year, totals, what it still owes) from an entente file, as
 * ODT or PDF after `--out`'s extension. Steps: format, destination, computation, rendering,
 * writing (atomically, nothing written when a step fails).
 * @throws EntenteError `cli.bad_option` (`--out`, `--member`), the entente file's errors.
 */
export async function exportStatement(file: string, options: StatementExportOptions): Promise<void> {
  const format = formatOf(options.out);
  await checkOutputPath(options.out, file);
  const entente = await readEntenteFile(file);
  const statement = statementOfFile(entente, options.member);
  if (statement === null) {
    const ids = entente.members.map((m) => m.id).join(", ");
    throw new EntenteError("cli.bad_option", {
      option: "--member",
      expected: localized(`un de ${ids} attendu`, `one of ${ids}`),
    });
  }
  const unit = entente.rounding.unit;
  const name = entente.members.find((m) => m.id === options.member)?.name ?? options.member;
  const document =
    format === "odt"
      ? renderOdt(buildStatementBlocks({ entente, statement }), unit)
      : await renderPdf([statementTable(statement)], {
          lang: "fr",
          unit,
          heading: `Relevé de compte pluriannuel — ${name} — ${entente.name}`,
        });
  await writeOutputFile(options.out, document);
}

import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import type { Output } from "../../platform/cli/output.ts";
import { EntenteError, localized } from "../errors.ts";
import type { DocumentFormat } from "../formats/render-budget-document.ts";

const SAME_FILE = localized(
  "le fichier de sortie est le fichier d'entente lui-même (même chemin, lien symbolique ou lien physique) : choisissez un autre nom",
  "the output file is the entente file itself (same path, symbolic or hard link): choose another name",
);

/**
 * `--out` must be a new or regular file, and never the entente file itself, which it would
 * replace: not by its path, nor through a symbolic link or a hard link to it (same device and
 * inode once links are followed).
 */
export async function checkOutputPath(out: string, input: string): Promise<void> {
  const target = resolve(out);
  if (target === resolve(input))
    throw new EntenteError("cli.bad_option", { option: "--out", expected: SAME_FILE });
  // A path that cannot be examined (absent, or under a folder we may not read) is left to the
  // write, which reports why it cannot create the file.
  const info = await stat(target).catch(() => null);
  if (info === null) return;
  if (!info.isFile()) {
    throw new EntenteError("cli.bad_option", {
      option: "--out",
      expected: localized(
        `« ${out} » existe et n'est pas un fichier ordinaire (${info.isDirectory() ? "dossier" : "périphérique ou autre"}) : donnez un chemin de fichier`,
        `"${out}" exists and is not a regular file (${info.isDirectory() ? "a folder" : "a device or other"}): give a file path`,
      ),
    });
  }
  const source = await stat(input).catch(() => null);
  if (source !== null && source.dev === info.dev && source.ino === info.ino)
    throw new EntenteError("cli.bad_option", { option: "--out", expected: SAME_FILE });
}

/**
 * Step 2 of `entente budget`: where the document goes can take it, checked before any work so
 * that a refused command writes nothing. A binary format (XLSX, ODS, PDF) is not written to a
 * terminal: it needs `--out`.
 * @throws EntenteError `cli.bad_option` (`--out`).
 */
export async function checkDestination(
  input: string,
  format: DocumentFormat,
  out: string | undefined,
  output: Output,
): Promise<void> {
  if (out !== undefined) await checkOutputPath(out, input);
  if ((format === "xlsx" || format === "ods" || format === "pdf") && out === undefined && output.isTerminal) {
    throw new EntenteError("cli.bad_option", {
      option: "--out",
      expected: localized(
        `le format ${format} est binaire : donnez un fichier de sortie (--out budget.${format})`,
        `${format} is binary: give an output file (--out budget.${format})`,
      ),
    });
  }
}

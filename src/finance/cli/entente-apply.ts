import type { CliContext } from "../../platform/cli/cli-context.ts";
import { applyEntenteFile } from "../app/apply-entente-file.ts";
import type { EntentePreview } from "../app/preview-entente-file.ts";
import { previewEntenteFile } from "../app/preview-entente-file.ts";
import type { EntenteChange } from "../domain/diff-ententes.ts";
import { type Lang, ValidationError } from "../errors.ts";
import { readEntenteFile } from "../formats/read-entente-file.ts";
import { cliPrincipal } from "./cli-principal.ts";
import type { FinanceCliDeps } from "./commands.ts";

/** One line of the preview: `+` added, `-` removed, `~` changed, with the years it alters. */
function changeLine(change: EntenteChange, lang: Lang): string {
  const sign = change.before === null ? "+" : change.after === null ? "-" : "~";
  const value =
    change.before === null
      ? change.after
      : change.after === null
        ? change.before
        : `${change.before} → ${change.after}`;
  const years =
    change.years === "all"
      ? lang === "fr"
        ? " [tous les exercices]"
        : " [every exercise]"
      : change.years.length > 0
        ? ` [${change.years.join(", ")}]`
        : "";
  return `${sign} ${change.field}${years} : ${value}`;
}

/** The preview as people read it: every change, then the refusals and what to do. */
function describePreview(preview: EntentePreview, lang: Lang): string {
  if (preview.changes.length === 0) return lang === "fr" ? "aucun changement.\n" : "no change.\n";
  const lines = preview.changes.map((c) => changeLine(c, lang));
  const count =
    lang === "fr" ? `${preview.changes.length} changement(s).` : `${preview.changes.length} change(s).`;
  return `${lines.join("\n")}\n${count}\n`;
}

/**
 * `entente apply FILE --entente ID [--dry-run]`: reads the file as `entente validate` does, lists
 * what it changes in the server's entente (DATABASE_URL or DATA_DIR), then applies it all or
 * nothing — unless `--dry-run`. A change of an approved or adopted year, or a removal, is refused
 * with its field (exit 1) and nothing is stored.
 */
export async function applyEntenteFileCommand(
  file: string,
  options: { entente: string; dryRun?: boolean; lang: Lang },
  context: CliContext<FinanceCliDeps>,
): Promise<void> {
  const next = await readEntenteFile(file);
  const principal = cliPrincipal(options.entente);
  const preview = await context.withDeps((deps) =>
    options.dryRun === true
      ? previewEntenteFile(deps, principal, options.entente, next)
      : applyEntenteFile(deps, principal, options.entente, next),
  );
  context.stdout.write(describePreview(preview, options.lang));
  if (options.dryRun === true && preview.refused.length > 0) throw new ValidationError(preview.refused);
  const done =
    options.dryRun === true
      ? options.lang === "fr"
        ? "aperçu : rien n'a été enregistré.\n"
        : "preview: nothing was stored.\n"
      : options.lang === "fr"
        ? `appliqué à l'entente « ${options.entente} ».\n`
        : `applied to entente "${options.entente}".\n`;
  context.stdout.write(preview.changes.length === 0 ? "" : done);
}

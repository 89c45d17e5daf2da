import { basename, dirname, resolve } from "node:path";
import type { CliContext } from "../../platform/cli/cli-context.ts";
import { ID_RULE, idProblem } from "../../shared/identifiers.ts";
import { EntenteError, type Lang, localized } from "../errors.ts";
import { readEntenteFile } from "../formats/read-entente-file.ts";
import type { FinanceCliDeps } from "./commands.ts";

/**
 * The entente's id follows the API's rule (shared/identifiers.ts): the API could not reach an
 * entente of another id.
 * @throws EntenteError `cli.bad_option` (exit 2) naming the option and the rule.
 */
function checkEntenteId(id: string, option: string): void {
  const problem = idProblem(id);
  if (problem === null) return;
  const why = {
    empty: localized("vide", "empty"),
    too_long: localized(`${id.length} caractères`, `${id.length} characters`),
    format: localized(`« ${id} »`, `"${id}"`),
  }[problem];
  throw new EntenteError("cli.bad_option", {
    option: option === "FILE" ? "--id (FILE's folder name)" : option,
    expected: localized(`${ID_RULE.fr}, reçu ${why.fr}`, `${ID_RULE.en}, got ${why.en}`),
  });
}

/**
 * `entente import FILE [--id ID]`: checks the entente file, then stores all of it (members,
 * keys, missions, exercises with a first budget version, advances, adjustments) in the server's
 * database in one transaction. Default id: the file's folder name (examples/lyon-2023 → lyon-2023).
 */
export async function importEntente(
  file: string,
  options: { id?: string; lang: Lang },
  context: CliContext<FinanceCliDeps>,
): Promise<void> {
  const id = options.id ?? (basename(dirname(resolve(file))).replace(/[^A-Za-z0-9._-]/g, "-") || "entente");
  checkEntenteId(id, options.id === undefined ? "FILE" : "--id");
  const entente = await readEntenteFile(file);
  await context.withDeps((deps) =>
    deps.ententes.importEntente(id, entente, { id: "cli", label: "entente import" }),
  );
  const years = entente.exercises.map((e) => e.year).join(", ");
  context.stdout.write(
    options.lang === "fr"
      ? `entente « ${id} » importée : ${entente.members.length} membres, exercices ${years}.\n`
      : `entente "${id}" imported: ${entente.members.length} members, exercises ${years}.\n`,
  );
}

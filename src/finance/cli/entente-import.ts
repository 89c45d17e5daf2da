import { basename, dirname, resolve } from "node:path";
import type { CliContext } from "../../platform/cli/cli-context.ts";
import type { Lang } from "../errors.ts";
import { readEntenteFile } from "../formats/read-entente-file.ts";
import type { FinanceCliDeps } from "./commands.ts";

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
  const entente = await readEntenteFile(file);
  const id = options.id ?? (basename(dirname(resolve(file))).replace(/[^A-Za-z0-9._-]/g, "-") || "entente");
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

import { basename, dirname, resolve } from "node:path";
import { createEntenteStore } from "../../db/entente-store.ts";
import type { Lang } from "../../domain/errors.ts";
import { readEntenteFile } from "../../formats/read-entente-file.ts";
import { openCliDatabase } from "../open-cli-database.ts";
import type { Output } from "./budget-export.ts";

/**
 * `entente import FILE [--id ID]`: checks the entente file, then stores all of it (members,
 * keys, missions, exercises with a first budget version, advances, adjustments) in the server's
 * database in one transaction. Default id: the file's folder name (examples/lyon-2023 → lyon-2023).
 */
export async function importEntente(
  file: string,
  options: { id?: string; lang: Lang },
  output: Output,
  env: Readonly<Record<string, string | undefined>>,
): Promise<void> {
  const entente = await readEntenteFile(file);
  const id = options.id ?? (basename(dirname(resolve(file))).replace(/[^A-Za-z0-9._-]/g, "-") || "entente");
  const database = await openCliDatabase(env);
  try {
    await createEntenteStore(database.db).importEntente(id, entente, { id: "cli", label: "entente import" });
  } finally {
    await database.close();
  }
  output.write(
    options.lang === "fr"
      ? `entente « ${id} » importée : ${entente.members.length} membres, exercices ${entente.exercises.map((e) => e.year).join(", ")}.\n`
      : `entente "${id}" imported: ${entente.members.length} members, exercises ${entente.exercises.map((e) => e.year).join(", ")}.\n`,
  );
}

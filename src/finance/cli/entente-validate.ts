import type { Output } from "../../platform/cli/output.ts";
import type { Lang } from "../errors.ts";
import { readEntenteFile } from "../formats/read-entente-file.ts";

/** `entente validate FILE`: checks the file and every rule; prints a one-line summary when valid. */
export async function validateEntenteFile(file: string, lang: Lang, output: Output): Promise<void> {
  const entente = await readEntenteFile(file);
  const years = entente.exercises.map((e) => e.year).join(", ");
  output.write(
    lang === "fr"
      ? `${file} : valide — ${entente.members.length} membres, ${entente.keys.length} clé(s), ${entente.missions.length} mission(s), exercices ${years}.\n`
      : `${file}: valid — ${entente.members.length} members, ${entente.keys.length} key(s), ${entente.missions.length} mission(s), exercises ${years}.\n`,
  );
}

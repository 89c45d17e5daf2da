import type { CliContext } from "../../platform/cli/cli-context.ts";
import { writeOutputFile } from "../../platform/cli/write-output.ts";
import { exportEntente } from "../app/export-entente.ts";
import type { Lang } from "../errors.ts";
import { renderEntenteFile } from "../formats/to-entente-file.ts";
import { cliPrincipal } from "./cli-principal.ts";
import type { FinanceCliDeps } from "./commands.ts";

/**
 * `entente export ID [--out FILE]`: the server's entente (DATABASE_URL or DATA_DIR) as an entente
 * file, to standard output or written atomically to FILE; `entente apply` takes it back.
 */
export async function exportEntenteFile(
  id: string,
  options: { out?: string; lang: Lang },
  context: CliContext<FinanceCliDeps>,
): Promise<void> {
  const entente = await context.withDeps((deps) => exportEntente(deps, cliPrincipal(id), id));
  const text = renderEntenteFile(entente, `the server (entente ${id})`);
  if (options.out === undefined) context.stdout.write(text);
  else await writeOutputFile(options.out, text);
}

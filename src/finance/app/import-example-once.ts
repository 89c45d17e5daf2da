import type { Entente } from "../domain/entente.ts";
import type { FinanceDeps } from "./finance-deps.ts";

/**
 * First start: imports the example entente under `ententeId`, unless an entente already
 * exists, so that a second start on the same data keeps it and imports nothing twice.
 * @returns true when the example was imported, false when the database already held an entente.
 */
export async function importExampleOnce(
  deps: Pick<FinanceDeps, "ententes">,
  ententeId: string,
  entente: Entente,
): Promise<boolean> {
  if ((await deps.ententes.listEntentes()).length > 0) return false;
  await deps.ententes.importEntente(ententeId, entente, { id: "system", label: "import" });
  return true;
}

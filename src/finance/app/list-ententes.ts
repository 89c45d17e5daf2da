import type { Principal } from "../../access/index.ts";
import type { FinanceDeps } from "./finance-deps.ts";
import type { EntenteSummary } from "./ports/entente-store.ts";

/** The ententes the signed-in person belongs to (a console account belongs to one entente). */
export async function listEntentes(
  deps: Pick<FinanceDeps, "ententes">,
  principal: Principal,
): Promise<EntenteSummary[]> {
  const all = await deps.ententes.listEntentes();
  return all.filter((e) => e.id === principal.ententeId);
}

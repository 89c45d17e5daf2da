import { assertCan, type Principal } from "../../access/index.ts";
import type { Entente } from "../domain/entente.ts";
import type { FinanceDeps } from "./finance-deps.ts";

/**
 * The stored entente as the finance engine sees it (each exercise with its latest budget
 * version, drafts included), for writing it out as an entente file: the secretariat's, as drafts
 * are (`read-drafts`).
 */
export async function exportEntente(
  deps: Pick<FinanceDeps, "ententes">,
  principal: Principal,
  ententeId: string,
): Promise<Entente> {
  assertCan(principal, { kind: "read-drafts", ententeId });
  return deps.ententes.loadEntente(ententeId);
}

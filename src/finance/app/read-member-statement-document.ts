import type { Principal } from "../../access/index.ts";
import type { Entente } from "../domain/entente.ts";
import type { MemberStatement } from "../domain/member-statement.ts";
import type { FinanceDeps } from "./finance-deps.ts";
import { getMemberStatement } from "./get-member-statement.ts";

/**
 * What a member's multi-year statement document shows: the statement (getMemberStatement's rules:
 * access, years a reader may see) and the entente it belongs to (names, accountant, rounding).
 * @throws EntenteError `resource.not_found` (member), `access.forbidden`.
 */
export async function readMemberStatementDocument(
  deps: Pick<FinanceDeps, "ententes" | "budgets" | "fundCalls">,
  principal: Principal,
  ententeId: string,
  memberId: string,
): Promise<{ entente: Entente; statement: MemberStatement }> {
  const statement = await getMemberStatement(deps, principal, ententeId, memberId);
  return { entente: await deps.ententes.loadEntente(ententeId), statement };
}

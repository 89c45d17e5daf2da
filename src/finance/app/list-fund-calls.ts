import { assertCan, canPerform, type Principal } from "../../access/index.ts";
import type { FinanceDeps } from "./finance-deps.ts";
import type { FundCallRecord } from "./ports/fund-call-store.ts";

/** Fund calls of the entente (one year or all); a finance officer sees its member's only. */
export async function listFundCalls(
  deps: Pick<FinanceDeps, "fundCalls">,
  principal: Principal,
  ententeId: string,
  year: number | null,
): Promise<FundCallRecord[]> {
  assertCan(principal, { kind: "read", ententeId });
  const calls = await deps.fundCalls.list(ententeId, year);
  if (principal.role === "finance" && !canPerform(principal, { kind: "read-drafts", ententeId })) {
    return calls.filter((c) => c.memberId === principal.memberId);
  }
  return calls;
}

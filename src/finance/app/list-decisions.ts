import { assertCan, type Principal } from "../../access/index.ts";
import type { FinanceDeps } from "./finance-deps.ts";
import type { DecisionRecord } from "./ports/decision-store.ts";

/** The conference's decisions with each member's ratification. */
export async function listDecisions(
  deps: Pick<FinanceDeps, "decisions">,
  principal: Principal,
  ententeId: string,
): Promise<DecisionRecord[]> {
  assertCan(principal, { kind: "read", ententeId });
  return deps.decisions.list(ententeId);
}

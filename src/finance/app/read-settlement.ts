import { assertCan, type Principal } from "../../access/index.ts";
import type { FinanceDeps } from "./finance-deps.ts";
import type { SettlementRecord } from "./ports/settlement-store.ts";
import { requireExercise } from "./require-exercise.ts";

/** The advances and adjustments of an exercise (read by every role of the entente). */
export async function readSettlement(
  deps: Pick<FinanceDeps, "settlements">,
  principal: Principal,
  ententeId: string,
  year: number,
): Promise<SettlementRecord> {
  assertCan(principal, { kind: "read", ententeId });
  return requireExercise(await deps.settlements.get(ententeId, year), year);
}

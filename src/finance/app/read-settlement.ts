import { assertCan, canPerform, type Principal } from "../../access/index.ts";
import type { FinanceDeps } from "./finance-deps.ts";
import type { SettlementRecord } from "./ports/settlement-store.ts";
import { requireExercise } from "./require-exercise.ts";

/**
 * The advances and adjustments of an exercise (read by every role of the entente): in its
 * latest budget version (an amending budget being drafted) for whoever may read drafts, in the
 * version in force for the others — as `GET …/budget` does.
 */
export async function readSettlement(
  deps: Pick<FinanceDeps, "settlements">,
  principal: Principal,
  ententeId: string,
  year: number,
): Promise<SettlementRecord> {
  assertCan(principal, { kind: "read", ententeId });
  const which = canPerform(principal, { kind: "read-drafts", ententeId }) ? "latest" : "in-force";
  return requireExercise(await deps.settlements.get(ententeId, year, which), year);
}

import { assertCan, type Principal } from "../../access/index.ts";
import {
  assertPercentKey,
  assertPercentSharesResolve,
  type PercentShareInput,
  parsePercentShares,
} from "../domain/percent-key-rules.ts";
import { actorOf } from "./actor-of.ts";
import { assertFiguresOpen } from "./assert-figures-open.ts";
import type { FinanceDeps } from "./finance-deps.ts";
import type { KeyRecord } from "./ports/key-store.ts";

/**
 * Replaces the rates of a percent key. Rates are decimal text with at most 4 decimals and must
 * sum to exactly 100 % (`key.shares_not_100`, with the sum); every member must belong to the
 * entente; only percent keys are edited here. Nothing is stored otherwise.
 */
export async function updatePercentKey(
  deps: Pick<FinanceDeps, "ententes" | "budgets" | "members" | "keys">,
  principal: Principal,
  ententeId: string,
  keyId: string,
  change: { label: string; source: string | null; shares: readonly PercentShareInput[] },
  rowVersion: number,
): Promise<KeyRecord> {
  assertCan(principal, { kind: "edit-key", ententeId });
  await assertFiguresOpen(deps, ententeId, "all");
  const members = (await deps.members.list(ententeId)).map((m) => m.id);
  const shares = parsePercentShares(keyId, change.shares, new Set(members));
  assertPercentSharesResolve({ id: keyId, label: change.label }, shares, members);
  return deps.keys.updatePercent(
    ententeId,
    keyId,
    { label: change.label, source: change.source, shares },
    rowVersion,
    actorOf(principal),
    assertPercentKey,
  );
}

import { assertCan, type Principal } from "../../access/index.ts";
import type { KeyBasis } from "../domain/entente.ts";
import {
  assertPercentSharesResolve,
  type PercentShareInput,
  parsePercentShares,
} from "../domain/percent-key-rules.ts";
import { parseWeightShares, type WeightShareInput } from "../domain/weight-key-rules.ts";
import { actorOf } from "./actor-of.ts";
import { assertFiguresOpen } from "./assert-figures-open.ts";
import type { FinanceDeps } from "./finance-deps.ts";

/** The basis a period gives: percent rates (exactly 100 %) or integer weights (sum above zero). */
function periodBasis(
  keyId: string,
  change: {
    shares?: readonly PercentShareInput[] | undefined;
    weights?: readonly WeightShareInput[] | undefined;
  },
  members: readonly string[],
): KeyBasis {
  if (change.weights !== undefined)
    return parseWeightShares({ id: keyId, label: keyId }, change.weights, members);
  const shares = parsePercentShares(keyId, change.shares ?? [], new Set(members));
  assertPercentSharesResolve({ id: keyId, label: keyId }, shares, members);
  return { kind: "percent", shares: shares.map((s) => ({ member: s.memberId, tenThousandths: s.value })) };
}

/**
 * Changes a key from a named exercise on (a key period: percent rates, or weights such as a
 * population): the years before `from` keep their figures, so an adopted year never moves. Refused (`budget.figures_frozen`) when an exercise
 * from `from` on — or the year it is called in — is approved or adopted; rates must sum to
 * exactly 100 % (`key.shares_not_100`), weights above zero (`key.empty`).
 * @throws EntenteError `access.forbidden`, `budget.figures_frozen`, `entente.unknown_reference`,
 *   `key.shares_not_100`, `key.empty`, `entente.duplicate_id`, `resource.not_found`.
 */
export async function setKeyPeriod(
  deps: Pick<FinanceDeps, "ententes" | "budgets" | "members" | "keys">,
  principal: Principal,
  ententeId: string,
  keyId: string,
  change: {
    from: number;
    source: string | null;
    shares?: readonly PercentShareInput[] | undefined;
    weights?: readonly WeightShareInput[] | undefined;
  },
): Promise<void> {
  assertCan(principal, { kind: "edit-key", ententeId });
  const entente = await deps.ententes.loadEntente(ententeId);
  const altered = entente.exercises.map((e) => e.year).filter((year) => year >= change.from);
  await assertFiguresOpen(deps, ententeId, altered, { kind: "shared", field: ["from"] });
  const members = (await deps.members.list(ententeId)).map((m) => m.id);
  const basis = periodBasis(keyId, change, members);
  await deps.keys.setPeriod(
    ententeId,
    keyId,
    {
      from: change.from,
      basis,
      ...(change.source === null ? {} : { source: change.source }),
    },
    actorOf(principal),
  );
}

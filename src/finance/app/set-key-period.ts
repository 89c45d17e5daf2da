import { assertCan, type Principal } from "../../access/index.ts";
import { type CriterionInput, parseCriteriaKey } from "../domain/criteria-key-rules.ts";
import type { Entente, KeyBasis } from "../domain/entente.ts";
import { belongsIn } from "../domain/membership.ts";
import {
  assertPercentSharesResolve,
  type PercentShareInput,
  parsePercentShares,
} from "../domain/percent-key-rules.ts";
import { parseWeightShares, type WeightShareInput } from "../domain/weight-key-rules.ts";
import { actorOf } from "./actor-of.ts";
import { assertFiguresOpen } from "./assert-figures-open.ts";
import type { FinanceDeps } from "./finance-deps.ts";

/** What a key period gives: its first exercise, source, and one basis (see KeyPeriodInput). */
export interface KeyPeriodChange {
  readonly from: number;
  readonly source: string | null;
  readonly shares?: readonly PercentShareInput[] | undefined;
  readonly weights?: readonly WeightShareInput[] | undefined;
  readonly criteria?: readonly CriterionInput[] | undefined;
}

/**
 * The basis a period gives: percent rates (exactly 100 %), integer weights (sum above zero) or
 * weighted criteria over the members of its first exercise (criteria-key-rules.ts).
 */
function periodBasis(keyId: string, change: KeyPeriodChange, entente: Entente): KeyBasis {
  const members = entente.members.map((m) => m.id);
  if (change.criteria !== undefined) {
    const inPeriod = entente.members.filter((m) => belongsIn(m, change.from)).map((m) => m.id);
    return parseCriteriaKey({ id: keyId, label: keyId }, change.criteria, {
      year: change.from,
      members: inPeriod,
    });
  }
  if (change.weights !== undefined)
    return parseWeightShares({ id: keyId, label: keyId }, change.weights, members);
  const shares = parsePercentShares(keyId, change.shares ?? [], new Set(members));
  assertPercentSharesResolve({ id: keyId, label: keyId }, shares, members);
  return { kind: "percent", shares: shares.map((s) => ({ member: s.memberId, tenThousandths: s.value })) };
}

/**
 * Changes a key from a named exercise on (a key period: percent rates, weights such as a
 * population, or weighted criteria with their sources): the years before `from` keep their
 * figures, so an adopted year never moves. Refused (`budget.figures_frozen`) when an exercise
 * from `from` on — or the year it is called in — is approved or adopted; rates must sum to
 * exactly 100 % (`key.shares_not_100`), weights above zero (`key.empty`), criteria as
 * criteria-key-rules.ts says (`key.criteria_weights_not_100`, `key.criteria_value_missing`…).
 * @throws EntenteError `access.forbidden`, `budget.figures_frozen`, `entente.unknown_reference`,
 *   `key.shares_not_100`, `key.empty`, `entente.duplicate_id`, `resource.not_found`; ValidationError
 *   with the problems of criteria.
 */
export async function setKeyPeriod(
  deps: Pick<FinanceDeps, "ententes" | "budgets" | "keys">,
  principal: Principal,
  ententeId: string,
  keyId: string,
  change: KeyPeriodChange,
): Promise<void> {
  assertCan(principal, { kind: "edit-key", ententeId });
  const entente = await deps.ententes.loadEntente(ententeId);
  const altered = entente.exercises.map((e) => e.year).filter((year) => year >= change.from);
  await assertFiguresOpen(deps, ententeId, altered, { kind: "shared", field: ["from"] });
  const basis = periodBasis(keyId, change, entente);
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

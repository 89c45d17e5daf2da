import { formatScaled, percentUnitsToText } from "../../shared/money-input.ts";
import type { AllocationKey, KeyBasis } from "../domain/entente.ts";
import { sharePercentText } from "../domain/exact-shares.ts";
import { resolveKeyShares } from "../domain/resolve-key-shares.ts";

/** One period of a key as the console shows it (contracts/key-period-api.ts). */
export interface KeyPeriodViewRecord {
  /** First exercise of the period; null for the key's first basis (from the start). */
  readonly from: number | null;
  readonly basis: KeyBasis["kind"];
  readonly source: string | null;
  /** Per member: the figure as entered (rate text, weight) and its exact share in percent. */
  readonly shares: readonly { memberId: string; value: string; percent: string }[];
  /** Criteria periods: each criterion as entered (weight in percent, values as decimal text). */
  readonly criteria?: readonly CriterionView[];
}

/** A criterion of a criteria period as the console shows and edits it. */
export interface CriterionView {
  readonly id: string;
  readonly label: string | null;
  readonly source: string | null;
  /** Its weight in percent of the key, w / Σ w (a file may weigh 60 and 40, or 3 and 2), exact or `…`. */
  readonly weight: string;
  readonly values: readonly { memberId: string; value: string }[];
}

/**
 * The criteria of `basis` as entered: values are held scaled by 10^4 (the file's and the API's 4
 * decimals) and shown as typed; weights are shown in percent of the key.
 */
function criteriaView(basis: KeyBasis): CriterionView[] | undefined {
  if (basis.kind !== "criteria") return undefined;
  const weights = {
    members: basis.criteria.map((c) => c.id),
    numerators: basis.criteria.map((c) => c.weight),
    denominator: basis.criteria.reduce((sum, c) => sum + c.weight, 0n),
  };
  return basis.criteria.map((c, i) => ({
    id: c.id,
    label: c.label ?? null,
    source: c.source ?? null,
    weight: weights.denominator === 0n ? "0" : sharePercentText(weights, i),
    values: c.values.map((v) => ({ memberId: v.member, value: formatScaled(v.value, 4, true) })),
  }));
}

/** The figure each member has in `basis` as entered (criteria keys: none, their share is shown). */
function enteredValues(basis: KeyBasis): Map<string, string> {
  if (basis.kind === "percent")
    return new Map(basis.shares.map((s) => [s.member, percentUnitsToText(s.tenThousandths)]));
  if (basis.kind === "weights") return new Map(basis.shares.map((s) => [s.member, s.weight.toString()]));
  return new Map();
}

/**
 * Every period of `key`, its first basis first, each member's share resolved exactly on its own
 * (resolve-key-shares.ts), in the entente's member order. A period whose figures do not resolve
 * (rates not at 100 %) shows its figures with empty percents.
 */
export function keyPeriodViews(key: AllocationKey, memberOrder: readonly string[]): KeyPeriodViewRecord[] {
  const periods = [{ from: null, basis: key.basis, source: key.source }, ...(key.periods ?? [])];
  return periods.map((period) => {
    const result = resolveKeyShares({ id: key.id, label: key.label, basis: period.basis }, memberOrder);
    const values = enteredValues(period.basis);
    const percents = new Map<string, string>(
      result.ok ? result.shares.members.map((m, i) => [m, sharePercentText(result.shares, i)]) : [],
    );
    const members = [...new Set([...percents.keys(), ...values.keys()])];
    const criteria = criteriaView(period.basis);
    return {
      from: period.from,
      basis: period.basis.kind,
      source: period.source ?? null,
      shares: members.map((memberId) => ({
        memberId,
        value: values.get(memberId) ?? percents.get(memberId) ?? "",
        percent: percents.get(memberId) ?? "",
      })),
      ...(criteria === undefined ? {} : { criteria }),
    };
  });
}

import { percentUnitsToText } from "../../shared/money-input.ts";
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
    return {
      from: period.from,
      basis: period.basis.kind,
      source: period.source ?? null,
      shares: members.map((memberId) => ({
        memberId,
        value: values.get(memberId) ?? percents.get(memberId) ?? "",
        percent: percents.get(memberId) ?? "",
      })),
    };
  });
}

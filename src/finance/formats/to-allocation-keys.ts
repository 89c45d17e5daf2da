import type { EntenteFileData } from "../contracts/entente-file.ts";
import type { AllocationKey, KeyBasis, KeyPeriod } from "../domain/entente.ts";
import type { NumberReaders } from "./create-number-readers.ts";

type KeyEntry = EntenteFileData["keys"][number];
type BasisEntry = Pick<KeyEntry, "percent" | "weights" | "criteria">;

/** The basis of a key entry or of one of its periods (at `at` in the file), read exactly. */
function basisOf(entry: BasisEntry, at: (string | number)[], keyId: string, read: NumberReaders): KeyBasis {
  if (entry.percent !== undefined)
    return {
      kind: "percent",
      shares: Object.entries(entry.percent).map(([member, rate]) => ({
        member,
        tenThousandths: read.scaled(rate, [...at, "percent", member], keyId, true),
      })),
    };
  if (entry.weights !== undefined)
    return {
      kind: "weights",
      shares: Object.entries(entry.weights).map(([member, weight]) => ({ member, weight: BigInt(weight) })),
    };
  return {
    kind: "criteria",
    criteria: (entry.criteria ?? []).map((criterion, c) => ({
      id: criterion.id,
      ...(criterion.label === undefined ? {} : { label: criterion.label }),
      ...(criterion.source === undefined ? {} : { source: criterion.source }),
      weight: read.scaled(criterion.weight, [...at, "criteria", c, "weight"], keyId, false),
      values: Object.entries(criterion.values).map(([member, value]) => ({
        member,
        value: read.scaled(value, [...at, "criteria", c, "values", member], keyId, false),
      })),
    })),
  };
}

/** The periods of key entry `k`: from which exercise each later basis holds. */
function periodsOf(key: KeyEntry, k: number, read: NumberReaders): KeyPeriod[] {
  return (key.periods ?? []).map((period, p) => ({
    from: period.from,
    basis: basisOf(period, ["keys", k, "periods", p], key.id, read),
    ...(period.source === undefined ? {} : { source: period.source }),
  }));
}

/** The file's allocation keys as the domain model holds them. */
export function toAllocationKeys(keys: EntenteFileData["keys"], read: NumberReaders): AllocationKey[] {
  return keys.map((key, k) => ({
    id: key.id,
    label: key.label,
    basis: basisOf(key, ["keys", k], key.id, read),
    ...(key.source === undefined ? {} : { source: key.source }),
    ...(key.periods === undefined ? {} : { periods: periodsOf(key, k, read) }),
  }));
}

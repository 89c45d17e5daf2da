import type { EntenteFileData } from "../contracts/entente-file.ts";
import type { AllocationKey, KeyBasis } from "../domain/entente.ts";
import type { NumberReaders } from "./create-number-readers.ts";

type KeyEntry = EntenteFileData["keys"][number];

/** The basis of key entry `k`: its rates, weights or criteria, read exactly. */
function basisOf(key: KeyEntry, k: number, read: NumberReaders): KeyBasis {
  if (key.percent !== undefined)
    return {
      kind: "percent",
      shares: Object.entries(key.percent).map(([member, rate]) => ({
        member,
        tenThousandths: read.scaled(rate, ["keys", k, "percent", member], key.id, true),
      })),
    };
  if (key.weights !== undefined)
    return {
      kind: "weights",
      shares: Object.entries(key.weights).map(([member, weight]) => ({ member, weight: BigInt(weight) })),
    };
  return {
    kind: "criteria",
    criteria: (key.criteria ?? []).map((criterion, c) => ({
      id: criterion.id,
      weight: read.scaled(criterion.weight, ["keys", k, "criteria", c, "weight"], key.id, false),
      values: Object.entries(criterion.values).map(([member, value]) => ({
        member,
        value: read.scaled(value, ["keys", k, "criteria", c, "values", member], key.id, false),
      })),
    })),
  };
}

/** The file's allocation keys as the domain model holds them. */
export function toAllocationKeys(keys: EntenteFileData["keys"], read: NumberReaders): AllocationKey[] {
  return keys.map((key, k) => ({
    id: key.id,
    label: key.label,
    basis: basisOf(key, k, read),
    ...(key.source === undefined ? {} : { source: key.source }),
  }));
}

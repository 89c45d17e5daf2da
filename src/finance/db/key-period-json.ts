import type { KeyBasis } from "../domain/entente.ts";

/**
 * A key period's basis as stored in `key_period.data` (jsonb): its shares or criteria with every
 * integer as decimal text, since JSON numbers would lose the exactness of bigints.
 */
export type StoredBasis =
  | { readonly shares: readonly { member: string; value: string }[] }
  | {
      readonly criteria: readonly {
        id: string;
        weight: string;
        values: readonly { member: string; value: string }[];
      }[];
    };

/** `basis` as stored (see StoredBasis). */
export function basisToJson(basis: KeyBasis): StoredBasis {
  if (basis.kind === "percent")
    return { shares: basis.shares.map((s) => ({ member: s.member, value: String(s.tenThousandths) })) };
  if (basis.kind === "weights")
    return { shares: basis.shares.map((s) => ({ member: s.member, value: String(s.weight) })) };
  return {
    criteria: basis.criteria.map((c) => ({
      id: c.id,
      weight: String(c.weight),
      values: c.values.map((v) => ({ member: v.member, value: String(v.value) })),
    })),
  };
}

/** The basis of kind `kind` from its stored form (written by basisToJson). */
export function basisFromJson(kind: KeyBasis["kind"], data: StoredBasis): KeyBasis {
  const shares = "shares" in data ? data.shares : [];
  if (kind === "percent")
    return { kind, shares: shares.map((s) => ({ member: s.member, tenThousandths: BigInt(s.value) })) };
  if (kind === "weights")
    return { kind, shares: shares.map((s) => ({ member: s.member, weight: BigInt(s.value) })) };
  const criteria = "criteria" in data ? data.criteria : [];
  return {
    kind,
    criteria: criteria.map((c) => ({
      id: c.id,
      weight: BigInt(c.weight),
      values: c.values.map((v) => ({ member: v.member, value: BigInt(v.value) })),
    })),
  };
}

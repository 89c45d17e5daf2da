import type { KeyBasis } from "../domain/entente.ts";
import type { UsageFigures } from "../domain/usage-figures.ts";

/** Usage figures as stored: seats and measured values as decimal text (exact bigints). */
export type StoredUsage = Omit<UsageFigures, "values"> & {
  readonly values: readonly { member: string; seats: string; measured: string }[];
};

/**
 * A key period's basis as stored in `key_period.data` (jsonb): its shares or criteria with every
 * integer as decimal text, since JSON numbers would lose the exactness of bigints.
 */
export type StoredBasis =
  | { readonly shares: readonly { member: string; value: string }[] }
  | {
      readonly criteria: readonly {
        id: string;
        label?: string;
        source?: string;
        weight: string;
        values: readonly { member: string; value: string }[];
      }[];
    }
  | { readonly usage: StoredUsage };

/** `basis` as stored (see StoredBasis). */
export function basisToJson(basis: KeyBasis): StoredBasis {
  if (basis.kind === "percent")
    return { shares: basis.shares.map((s) => ({ member: s.member, value: String(s.tenThousandths) })) };
  if (basis.kind === "weights")
    return { shares: basis.shares.map((s) => ({ member: s.member, value: String(s.weight) })) };
  if (basis.kind === "usage") {
    const { values, ...figures } = basis.usage;
    const stored = values.map((v) => ({
      member: v.member,
      seats: String(v.seats),
      measured: String(v.measured),
    }));
    return { usage: { ...figures, values: stored } };
  }
  return {
    criteria: basis.criteria.map((c) => ({
      id: c.id,
      ...(c.label === undefined ? {} : { label: c.label }),
      ...(c.source === undefined ? {} : { source: c.source }),
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
  if (kind === "usage" && "usage" in data) {
    const { values, ...figures } = data.usage;
    const parsed = values.map((v) => ({
      member: v.member,
      seats: BigInt(v.seats),
      measured: BigInt(v.measured),
    }));
    return { kind, usage: { ...figures, values: parsed } };
  }
  const criteria = "criteria" in data ? data.criteria : [];
  return {
    kind: "criteria",
    criteria: criteria.map((c) => ({
      id: c.id,
      ...(c.label === undefined ? {} : { label: c.label }),
      ...(c.source === undefined ? {} : { source: c.source }),
      weight: BigInt(c.weight),
      values: c.values.map((v) => ({ member: v.member, value: BigInt(v.value) })),
    })),
  };
}

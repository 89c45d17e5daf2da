import { EntenteError, localized, ValidationError } from "../errors.ts";
import type { KeyBasis } from "./entente.ts";
import { resolveKeyShares } from "./resolve-key-shares.ts";

/** A member's weight as the API takes it: an integer as text (a population, a usage count…). */
export interface WeightShareInput {
  readonly memberId: string;
  readonly value: string;
}

/**
 * A weights key's basis from the weights typed (a period of a population or usage key): each
 * member once and known, each weight an integer ≥ 0 (the contract checks the digits), their sum
 * above zero so that shares exist (`key.empty`, resolve-key-shares.ts). Paths at `weights`.
 * @throws EntenteError `entente.duplicate_id`, `entente.unknown_reference`; ValidationError `key.empty`.
 */
export function parseWeightShares(
  key: { readonly id: string; readonly label: string },
  weights: readonly WeightShareInput[],
  memberOrder: readonly string[],
): Extract<KeyBasis, { kind: "weights" }> {
  const known = new Set(memberOrder);
  const seen = new Map<string, number>();
  weights.forEach((share, index) => {
    const first = seen.get(share.memberId);
    if (first !== undefined)
      throw new EntenteError(
        "entente.duplicate_id",
        {
          id: share.memberId,
          what: localized("membre de la clé", "member of the key"),
          first: localized(`en weights[${first}]`, `at weights[${first}]`),
        },
        { path: ["weights", index, "memberId"] },
      );
    seen.set(share.memberId, index);
    if (!known.has(share.memberId))
      throw new EntenteError(
        "entente.unknown_reference",
        { what: localized("membre", "member"), id: share.memberId, known: memberOrder.join(", ") },
        { path: ["weights", index, "memberId"] },
      );
  });
  const basis = {
    kind: "weights" as const,
    shares: weights.map((w) => ({ member: w.memberId, weight: BigInt(w.value) })),
  };
  const result = resolveKeyShares({ id: key.id, label: key.label, basis }, memberOrder);
  if (!result.ok) throw new ValidationError(result.issues.map((i) => ({ ...i, path: ["weights"] })));
  return basis;
}

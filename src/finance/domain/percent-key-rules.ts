import { parseScaledDecimal } from "../../shared/money.ts";
import { EntenteError, localized, ValidationError } from "../errors.ts";
import { resolveKeyShares } from "./resolve-key-shares.ts";

/** A member's rate as entered: decimal text in percent (`30.6`). */
export interface PercentShareInput {
  readonly memberId: string;
  readonly value: string;
}

/** A member's rate in ten-thousandths of a percent (30.6 % → 306 000). */
export interface PercentShare {
  readonly memberId: string;
  readonly value: bigint;
}

/**
 * Reads the rates of a percent key: every member belongs to the entente and appears once, every
 * rate has at most 4 decimals. The first problem is thrown, at its share.
 * @throws EntenteError `entente.duplicate_id`, `entente.unknown_reference` or `key.too_many_decimals`.
 */
export function parsePercentShares(
  keyId: string,
  shares: readonly PercentShareInput[],
  members: ReadonlySet<string>,
): PercentShare[] {
  const seen = new Map<string, number>();
  return shares.map((share, index) => {
    const first = seen.get(share.memberId);
    if (first !== undefined)
      throw new EntenteError(
        "entente.duplicate_id",
        {
          id: share.memberId,
          what: localized("membre de la clé", "member of the key"),
          first: localized(`en shares[${first}]`, `at shares[${first}]`),
        },
        { path: ["shares", index, "memberId"] },
      );
    seen.set(share.memberId, index);
    if (!members.has(share.memberId)) {
      throw new EntenteError(
        "entente.unknown_reference",
        { what: localized("membre", "member"), id: share.memberId, known: [...members].join(", ") },
        { path: ["shares", index, "memberId"] },
      );
    }
    const parsed = parseScaledDecimal(share.value, 4);
    if (!parsed.ok)
      throw new EntenteError(
        "key.too_many_decimals",
        { key: keyId, value: share.value, max: 4 },
        { path: ["shares", index, "value"] },
      );
    return { memberId: share.memberId, value: parsed.value };
  });
}

/**
 * A percent key's rates sum to exactly 100 % (`key.shares_not_100`, with the sum).
 * @param memberOrder the entente's members, in their order.
 * @throws ValidationError with the key's problems, at `shares`.
 */
export function assertPercentSharesResolve(
  key: { readonly id: string; readonly label: string },
  shares: readonly PercentShare[],
  memberOrder: readonly string[],
): void {
  const result = resolveKeyShares(
    {
      id: key.id,
      label: key.label,
      basis: {
        kind: "percent",
        shares: shares.map((s) => ({ member: s.memberId, tenThousandths: s.value })),
      },
    },
    memberOrder,
  );
  if (!result.ok) throw new ValidationError(result.issues.map((i) => ({ ...i, path: ["shares"] })));
}

/**
 * The console edits the rates of percent keys only; weights and criteria come from the entente
 * file.
 * @throws EntenteError `file.invalid_field` on `basis`.
 */
export function assertPercentKey(key: { readonly basis: "percent" | "weights" | "criteria" }): void {
  if (key.basis !== "percent")
    throw new EntenteError("file.invalid_field", {
      field: "basis",
      expected: localized(
        "seules les clés en pourcentage se modifient ici",
        "only percent keys can be edited here",
      ),
    });
}

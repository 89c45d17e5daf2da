import { type Issue, localized } from "../errors.ts";
import type { AllocationKey } from "./entente.ts";
import { type ExactShares, lcm } from "./exact-shares.ts";

/** 100 % in ten-thousandths of a percent: the exact total of a `percent` key. */
export const HUNDRED_PERCENT = 1_000_000n;

export type KeySharesResult = { ok: true; shares: ExactShares } | { ok: false; issues: Issue[] };

function percentText(tenThousandths: bigint): string {
  const sign = tenThousandths < 0n ? "-" : "";
  const abs = tenThousandths < 0n ? -tenThousandths : tenThousandths;
  const fraction = (abs % 10_000n).toString().padStart(4, "0").replace(/0+$/, "");
  return `${sign}${abs / 10_000n}${fraction ? `.${fraction}` : ""}`;
}

/**
 * Turns an allocation key into exact shares over its members, ordered by `memberOrder` (the
 * entente's fixed member order, which also breaks rounding ties).
 *
 * Errors (as issues, path relative to the key): `key.shares_not_100` (percent key whose rates do
 * not sum to exactly 100, with the sum), `key.empty` (weights or a criterion summing to zero),
 * `key.criteria_members_differ`.
 *
 * @example resolveKeyShares({ id: "socle", label: "", basis: { kind: "percent", shares: [
 *   { member: "metropole", tenThousandths: 530000n }, { member: "ville", tenThousandths: 306000n },
 *   { member: "sitiv", tenThousandths: 164000n } ] } }, ["metropole", "ville", "sitiv"])
 * // → { ok: true, shares: { members: [...], numerators: [530000n, 306000n, 164000n], denominator: 1000000n } }
 */
export function resolveKeyShares(key: AllocationKey, memberOrder: readonly string[]): KeySharesResult {
  const ranks = new Map(memberOrder.map((member, index) => [member, index]));
  const rank = (member: string) => ranks.get(member) ?? Number.MAX_SAFE_INTEGER;
  const byRank = <T extends { member: string }>(entries: readonly T[]) =>
    [...entries].sort((a, b) => rank(a.member) - rank(b.member));
  const basis = key.basis;

  if (basis.kind === "percent") {
    const sum = basis.shares.reduce((total, share) => total + share.tenThousandths, 0n);
    if (sum !== HUNDRED_PERCENT) {
      return {
        ok: false,
        issues: [
          {
            code: "key.shares_not_100",
            path: ["percent"],
            details: {
              key: key.id,
              sum: localized(percentText(sum).replace(".", ","), percentText(sum)),
              difference: localized(
                percentText(sum - HUNDRED_PERCENT).replace(".", ","),
                percentText(sum - HUNDRED_PERCENT),
              ),
            },
          },
        ],
      };
    }
    const sorted = byRank(basis.shares);
    return {
      ok: true,
      shares: {
        members: sorted.map((s) => s.member),
        numerators: sorted.map((s) => s.tenThousandths),
        denominator: HUNDRED_PERCENT,
      },
    };
  }

  if (basis.kind === "weights") {
    const sum = basis.shares.reduce((total, share) => total + share.weight, 0n);
    if (sum <= 0n)
      return {
        ok: false,
        issues: [
          {
            code: "key.empty",
            path: ["weights"],
            details: { key: key.id, what: localized("des poids", "of weights") },
          },
        ],
      };
    const sorted = byRank(basis.shares);
    return {
      ok: true,
      shares: {
        members: sorted.map((s) => s.member),
        numerators: sorted.map((s) => s.weight),
        denominator: sum,
      },
    };
  }

  // Weighted criteria: put every criterion on the common denominator L = lcm(criterion totals),
  // then numerators n_i = Σ_c w_c × v_ci × (L / V_c) over denominator Σw × L. Exact, no rounding.
  const issues: Issue[] = [];
  const first = basis.criteria[0];
  const members = byRank(first?.values ?? []).map((v) => v.member);
  const memberSet = new Set(members);
  const weightSum = basis.criteria.reduce((total, c) => total + c.weight, 0n);
  if (first === undefined || weightSum <= 0n) {
    issues.push({
      code: "key.empty",
      path: ["criteria"],
      details: { key: key.id, what: localized("des poids des critères", "of criteria weights") },
    });
  }
  let common = 1n;
  basis.criteria.forEach((criterion, c) => {
    const total = criterion.values.reduce((sum, v) => sum + v.value, 0n);
    if (total <= 0n) {
      issues.push({
        code: "key.empty",
        path: ["criteria", c, "values"],
        details: {
          key: key.id,
          what: localized(`du critère « ${criterion.id} »`, `of criterion "${criterion.id}"`),
        },
      });
      return;
    }
    const names = new Set(criterion.values.map((v) => v.member));
    const missing = members.filter((m) => !names.has(m)).concat([...names].filter((m) => !memberSet.has(m)));
    if (missing.length > 0) {
      issues.push({
        code: "key.criteria_members_differ",
        path: ["criteria", c, "values"],
        details: { key: key.id, criterion: criterion.id, missing: missing.join(", ") },
      });
      return;
    }
    common = lcm(common, total);
  });
  if (issues.length > 0) return { ok: false, issues };

  const numerators = members.map(() => 0n);
  const indexOf = new Map(members.map((member, index) => [member, index]));
  for (const criterion of basis.criteria) {
    const total = criterion.values.reduce((sum, v) => sum + v.value, 0n);
    const factor = criterion.weight * (common / total);
    for (const { member, value } of criterion.values) {
      const index = indexOf.get(member) ?? 0;
      numerators[index] = (numerators[index] ?? 0n) + value * factor;
    }
  }
  return { ok: true, shares: { members, numerators, denominator: weightSum * common } };
}

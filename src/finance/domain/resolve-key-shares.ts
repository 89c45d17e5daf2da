import { percentUnitsToText } from "../../shared/money-input.ts";
import { HUNDRED_PERCENT, percentSharesGap } from "../../shared/percent-shares.ts";
import { type Issue, localized } from "../errors.ts";
import type { AllocationKey, KeyBasis } from "./entente.ts";
import { type ExactShares, lcm } from "./exact-shares.ts";
import { usageWeight } from "./usage-figures.ts";

export { HUNDRED_PERCENT };

/** Exact shares of a key, or the problems (paths relative to the key) that prevent them. */
export type KeySharesResult = { ok: true; shares: ExactShares } | { ok: false; issues: Issue[] };

type Basis<K extends KeyBasis["kind"]> = Extract<KeyBasis, { kind: K }>;
type ByRank = <T extends { member: string }>(entries: readonly T[]) => T[];

/** Rates in ten-thousandths of a percent, which must sum to exactly 100 %. */
function resolvePercent(keyId: string, basis: Basis<"percent">, byRank: ByRank): KeySharesResult {
  const gap = percentSharesGap(basis.shares.map((share) => share.tenThousandths));
  if (gap !== 0n) {
    const sum = HUNDRED_PERCENT - gap;
    const difference = percentUnitsToText(-gap);
    return {
      ok: false,
      issues: [
        {
          code: "key.shares_not_100",
          path: ["percent"],
          details: {
            key: keyId,
            sum: localized(percentUnitsToText(sum).replace(".", ","), percentUnitsToText(sum)),
            difference: localized(difference.replace(".", ","), difference),
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

/** Integer weights: share = weight / sum of weights, which must be positive. */
function resolveWeights(keyId: string, basis: Basis<"weights">, byRank: ByRank): KeySharesResult {
  const sum = basis.shares.reduce((total, share) => total + share.weight, 0n);
  if (sum <= 0n)
    return {
      ok: false,
      issues: [
        {
          code: "key.empty",
          path: ["weights"],
          details: { key: keyId, what: localized("des poids", "of weights") },
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

/**
 * Usage (issue 11): each member's weight is its seats or its measured usage (usage-figures.ts),
 * share = weight / Σ weights, exact; a total of zero (nobody used the service) is `key.empty`.
 */
function resolveUsage(keyId: string, basis: Basis<"usage">, byRank: ByRank): KeySharesResult {
  const figures = basis.usage;
  const sorted = byRank(figures.values);
  const weights = sorted.map((v) => usageWeight(figures, v));
  const sum = weights.reduce((total, w) => total + w, 0n);
  if (sum <= 0n)
    return {
      ok: false,
      issues: [
        {
          code: "key.empty",
          path: ["usage"],
          details: {
            key: keyId,
            what: localized(
              `de l'usage « ${figures.metric} » du service ${figures.serviceName} du ${figures.periodStart} au ${figures.periodEnd}`,
              `of the usage "${figures.metric}" of service ${figures.serviceName} from ${figures.periodStart} to ${figures.periodEnd}`,
            ),
          },
        },
      ],
    };
  return {
    ok: true,
    shares: { members: sorted.map((v) => v.member), numerators: weights, denominator: sum },
  };
}

/**
 * The problems of weighted criteria (no weight, a criterion summing to zero, criteria naming
 * different members) and, when there are none, the common denominator of the criteria's totals.
 */
function checkCriteria(
  keyId: string,
  basis: Basis<"criteria">,
  members: readonly string[],
): { issues: Issue[]; common: bigint } {
  const issues: Issue[] = [];
  const memberSet = new Set(members);
  const weightSum = basis.criteria.reduce((total, c) => total + c.weight, 0n);
  if (basis.criteria[0] === undefined || weightSum <= 0n) {
    issues.push({
      code: "key.empty",
      path: ["criteria"],
      details: { key: keyId, what: localized("des poids des critères", "of criteria weights") },
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
          key: keyId,
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
        details: { key: keyId, criterion: criterion.id, missing: missing.join(", ") },
      });
      return;
    }
    common = lcm(common, total);
  });
  return { issues, common };
}

/**
 * Weighted criteria: every criterion is put on the common denominator L = lcm(criterion totals),
 * then numerators n_i = Σ_c w_c × v_ci × (L / V_c) over denominator Σw × L. Exact, no rounding.
 */
function resolveCriteria(keyId: string, basis: Basis<"criteria">, byRank: ByRank): KeySharesResult {
  const members = byRank(basis.criteria[0]?.values ?? []).map((v) => v.member);
  const { issues, common } = checkCriteria(keyId, basis, members);
  if (issues.length > 0) return { ok: false, issues };
  const weightSum = basis.criteria.reduce((total, c) => total + c.weight, 0n);
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

// Each member order's ranks once: every key of a 20 000-member entente is resolved against the
// same order (bench/). The arrays are never changed once given (the model is immutable).
const ranksByOrder = new WeakMap<readonly string[], ReadonlyMap<string, number>>();

function ranksOf(memberOrder: readonly string[]): ReadonlyMap<string, number> {
  let ranks = ranksByOrder.get(memberOrder);
  if (ranks === undefined) {
    ranks = new Map(memberOrder.map((member, index) => [member, index]));
    ranksByOrder.set(memberOrder, ranks);
  }
  return ranks;
}

/** Whether `entries` are already in member order (files usually list them so): no sort then. */
function inRankOrder(entries: readonly { member: string }[], rank: (member: string) => number): boolean {
  for (let i = 1; i < entries.length; i++)
    if (rank((entries[i - 1] as { member: string }).member) > rank((entries[i] as { member: string }).member))
      return false;
  return true;
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
  const ranks = ranksOf(memberOrder);
  const rank = (member: string) => ranks.get(member) ?? Number.MAX_SAFE_INTEGER;
  const byRank: ByRank = (entries) =>
    inRankOrder(entries, rank) ? [...entries] : [...entries].sort((a, b) => rank(a.member) - rank(b.member));
  const basis = key.basis;
  if (basis.kind === "percent") return resolvePercent(key.id, basis, byRank);
  if (basis.kind === "weights") return resolveWeights(key.id, basis, byRank);
  if (basis.kind === "usage") return resolveUsage(key.id, basis, byRank);
  return resolveCriteria(key.id, basis, byRank);
}

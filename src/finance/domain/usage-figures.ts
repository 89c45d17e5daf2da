import type { KeyBasis } from "./entente.ts";

/**
 * The figures of a usage key (clé d'usage, issue 11 §2 and DESIGN.md "AllocationKey … usage"):
 * what one service of the digital workplace measured for each member over one period, as the
 * workplace gave them on the day of the snapshot. Once stored in a key period they are the
 * key's source data and are never recomputed (an adopted year keeps them).
 *
 * - `metric` `"seats"`: the share follows the subscribed accounts (the seats of the member's
 *   subscription in force in the period);
 * - any other metric (`storage_used`, in bytes…): the share follows the measured usage the
 *   service reported (entitlements' `usage_metrics`), as of `snapshotAt`.
 */
export interface UsageFigures {
  /** The service: its catalogue id (the OIDC client id) and its name at the snapshot. */
  readonly service: string;
  readonly serviceName: string;
  /** `"seats"` or the name of a reported usage metric (`storage_used`…). */
  readonly metric: string;
  /** First and last day (included) the figures cover, `YYYY-MM-DD`. */
  readonly periodStart: string;
  readonly periodEnd: string;
  /** When the snapshot was taken (ISO 8601, UTC): reports after it are not counted. */
  readonly snapshotAt: string;
  /** One line per member of the key: its seats (accounts) and its measured usage (metric's unit). */
  readonly values: readonly UsageValue[];
}

/** A member's figures: non-negative integers. */
export interface UsageValue {
  readonly member: string;
  /** Subscribed accounts (seats) in the period; 0 when the member did not subscribe. */
  readonly seats: bigint;
  /** The metric's measured value (0 when nothing was reported); equals `seats` for `"seats"`. */
  readonly measured: bigint;
}

/** The metric that counts subscribed accounts rather than a reported measure. */
export const SEATS_METRIC = "seats";

/**
 * The weight of a member in a usage key: its seats for the `"seats"` metric, else its measured
 * usage. Shares are weight / Σ weights, exact (resolve-key-shares.ts); amounts are then rounded by
 * the entente's rule (largest remainder), so they always sum to the amount to share.
 * @example usageWeight({ metric: "seats" }, { member: "ville", seats: 120n, measured: 0n }) // 120n
 */
export function usageWeight(figures: Pick<UsageFigures, "metric">, value: UsageValue): bigint {
  return figures.metric === SEATS_METRIC ? value.seats : value.measured;
}

/**
 * A one-line French description of where the figures come from, printed with the key (its
 * `source`): service, metric, period and snapshot date.
 * @example usageSource(figures) // "usage du service Visio (visio), métrique seats, du 2025-01-01 au 2025-12-31, relevé du 2026-01-05T08:00:00.000Z"
 */
export function usageSource(figures: UsageFigures): string {
  return `usage du service ${figures.serviceName} (${figures.service}), métrique ${figures.metric}, du ${figures.periodStart} au ${figures.periodEnd}, relevé du ${figures.snapshotAt}`;
}

/** A key basis other than usage (what the entente file and the key's own row can hold). */
export type PlainBasis = Exclude<KeyBasis, { kind: "usage" }>;

/**
 * A basis as integer weights when it is a usage one (each member's usage weight), else itself:
 * the same exact shares, for what cannot hold usage figures (the entente file, a key's first
 * basis). The figures' provenance is then only in the key's `source` (usageSource).
 */
export function withoutUsage(basis: KeyBasis): PlainBasis {
  if (basis.kind !== "usage") return basis;
  const figures = basis.usage;
  return {
    kind: "weights",
    shares: figures.values.map((v) => ({ member: v.member, weight: usageWeight(figures, v) })),
  };
}

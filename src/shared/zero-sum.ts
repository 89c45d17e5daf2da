import type { Cents } from "./money.ts";

/** The sum of signed amounts and whether it is exactly zero. */
export type ZeroSumCheck = { sum: Cents; zero: boolean };

/**
 * The rule of an adjustment (régularisation): its signed amounts, one per member concerned, add
 * up to exactly zero — what one member receives, the others pay (error `adjustment.not_zero_sum`).
 * Computed on BigInt cents, so -0.10 - 0.20 + 0.30 is exactly 0.
 * @example checkZeroSum([-3296600n, 2146300n, 1150300n]) // { sum: 0n, zero: true }
 */
export function checkZeroSum(amounts: Iterable<Cents>): ZeroSumCheck {
  let sum = 0n;
  for (const amount of amounts) sum += amount;
  return { sum, zero: sum === 0n };
}

/**
 * 100 % in ten-thousandths of a percent: the exact sum the shares of a percent key must reach
 * (DESIGN.md invariant, error `key.shares_not_100`). Rates have at most four decimals, so
 * 33.3333 % is 333333n and three thirds can add up to 100 % exactly.
 */
export const HUNDRED_PERCENT = 1_000_000n;

/**
 * How far the shares of a percent key (ten-thousandths of a percent) are from exactly 100 %:
 * positive when shares are missing, negative when there are too many, 0 when the key holds.
 * @example percentSharesGap([530000n, 306000n, 164000n]) // 0n
 * @example percentSharesGap([530000n, 306000n, 163000n]) // 1000n (0.1 % missing)
 */
export function percentSharesGap(shares: Iterable<bigint>): bigint {
  let sum = 0n;
  for (const share of shares) sum += share;
  return HUNDRED_PERCENT - sum;
}

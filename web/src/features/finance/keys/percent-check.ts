import { parsePercentUnits } from "../../../../../src/shared/money-input.ts";
import { HUNDRED_PERCENT, percentSharesGap } from "../../../../../src/shared/percent-shares.ts";

/** The live check of a percent key as typed (see {@link checkPercentShares}). */
export type PercentCheck = {
  /** Sum of the valid shares, in ten-thousandths of a percent. */
  sum: bigint;
  /** 100 % minus the sum: positive when shares are missing, negative when there are too many. */
  gap: bigint;
  /** Indexes of the values that are not a rate (empty, letters, more than 4 decimals, negative). */
  invalid: number[];
  /** True when every value is a rate and they add up to exactly 100 %. */
  ok: boolean;
};

/**
 * The live check of a percent key while it is typed: shares must add up to exactly 100 % (the
 * kernel's rule, src/shared/percent-shares.ts), read on integers so 33.3333 + 33.3333 + 33.3334
 * is exactly 100.
 * @example checkPercentShares(["53", "30,6", "16.4"]).ok // true
 */
export function checkPercentShares(values: readonly string[]): PercentCheck {
  const invalid: number[] = [];
  const units = values.flatMap((value, index) => {
    const parsed = parsePercentUnits(value);
    if (parsed !== null && parsed >= 0n) return [parsed];
    invalid.push(index);
    return [];
  });
  const gap = percentSharesGap(units);
  return {
    sum: HUNDRED_PERCENT - gap,
    gap,
    invalid,
    ok: invalid.length === 0 && gap === 0n && values.length > 0,
  };
}

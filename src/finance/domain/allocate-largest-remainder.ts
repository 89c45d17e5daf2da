import type { ExactShares } from "./exact-shares.ts";

/**
 * Splits `total` (an integer number of rounding units: euros or cents) by exact shares with the
 * largest-remainder (Hamilton) method, so that the parts sum to `total` exactly:
 *
 * 1. each member gets the floor of its exact share `total × n_i / d`;
 * 2. the units left over (fewer than the number of members) go one each to the members with the
 *    largest fractional remainders;
 * 3. equal remainders are broken by the members' fixed order (first listed first).
 *
 * A negative total is split as the opposite of the split of its absolute value, so remainders
 * are compared in magnitude and the rule reads the same for credits and debits.
 *
 * Each part differs from its exact share by less than one unit. Rounding each share on its own
 * would not balance (with 53 / 30.6 / 16.4 % about 30 % of amounts miss by one unit); DESIGN.md.
 * Why our own code: dinero.js `allocate` gives leftovers by ratio size, not by remainder, and
 * does not reproduce the deliberated figures (see bench/allocate.bench.ts).
 *
 * @example
 * // 544 176 € of the seed's 2023 operating budget, key 53 / 30.6 / 16.4 %:
 * allocateLargestRemainder(544176n, { members: ["metropole", "ville", "sitiv"],
 *   numerators: [530n, 306n, 164n], denominator: 1000n })
 * // → [288413n, 166518n, 89245n]  (remainders .28, .856, .864: Ville and SITIV get the 2 units)
 */
export function allocateLargestRemainder(total: bigint, shares: ExactShares): bigint[] {
  if (total < 0n) return allocateLargestRemainder(-total, shares).map((part) => -part);
  const { numerators, denominator } = shares;
  const parts = numerators.map((n) => (total * n) / denominator);
  const remainders = numerators.map((n) => (total * n) % denominator);
  let leftover = total - parts.reduce((sum, part) => sum + part, 0n);
  if (leftover === 0n) return parts;
  const order = remainders
    .map((remainder, index) => ({ remainder, index }))
    .filter((entry) => entry.remainder > 0n)
    .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of order) {
    if (leftover === 0n) break;
    parts[index] = (parts[index] ?? 0n) + 1n;
    leftover -= 1n;
  }
  return parts;
}

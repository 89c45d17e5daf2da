/**
 * Exact shares of a cost among members: member `i` bears `numerators[i] / denominator`.
 * Invariants: numerators are ≥ 0 and sum to exactly `denominator` (100 %); members are in the
 * fixed order used to break rounding ties (the order of the entente file).
 */
export interface ExactShares {
  readonly members: readonly string[];
  readonly numerators: readonly bigint[];
  readonly denominator: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** Least common multiple of positive integers (used to put criteria on one denominator). */
export function lcm(a: bigint, b: bigint): bigint {
  return (a / gcd(a, b)) * b;
}

/** The share of member `index` as a reduced fraction `[numerator, denominator]`. */
export function reducedShare(shares: ExactShares, index: number): readonly [bigint, bigint] {
  const n = shares.numerators[index] ?? 0n;
  const g = gcd(n, shares.denominator) || 1n;
  return [n / g, shares.denominator / g];
}

/**
 * The share of member `index` as a percentage in decimal text, exact when it terminates within
 * `maxDecimals`, otherwise truncated and suffixed with `…` (e.g. `33.3333…`). Display only.
 *
 * @example sharePercentText({ members: ["a","b"], numerators: [530n, 470n], denominator: 1000n }, 0) // "53"
 */
export function sharePercentText(shares: ExactShares, index: number, maxDecimals = 4): string {
  const n = (shares.numerators[index] ?? 0n) * 100n;
  const d = shares.denominator;
  const scale = 10n ** BigInt(maxDecimals);
  const scaled = (n * scale) / d;
  const exact = (n * scale) % d === 0n;
  const integer = scaled / scale;
  const fraction = (scaled % scale).toString().padStart(maxDecimals, "0").replace(/0+$/, "");
  return `${integer}${fraction ? `.${fraction}` : ""}${exact ? "" : "…"}`;
}

/** Index of `member` in `shares`, or -1. */
export function memberIndex(shares: ExactShares, member: string): number {
  return shares.members.indexOf(member);
}

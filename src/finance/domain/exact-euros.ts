import type { Cents } from "../../shared/money.ts";
import type { ExactShares } from "./exact-shares.ts";

/**
 * The exact, unrounded part of `total` (cents) for member `index` of `shares`, in euros as
 * decimal text with up to 6 decimals, `…` when it does not end: what the tables print beside
 * the rounded amount.
 * @example exactEuros(100n, { members: ["a", "b", "c"], numerators: [1n, 1n, 1n], denominator: 3n }, 0) // "0.333333…"
 */
export function exactEuros(total: Cents, shares: ExactShares, index: number): string {
  // Exact share in cents = total × n / d; print in euros with up to 6 decimals, "…" if endless.
  const n = total * (shares.numerators[index] ?? 0n);
  const d = shares.denominator * 100n;
  const negative = n < 0n;
  const abs = negative ? -n : n;
  const scale = 1_000_000n;
  const scaled = (abs * scale) / d;
  const endless = (abs * scale) % d !== 0n;
  const fraction = (scaled % scale).toString().padStart(6, "0").replace(/0+$/, "");
  return `${negative ? "-" : ""}${scaled / scale}${fraction ? `.${fraction}` : ""}${endless ? "…" : ""}`;
}

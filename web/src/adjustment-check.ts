import { centsToEuroText, parseEuroCents } from "./money.ts";

/**
 * A signed amount as typed in an adjustment ("-100", "−100", "+100", "1 250,50") → cents, or
 * null when it is not an amount. A leading "+" is accepted: people write it to say "pays more".
 * @example parseSignedEuroCents("+100") // 10000n
 */
export function parseSignedEuroCents(text: string): bigint | null {
  return parseEuroCents(text.trim().replace(/^\+(?![-\u2212])/, ""));
}

/**
 * A typed amount in the API's form: the canonical "−100" → "-100.00" when it reads as an amount,
 * otherwise left as typed (for the contract's schema to reject with its message).
 */
export function toApiAmount(text: string): string {
  const cents = parseSignedEuroCents(text);
  return cents === null ? text.trim() : centsToEuroText(cents);
}

export type AdjustmentCheck = {
  /** Sum of the readable amounts, in cents: must be exactly 0. */
  sum: bigint;
  /** Indexes of the amounts that are not amounts in euros (left out of the sum). */
  invalid: number[];
  /** How many amounts are filled in (an empty amount means "this member is not concerned"). */
  filled: number;
  /** "ok": sums to exactly 0 · "off": does not · "invalid": an amount is unreadable · "empty": nothing typed. */
  status: "ok" | "off" | "invalid" | "empty";
};

/**
 * The live check of one adjustment (régularisation) while it is typed: its signed amounts, one
 * per member, must add up to exactly zero (what one member receives, the others pay). Computed
 * on BigInt cents, so -0.10 - 0.20 + 0.30 is exactly 0.
 * @example checkAdjustment(["-100", "", "+100"]).status // "ok"
 */
export function checkAdjustment(amounts: readonly string[]): AdjustmentCheck {
  let sum = 0n;
  let filled = 0;
  const invalid: number[] = [];
  amounts.forEach((text, index) => {
    if (text.trim() === "") return;
    filled += 1;
    const cents = parseSignedEuroCents(text);
    if (cents === null) invalid.push(index);
    else sum += cents;
  });
  const status = invalid.length > 0 ? "invalid" : filled === 0 ? "empty" : sum === 0n ? "ok" : "off";
  return { sum, invalid, filled, status };
}

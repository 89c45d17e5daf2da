import { parseSignedEuroCents } from "../../../../../src/shared/money-input.ts";
import { checkZeroSum } from "../../../../../src/shared/zero-sum.ts";

/** The live check of one adjustment as typed (see {@link checkAdjustment}). */
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
 * per member, must add up to exactly zero (the kernel's rule, src/shared/zero-sum.ts). Reads the
 * amounts as typed; an empty one means the member is not concerned.
 * @example checkAdjustment(["-100", "", "+100"]).status // "ok"
 */
export function checkAdjustment(amounts: readonly string[]): AdjustmentCheck {
  const invalid: number[] = [];
  const cents: bigint[] = [];
  amounts.forEach((text, index) => {
    if (text.trim() === "") return;
    const parsed = parseSignedEuroCents(text);
    if (parsed === null) invalid.push(index);
    else cents.push(parsed);
  });
  const filled = cents.length + invalid.length;
  const { sum, zero } = checkZeroSum(cents);
  const status = invalid.length > 0 ? "invalid" : filled === 0 ? "empty" : zero ? "ok" : "off";
  return { sum, invalid, filled, status };
}

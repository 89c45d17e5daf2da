import { parseEuroCents } from "../../../../../src/shared/money-input.ts";

/** How a typed payment stands against what is due: nothing typed yet, not a positive amount, above the due amount, or fine. */
export type PaymentAmountCheck = "empty" | "not_an_amount" | "excess" | "ok";

/**
 * Checks a payment as it is typed ("1 250,50") against the amount still due ("305797.00"), in
 * BigInt cents. Above what is due is refused, not only warned about: the server answers 422
 * `payment.exceeds_due`.
 * @example checkPaymentAmount("305 797,01", "305797.00") // "excess"
 */
export function checkPaymentAmount(typed: string, due: string): PaymentAmountCheck {
  if (typed.trim() === "") return "empty";
  const cents = parseEuroCents(typed);
  if (cents === null || cents <= 0n) return "not_an_amount";
  return cents > (parseEuroCents(due) ?? 0n) ? "excess" : "ok";
}

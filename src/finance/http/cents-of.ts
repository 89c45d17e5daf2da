import { MAX_INTEGER_DIGITS, parseEuros } from "../../shared/money.ts";
import { EntenteError } from "../errors.ts";

/**
 * An amount of the API (exact euro text, at most 2 decimals) in cents; `signed` allows negative
 * amounts (adjustments).
 * @throws EntenteError `amount.<reason>` at `path` (not a number, too many decimals, negative…).
 */
export function centsOf(amount: string, path: (string | number)[], signed = false): bigint {
  const parsed = parseEuros(amount, { allowNegative: signed });
  if (!parsed.ok)
    throw new EntenteError(
      `amount.${parsed.reason}`,
      { value: amount, currency: "EUR", max: parsed.reason === "too_large" ? MAX_INTEGER_DIGITS : 2 },
      { path },
    );
  return parsed.cents;
}

import { type Cents, MAX_INTEGER_DIGITS, parseEuros, parseScaledDecimal } from "../../shared/money.ts";
import { type Issue, localized } from "../errors.ts";

type Path = (string | number)[];

/** Decimals of a key's rates and criteria (ten-thousandths of a percent). */
export const RATE_DECIMALS = 4;

/**
 * Readers of the file's numbers, from their source text (never through a float). A number that
 * does not read appends its problem to `issues` and counts as 0, so that every problem of the
 * file is reported at once.
 */
export interface NumberReaders {
  /** An amount in euros (at most 2 decimals; `signed` for adjustments) → cents. */
  amount(value: string | number, path: Path, signed?: boolean): Cents;
  /** A rate (`isRate`) or a criterion's weight or value of key `keyId` → ten-thousandths. */
  scaled(value: string | number, path: Path, keyId: string, isRate: boolean): bigint;
}

/** The number readers of one file, collecting their problems in `issues`. */
export function createNumberReaders(issues: Issue[]): NumberReaders {
  return {
    amount(value, path, signed = false) {
      const text = String(value);
      const parsed = parseEuros(text, { allowNegative: signed });
      if (parsed.ok) return parsed.cents;
      const code = `amount.${parsed.reason}` as const;
      const max = parsed.reason === "too_large" ? MAX_INTEGER_DIGITS : 2;
      issues.push({ code, path, details: { value: text, currency: "EUR", max } });
      return 0n;
    },
    scaled(value, path, keyId, isRate) {
      const text = String(value);
      const parsed = parseScaledDecimal(text, RATE_DECIMALS);
      if (parsed.ok) return parsed.value;
      if (parsed.reason === "too_large")
        issues.push({ code: "amount.too_large", path, details: { value: text, max: MAX_INTEGER_DIGITS } });
      else if (parsed.reason === "too_many_decimals")
        issues.push({
          code: "key.too_many_decimals",
          path,
          details: { key: keyId, value: text, max: RATE_DECIMALS },
        });
      else
        issues.push({
          code: "file.invalid_field",
          path,
          details: {
            field: String(path[path.length - 1]),
            expected: localized(
              `${isRate ? "taux" : "valeur"} décimal ≥ 0 attendu (point décimal), reçu « ${text} »`,
              `expected a decimal ≥ 0 (dot as decimal point), got "${text}"`,
            ),
          },
        });
      return 0n;
    },
  };
}

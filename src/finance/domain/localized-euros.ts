import { type Cents, formatEuros } from "../../shared/money.ts";
import { type Localized, localized } from "../errors.ts";

/**
 * An amount of cents as messages print it, in French (`1 234,50 €`) and English (`€1,234.50`);
 * `signed` adds `+` to positive amounts (differences).
 */
export function localizedEuros(cents: Cents, signed = false): Localized {
  const magnitude = cents < 0n ? -cents : cents;
  const sign = cents < 0n ? "-" : signed && cents > 0n ? "+" : "";
  return localized(
    `${formatEuros(cents, { signed })} €`,
    `${sign}€${formatEuros(magnitude, { locale: "en-GB" })}`,
  );
}

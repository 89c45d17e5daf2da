import { parseScaled } from "../../../../src/shared/money-input.ts";

/**
 * Displays an exact share in euros as the report gives it ("166517.856", or "3414.418688…" when
 * the decimals do not end), every decimal kept: it is the figure before rounding, shown so a
 * reader can check the rounding.
 * @example formatExactEuros("166517.856", "fr-FR") // "166 517,856"
 */
export function formatExactEuros(text: string, locale: string): string {
  const endless = text.endsWith("…");
  const digits = endless ? text.slice(0, -1) : text;
  if (parseScaled(digits, 20) === null) return text;
  const formatted = new Intl.NumberFormat(locale, {
    minimumFractionDigits: 0,
    maximumFractionDigits: 20,
  }).format(digits as `${number}`);
  return endless ? `${formatted}…` : formatted;
}

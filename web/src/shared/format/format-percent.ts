import { formatScaled, parsePercentUnits } from "../../../../src/shared/money-input.ts";

/**
 * Displays a percent string ("30.6") in the reader's language ("30,6 %" in French, "30.6%" in
 * English), exactly: the rate is shifted by two decimals as text, not divided as a float.
 * Text that is not a rate is shown as it is.
 */
export function formatPercent(text: string, locale: string): string {
  const units = parsePercentUnits(text);
  if (units === null) return text;
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 4 }).format(
    formatScaled(units, 6, true) as `${number}`,
  );
}

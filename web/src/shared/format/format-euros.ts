/**
 * Displays an exact decimal string as euros in the reader's language, without going through a
 * JS number (Intl.NumberFormat formats a numeric string exactly).
 * @example formatEuros("305797.00", "fr-FR") // "305 797,00 €" (narrow no-break spaces)
 */
export function formatEuros(text: string, locale: string): string {
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency: "EUR",
    minimumFractionDigits: 2,
  }).format(text as `${number}`);
}

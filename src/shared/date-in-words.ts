/**
 * A date as `format` writes it, with the French ordinal of the first day of the month:
 * « 1er janvier 2030 », « 1er déc. 2026 à 10:00 » — in French the first day of a month is an
 * ordinal (« premier »), every other day a cardinal number (Imprimerie nationale, *Lexique des
 * règles typographiques en usage à l'Imprimerie nationale*, « Dates »; Académie française).
 * Unchanged: other languages ("1 January 2030"), days other than the first, and dates whose month
 * is a number ("01/12/2026"), where the ordinal is not written.
 * @param format an `Intl.DateTimeFormat` (its resolved locale decides the language).
 * @param date the instant to write; its day is the one `format`'s time zone shows.
 * @example formatDateInWords(new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "UTC" }),
 *   new Date("2030-01-01")) // "1er janvier 2030"
 */
export function formatDateInWords(format: Intl.DateTimeFormat, date: Date): string {
  const parts = format.formatToParts(date);
  const french = format.resolvedOptions().locale.toLowerCase().startsWith("fr");
  const monthInWords = parts.some((p) => p.type === "month" && !/^\d+$/.test(p.value));
  return parts
    .map((p) => (french && monthInWords && p.type === "day" && Number(p.value) === 1 ? "1er" : p.value))
    .join("");
}

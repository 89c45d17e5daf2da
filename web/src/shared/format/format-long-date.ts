import { formatDateInWords } from "../../../../src/shared/date-in-words.ts";

/**
 * An ISO date ("2022-12-12") in words in the reader's language ("12 décembre 2022"), read in UTC
 * so that 12 December never becomes the 11th west of Greenwich; the first of a month is « 1er » in
 * French (`formatDateInWords`).
 * @example formatLongDate("2022-12-12", "fr-FR") // "12 décembre 2022"
 */
export function formatLongDate(iso: string, locale: string): string {
  return formatDateInWords(
    new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }),
    new Date(iso),
  );
}

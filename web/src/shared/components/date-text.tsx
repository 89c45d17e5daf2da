import { formatDateInWords } from "../../../../src/shared/date-in-words.ts";
import { useLocale } from "../i18n/use-locale.ts";

/**
 * An ISO date ("2022-12-12") or timestamp shown in the reader's language. Dates without time are
 * formatted in UTC so that 12 December never becomes the 11th west of Greenwich. The first of a
 * month is « 1er » in French (`formatDateInWords`).
 */
export function DateText({ value, withTime = false }: { value: string; withTime?: boolean }) {
  const locale = useLocale();
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return <>{value}</>;
  const format = withTime
    ? new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" })
    : new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" });
  const text = formatDateInWords(format, date);
  return <time dateTime={value}>{text}</time>;
}

import { formatExactEuros } from "../format/format-exact-euros.ts";
import { useLocale } from "../i18n/use-locale.ts";

/** An exact share before rounding, every decimal kept ("166 517,856"; "…" when endless). */
export function ExactEuros({ value }: { value: string }) {
  const locale = useLocale();
  return <span className="amount">{formatExactEuros(value, locale)}</span>;
}

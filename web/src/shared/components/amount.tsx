import { formatEuros } from "../format/format-euros.ts";
import { formatPercent } from "../format/format-percent.ts";
import { useLocale } from "../i18n/use-locale.ts";

/** An amount in euros from its exact decimal string; negative amounts are marked for styling. */
export function Euros({ value }: { value: string }) {
  const locale = useLocale();
  return (
    <span className={value.startsWith("-") ? "amount amount--negative" : "amount"}>
      {formatEuros(value, locale)}
    </span>
  );
}

/** A rate from its percent string ("30.6" → "30,6 %"). */
export function Percent({ value }: { value: string }) {
  const locale = useLocale();
  return <span className="amount">{formatPercent(value, locale)}</span>;
}

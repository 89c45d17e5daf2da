import { useTranslation } from "react-i18next";
import { TextField } from "../../../shared/components/field.tsx";
import { useEntente } from "../entente/entente-context.tsx";
import type { AllocationKey } from "../finance-types.ts";
import type { PercentCheck } from "./percent-check.ts";

/** The rate of each member of a percent key, as inputs, with their live sum (an <output> of the inputs). */
export function PercentSharesTable({
  allocationKey,
  prefix,
  values,
  check,
  sum,
  onChange,
  fieldError,
}: {
  allocationKey: AllocationKey;
  /** The ids' prefix: inputs are `${prefix}-share-<index>`. */
  prefix: string;
  values: readonly string[];
  check: PercentCheck;
  /** The sum as shown, in the reader's language. */
  sum: string;
  onChange: (index: number, value: string) => void;
  fieldError: (field: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const { memberName } = useEntente();
  return (
    <table className="table table--compact table--form">
      <caption className="visually-hidden">{t("keys.sharesOf", { label: allocationKey.label })}</caption>
      <thead>
        <tr>
          <th scope="col">{t("common.member")}</th>
          <th scope="col" className="num">
            {t("keys.sharePercent")}
          </th>
        </tr>
      </thead>
      <tbody>
        {allocationKey.shares.map((s, i) => (
          <tr key={s.memberId}>
            <th scope="row">{memberName(s.memberId)}</th>
            <td className="num">
              <TextField
                id={`${prefix}-share-${i}`}
                label={t("keys.shareOf", { member: memberName(s.memberId) })}
                hideLabel
                className="input input--amount"
                inputMode="decimal"
                autoComplete="off"
                value={values[i] ?? ""}
                onChange={(e) => onChange(i, e.target.value)}
                error={check.invalid.includes(i) ? t("keys.notARate") : fieldError(`shares.${i}.value`)}
              />
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t("keys.sum")}</th>
          <td className="num">
            <output htmlFor={allocationKey.shares.map((_, i) => `${prefix}-share-${i}`).join(" ")}>
              {sum}
            </output>
          </td>
        </tr>
      </tfoot>
    </table>
  );
}

import { useTranslation } from "react-i18next";
import { TextField } from "../../../shared/components/field.tsx";
import { useEntente } from "../entente/entente-context.tsx";
import type { AdjustmentCheck } from "./adjustment-check.ts";
import type { DraftAdjustment } from "./settlement-draft.ts";

/**
 * The signed amount of each member in an adjustment, with their live sum in the footer (an
 * <output> of the inputs). Each input is described by the signs hint (`${prefix}-hint`) and its error.
 */
export function AdjustmentAmountsTable({
  adjustment,
  n,
  check,
  sum,
  onChange,
  amountError,
}: {
  adjustment: DraftAdjustment;
  n: number;
  check: AdjustmentCheck;
  /** The sum as shown, in the reader's language. */
  sum: string;
  onChange: (patch: (a: DraftAdjustment) => Partial<DraftAdjustment>) => void;
  amountError: (memberId: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const { entente } = useEntente();
  const prefix = `adjustment-${adjustment.rowId}`;
  return (
    <table className="table table--compact table--form table--amounts">
      <caption className="visually-hidden">{t("settlement.amountsCaption", { n })}</caption>
      <thead>
        <tr>
          <th scope="col">{t("common.member")}</th>
          <th scope="col" className="num">
            {t("settlement.amount")}
          </th>
        </tr>
      </thead>
      <tbody>
        {entente.members.map((member, i) => {
          const id = `${prefix}-amount-${i}`;
          const message = check.invalid.includes(i)
            ? t("settlement.notASignedAmount")
            : amountError(member.id);
          return (
            <tr key={member.id}>
              <th scope="row">{member.name}</th>
              <td className="num">
                <TextField
                  id={id}
                  hideLabel
                  label={t("settlement.amountFor", { member: member.name, n })}
                  className="input input--amount"
                  autoComplete="off"
                  value={adjustment.amounts[member.id] ?? ""}
                  onChange={(e) =>
                    onChange((a) => ({ amounts: { ...a.amounts, [member.id]: e.target.value } }))
                  }
                  error={message}
                  aria-describedby={[`${prefix}-hint`, message === undefined ? null : `${id}-error`]
                    .filter((x) => x !== null)
                    .join(" ")}
                />
              </td>
            </tr>
          );
        })}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t("settlement.sum")}</th>
          <td className="num">
            <output htmlFor={entente.members.map((_, i) => `${prefix}-amount-${i}`).join(" ")}>{sum}</output>
          </td>
        </tr>
      </tfoot>
    </table>
  );
}

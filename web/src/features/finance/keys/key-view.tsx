import { useTranslation } from "react-i18next";
import { formatRateInput } from "../../../../../src/shared/money-input.ts";
import { Percent } from "../../../shared/components/amount.tsx";
import { CaptionedTable } from "../../../shared/components/captioned-table.tsx";
import { canEditKeys, useAccount } from "../../access/index.ts";
import { useEntente } from "../entente/entente-context.tsx";
import type { AllocationKey } from "../finance-types.ts";
import { CriteriaTables } from "./criteria-table.tsx";
import { KeyHeading } from "./key-heading.tsx";
import { KeyPeriodForm } from "./key-period-form.tsx";
import { KeyPeriodsTable } from "./key-periods-table.tsx";

/** A key as read: each member's weight or criterion (for those bases) and share, for who may not edit it or for weights and criteria. */
export function KeyView({ allocationKey }: { allocationKey: AllocationKey }) {
  const { t, i18n } = useTranslation();
  const { memberName } = useEntente();
  const account = useAccount();
  return (
    <section aria-labelledby={`key-${allocationKey.id}`} className="section card">
      <KeyHeading allocationKey={allocationKey} />
      {allocationKey.source !== null && <p>{t("keys.sourceIs", { source: allocationKey.source })}</p>}
      <CaptionedTable
        caption={t("keys.sharesOf", { label: allocationKey.label })}
        className="table table--compact"
        hideCaption
      >
        <thead>
          <tr>
            <th scope="col">{t("common.member")}</th>
            {allocationKey.basis !== "percent" && (
              <th scope="col" className="num">
                {t(allocationKey.basis === "weights" ? "keys.weight" : "keys.criteriaValue")}
              </th>
            )}
            <th scope="col" className="num">
              {t("keys.share")}
            </th>
          </tr>
        </thead>
        <tbody>
          {allocationKey.shares.map((s) => (
            <tr key={s.memberId}>
              <th scope="row">{memberName(s.memberId)}</th>
              {allocationKey.basis !== "percent" && (
                <td className="num">{formatRateInput(s.value, i18n.language)}</td>
              )}
              <td className="num">
                <Percent value={s.percent} />
              </td>
            </tr>
          ))}
        </tbody>
      </CaptionedTable>
      <KeyPeriodsTable allocationKey={allocationKey} />
      <CriteriaTables allocationKey={allocationKey} />
      {canEditKeys(account) && <KeyPeriodForm allocationKey={allocationKey} />}
    </section>
  );
}

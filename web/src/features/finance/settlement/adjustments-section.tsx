import { useTranslation } from "react-i18next";
import { AddRowButton } from "../../../shared/components/add-row-button.tsx";
import type { Settlement } from "../finance-types.ts";
import { type AdjustmentCheck, checkAdjustment } from "./adjustment-check.ts";
import { AdjustmentForm } from "./adjustment-form.tsx";
import { AdjustmentsView } from "./adjustments-view.tsx";
import type { SettlementRows } from "./create-settlement-rows.ts";
import type { DraftAdjustment } from "./settlement-draft.ts";
import type { SettlementFieldErrors } from "./settlement-field-errors.ts";

/** The adjustments (régularisations) of the exercise: one fieldset each while editable, else as saved. */
export function AdjustmentsSection({
  formId,
  settlement,
  editable,
  adjustments,
  checks,
  rows,
  errors,
}: {
  formId: string;
  settlement: Settlement;
  editable: boolean;
  adjustments: readonly DraftAdjustment[];
  checks: readonly AdjustmentCheck[];
  rows: SettlementRows;
  errors: SettlementFieldErrors;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={`${formId}-adjustments`} className="section">
      <h2 id={`${formId}-adjustments`}>{t("settlement.adjustments")}</h2>
      {editable ? (
        <>
          {adjustments.length === 0 && <p>{t("settlement.noAdjustments")}</p>}
          {adjustments.map((adjustment, index) => (
            <AdjustmentForm
              key={adjustment.rowId}
              adjustment={adjustment}
              n={index + 1}
              check={checks[index] ?? checkAdjustment([])}
              onChange={(patch) => rows.changeAdjustment(adjustment.rowId, patch)}
              onRemove={() => rows.removeAdjustment(adjustment.rowId, index)}
              error={(field) => errors.adjustment(index, field)}
              amountError={(memberId) => errors.memberAmount(index, adjustment, memberId)}
            />
          ))}
        </>
      ) : (
        <AdjustmentsView settlement={settlement} />
      )}
      {editable && (
        <AddRowButton id={`${formId}-add-adjustment`} onClick={rows.addAdjustment}>
          {t("settlement.addAdjustment")}
        </AddRowButton>
      )}
    </section>
  );
}

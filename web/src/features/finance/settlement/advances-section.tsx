import { useTranslation } from "react-i18next";
import { AddRowButton } from "../../../shared/components/add-row-button.tsx";
import type { Settlement } from "../finance-types.ts";
import { AdvancesForm } from "./advances-form.tsx";
import { AdvancesView } from "./advances-view.tsx";
import type { SettlementRows } from "./create-settlement-rows.ts";
import type { DraftAdvance } from "./settlement-draft.ts";
import type { SettlementFieldErrors } from "./settlement-field-errors.ts";

/** The advances (avances) of the exercise: a table of inputs while editable, else as saved. */
export function AdvancesSection({
  formId,
  settlement,
  editable,
  advances,
  rows,
  errors,
}: {
  formId: string;
  settlement: Settlement;
  editable: boolean;
  advances: readonly DraftAdvance[];
  rows: SettlementRows;
  errors: SettlementFieldErrors;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={`${formId}-advances`} className="section">
      <h2 id={`${formId}-advances`}>{t("settlement.advances")}</h2>
      {editable ? (
        <AdvancesForm
          advances={advances}
          year={settlement.year}
          onChange={rows.changeAdvance}
          onRemove={rows.removeAdvance}
          error={errors.advance}
        />
      ) : (
        <AdvancesView settlement={settlement} />
      )}
      {editable && (
        <AddRowButton id={`${formId}-add-advance`} onClick={rows.addAdvance}>
          {t("settlement.addAdvance")}
        </AddRowButton>
      )}
    </section>
  );
}

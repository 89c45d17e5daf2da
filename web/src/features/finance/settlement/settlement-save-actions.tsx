import { useTranslation } from "react-i18next";
import { SubmitButton } from "../../../shared/components/submit-button.tsx";

/**
 * Save, offered only when every adjustment sums to zero: otherwise the button is off and says
 * which adjustments block it (`blocked`, numbered from 1). « Non enregistré » while edits wait.
 */
export function SettlementSaveActions({
  formId,
  saving,
  dirty,
  blocked,
}: {
  formId: string;
  saving: boolean;
  dirty: boolean;
  blocked: readonly number[];
}) {
  const { t } = useTranslation();
  return (
    <div className="actions">
      <SubmitButton
        saving={saving}
        label={t("settlement.save")}
        disabled={blocked.length > 0}
        aria-describedby={blocked.length > 0 ? `${formId}-blocked` : undefined}
      />
      {dirty && <span className="meta">{t("settlement.unsaved")}</span>}
      {blocked.length > 0 && (
        <p id={`${formId}-blocked`} className="check check--excess">
          {t("settlement.blocked", { count: blocked.length, list: blocked.join(", ") })}
        </p>
      )}
    </div>
  );
}

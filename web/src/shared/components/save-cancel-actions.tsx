import { useTranslation } from "react-i18next";
import { SubmitButton } from "./submit-button.tsx";

/** An editor's closing row: save, or cancel and leave. */
export function SaveCancelActions({
  saving,
  label,
  disabled = false,
  onCancel,
}: {
  saving: boolean;
  label: string;
  /** Keeps the save button off (a value the form already refuses). */
  disabled?: boolean;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="actions">
      <SubmitButton saving={saving} label={label} disabled={disabled} />
      <button type="button" className="button button--secondary" onClick={onCancel}>
        {t("actions.cancel")}
      </button>
    </div>
  );
}

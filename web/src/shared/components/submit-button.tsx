import type { ButtonHTMLAttributes } from "react";
import { useTranslation } from "react-i18next";

/** A form's submit button: disabled and saying so while the request runs. */
export function SubmitButton({
  saving,
  label,
  savingLabel,
  disabled = false,
  className = "button",
  ...button
}: {
  saving: boolean;
  label: string;
  /** What the button says while saving; « Enregistrement… » unless told. */
  savingLabel?: string;
} & Omit<ButtonHTMLAttributes<HTMLButtonElement>, "type" | "children">) {
  const { t } = useTranslation();
  return (
    <button type="submit" className={className} disabled={saving || disabled} {...button}>
      {saving ? (savingLabel ?? t("common.saving")) : label}
    </button>
  );
}

import { useTranslation } from "react-i18next";

/** "Enregistré." announced politely after a successful save (the region exists before it speaks). */
export function SaveNotice({ saved, message }: { saved: boolean; message?: string }) {
  const { t } = useTranslation();
  return (
    <p role="status" className={saved ? "notice notice--success" : "visually-hidden"}>
      {saved ? (message ?? t("common.saved")) : ""}
    </p>
  );
}

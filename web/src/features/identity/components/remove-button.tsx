import { useTranslation } from "react-i18next";

/** « Retirer » in a row of the identity pages, named for screen readers after what it removes. */
export function RemoveButton({ name, onClick }: { name: string; onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="button button--secondary"
      aria-label={t("identity.removeNamed", { name })}
      onClick={onClick}
    >
      {t("identity.remove")}
    </button>
  );
}

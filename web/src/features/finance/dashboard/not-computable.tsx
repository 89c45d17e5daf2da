import { useTranslation } from "react-i18next";

/** "—", read as « non calculable »: a figure that cannot be computed is not 0,00 €. */
export function NotComputable({ visible = false }: { visible?: boolean }) {
  const { t } = useTranslation();
  return visible ? (
    <span className="not-computable">— {t("dashboard.notComputable")}</span>
  ) : (
    <span className="not-computable" title={t("dashboard.notComputable")}>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{t("dashboard.notComputable")}</span>
    </span>
  );
}

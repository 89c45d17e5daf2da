import { useTranslation } from "react-i18next";

/** The header over the per-section columns of the year's own budget (« Exercice 2025 »). */
export function CurrentOfHeader({ year }: { year: number }) {
  const { t } = useTranslation();
  return (
    <th scope="colgroup" colSpan={2} className="colgroup">
      {t("dashboard.currentOf", { year })}
    </th>
  );
}

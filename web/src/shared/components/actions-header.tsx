import { useTranslation } from "react-i18next";

/** The header of a column of row buttons: named for screen readers, blank on screen. */
export function ActionsHeader() {
  const { t } = useTranslation();
  return (
    <th scope="col">
      <span className="visually-hidden">{t("common.actions")}</span>
    </th>
  );
}

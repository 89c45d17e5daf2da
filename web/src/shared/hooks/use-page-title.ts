import { useEffect } from "react";
import { useTranslation } from "react-i18next";

/** Sets the tab title ("Budget — Entente"): the first thing a screen reader says after navigation. */
export function usePageTitle(title: string): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} — ${t("app.name")}`;
  }, [title, t]);
}

import { useTranslation } from "react-i18next";
import { localeOf } from "./create-i18n.ts";

/** The number/date locale of the page's current language ("fr-FR" or "en-GB"). */
export function useLocale(): string {
  const { i18n } = useTranslation();
  return localeOf(i18n.language);
}

import { useTranslation } from "react-i18next";

/** Switches French ↔ English; the label is written in the language it offers (lang attribute). */
export function LanguageSwitch() {
  const { i18n } = useTranslation();
  const next = i18n.language === "en" ? "fr" : "en";
  return (
    <button
      type="button"
      className="button button--tertiary"
      lang={next}
      onClick={() => void i18n.changeLanguage(next)}
    >
      {next === "en" ? "English" : "Français"}
    </button>
  );
}

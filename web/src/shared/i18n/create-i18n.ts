import i18next, { type i18n } from "i18next";
import { initReactI18next } from "react-i18next";

/** The console's languages: French first (the language of the deliberations), English on demand. */
export const LANGUAGES = ["fr", "en"] as const;
/** One of {@link LANGUAGES}. */
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = "entente.lang";

const isLanguage = (value: string | null): value is Language => LANGUAGES.some((l) => l === value);

/** The locale for numbers and dates of a language (amounts as a French reader expects them). */
export function localeOf(language: string): string {
  return language === "en" ? "en-GB" : "fr-FR";
}

/** The strings of the console in each language: one object of the same keys per language. */
export type Translations = Record<Language, Record<string, unknown>>;

/**
 * One i18next instance for the console: French by default, English when chosen; the choice is
 * kept in `storage` and mirrored on <html lang> so screen readers switch voice with it. The
 * strings are the app's (`translations`, assembled from every feature's by the app).
 */
export function createI18n(
  storage: Pick<Storage, "getItem" | "setItem">,
  root: HTMLElement,
  translations: Translations,
): i18n {
  const stored = storage.getItem(STORAGE_KEY);
  const instance = i18next.createInstance();
  instance.on("languageChanged", (language) => {
    root.lang = language;
    if (isLanguage(language)) storage.setItem(STORAGE_KEY, language);
  });
  void instance.use(initReactI18next).init({
    resources: { fr: { translation: translations.fr }, en: { translation: translations.en } },
    lng: isLanguage(stored) ? stored : "fr",
    fallbackLng: "fr",
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}

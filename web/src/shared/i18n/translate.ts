import type { CustomTypeOptions } from "i18next";
import { useTranslation } from "react-i18next";

/**
 * Every key of the console's strings, dotted (`identity.form.code`): a typo does not compile. A
 * plural (`caption_one`, `caption_other`) is asked by its base key with a `count`, as in i18next.
 * The strings' shape comes from i18next's type augmentation (translations/i18next-types.ts), so
 * the shared kernel imports no feature.
 */
export type TranslationKey = KeysOf<CustomTypeOptions["resources"]["translation"]>;
type KeysOf<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${BaseKey<K>}` : KeysOf<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
type BaseKey<K extends string> =
  K extends `${infer Base}_${"zero" | "one" | "two" | "few" | "many" | "other"}` ? Base : K;

/**
 * The `t` function of react-i18next as the helpers that build messages outside a component use
 * it: a key and its interpolation values, a string back. Deliberately narrower than i18next's
 * own `TFunction`: with every feature's tables, inferring that one's return type at each helper
 * passes TypeScript's instantiation depth (TS2589). Components get it from `useTranslate()`.
 */
export type Translate = (key: TranslationKey, options?: Record<string, unknown>) => string;

/** `t` for a component that also hands it to helpers taking a `Translate`. */
export function useTranslate(): Translate {
  const { t } = useTranslation();
  return t as unknown as Translate;
}

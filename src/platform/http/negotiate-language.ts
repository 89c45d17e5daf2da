import type { Lang } from "../errors.ts";

const SUPPORTED: readonly Lang[] = ["fr", "en"];

/**
 * The language of messages for an `Accept-Language` header (RFC 9110 §12.5.4): the supported
 * language (`fr`, `en`) with the highest weight, the first listed on a tie; French when the
 * header is absent, names neither, or cannot be read. Only the primary subtag counts (`en-GB`
 * is `en`).
 *
 * @example
 * negotiateLanguage("en-GB,en;q=0.9,fr;q=0.8"); // "en"
 * negotiateLanguage("de-DE,en;q=0.5"); // "en"
 * negotiateLanguage(undefined); // "fr"
 */
export function negotiateLanguage(header: string | undefined): Lang {
  if (header === undefined) return "fr";
  let best: { lang: Lang; weight: number } | undefined;
  for (const range of header.split(",")) {
    const [tag = "", ...parameters] = range.split(";").map((part) => part.trim());
    const primary = tag.toLowerCase().split("-")[0];
    const lang = SUPPORTED.find((candidate) => candidate === primary);
    if (lang === undefined) continue;
    const q = parameters.find((parameter) => /^q\s*=/i.test(parameter));
    const weight = q === undefined ? 1 : Number(q.replace(/^q\s*=\s*/i, ""));
    if (!Number.isFinite(weight) || weight <= 0 || weight > 1) continue;
    if (best === undefined || weight > best.weight) best = { lang, weight };
  }
  return best?.lang ?? "fr";
}

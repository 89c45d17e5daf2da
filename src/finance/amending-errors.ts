import { defineErrors } from "../shared/errors.ts";

/**
 * Error codes of amending budgets (décisions modificatives) and of the complementary calls and
 * reductions they produce: HTTP status and message in French and English (what is wrong and
 * what to do). A catalog of its own beside `financeErrors` (errors.ts) so that each stays short;
 * docs/errors.md documents every code.
 */
export const amendingErrors = defineErrors({
  "budget.adopted_figures_frozen": {
    status: 409,
    fr: (d) =>
      `ce changement modifierait les montants adoptés de ${d.year} : une clé, une mission ou une régularisation ne change jamais un exercice adopté, même par une décision modificative (qui ne modifie que les lignes). Appliquez ce changement à partir de l'exercice ${d.next}.`,
    en: (d) =>
      `this change would alter the adopted amounts of ${d.year}: a key, a mission or an adjustment never changes an adopted exercise, not even through an amending budget (which changes lines only). Apply this change from exercise ${d.next}.`,
  },
  "amending.none_open": {
    status: 404,
    fr: (d) =>
      `aucune décision modificative n'est en cours pour ${d.year} (dernière version : ${d.label}). Ouvrez-en une depuis le budget adopté.`,
    en: (d) =>
      `no amending budget is open for ${d.year} (latest version: ${d.label}). Open one from the adopted budget.`,
  },
  "fund_call.amending_not_adopted": {
    status: 409,
    fr: (d) =>
      `${d.label} est ${d.status} : les titres complémentaires et réductions se calculent sur une décision modificative adoptée. Enregistrez d'abord les délibérations de tous les membres.`,
    en: (d) =>
      `${d.label} is ${d.status}: complementary calls and reductions are computed from an adopted amending budget. Record every member's deliberation first.`,
  },
  "fund_call.corrections_already_issued": {
    status: 409,
    fr: (d) => `les titres complémentaires et réductions de ${d.label} sont déjà émis.`,
    en: (d) => `the complementary calls and reductions of ${d.label} are already issued.`,
  },
  "fund_call.correction_without_call": {
    status: 409,
    fr: (d) =>
      `le membre « ${d.member} » n'a pas d'appel de fonds ${d.year} à compléter ou réduire. Émettez d'abord les appels de fonds ${d.year}.`,
    en: (d) =>
      `member "${d.member}" has no ${d.year} fund call to complement or reduce. Issue the ${d.year} fund calls first.`,
  },
});

declare module "../shared/errors.ts" {
  interface ErrorCodes extends Record<keyof typeof amendingErrors, true> {}
}

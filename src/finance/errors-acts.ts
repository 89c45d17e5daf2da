import { defineErrors } from "../shared/errors.ts";

/**
 * Finance error codes of the checks on acts — a member's identity within the entente, the dates
 * of deliberations, payments and incidents, payments and fund calls — in their own file so that
 * `errors.ts` stays short; same shape and rules as `financeErrors` (docs/errors.md documents
 * every code; test/error-catalog.test.ts fails when one is missing there).
 */
export const financeActErrors = defineErrors({
  "member.siren_taken": {
    status: 409,
    fr: (d) =>
      `le SIREN ${d.siren} du membre « ${d.member} » est déjà celui de « ${d.other} » : deux membres sont deux organismes. Vérifiez le SIREN (et le SIRET) saisi.`,
    en: (d) =>
      `SIREN ${d.siren} of member "${d.member}" is already that of "${d.other}": two members are two organisations. Check the SIREN (and SIRET) typed.`,
  },
  "member.name_taken": {
    status: 409,
    fr: (d) =>
      `le nom « ${d.member} » est déjà celui du membre « ${d.other} » (majuscules et accents ignorés). Donnez à chaque membre son nom propre.`,
    en: (d) =>
      `name "${d.member}" is already that of member "${d.other}" (case and accents aside). Give each member its own name.`,
  },
  "member.identity_secretariat_only": {
    status: 403,
    fr: (d) =>
      `champs ${d.fields} : l'identité et l'adhésion d'un membre (nom, type, SIREN, SIRET, assemblée, dates) se modifient par le secrétariat ; le référent financier ne modifie que le comptable public.`,
    en: (d) =>
      `fields ${d.fields}: a member's identity and membership (name, kind, SIREN, SIRET, assembly, dates) are edited by the secretariat; the finance officer edits the public accountant only.`,
  },
  "payment.not_positive": {
    status: 422,
    fr: (d) =>
      `montant du paiement ${d.value} € : un paiement est strictement positif. Saisissez le montant reçu.`,
    en: (d) => `payment amount €${d.value}: a payment is strictly positive. Enter the amount received.`,
  },
  "date.in_future": {
    status: 422,
    fr: (d) =>
      `${d.field} : la date ${d.date} est après aujourd'hui (${d.today}) ; ${d.what} ne se date pas dans le futur. Saisissez la date où il a eu lieu.`,
    en: (d) =>
      `${d.field}: date ${d.date} is after today (${d.today}); ${d.what} is not dated in the future. Enter the date it took place.`,
  },
  "date.too_early": {
    status: 422,
    fr: (d) => `${d.field} : la date ${d.date} précède le ${d.min} (${d.reason}). Vérifiez la date saisie.`,
    en: (d) => `${d.field}: date ${d.date} is before ${d.min} (${d.reason}). Check the date typed.`,
  },
  "fund_call.due_on_required": {
    status: 422,
    fr: (d) =>
      `dueOn : les appels de fonds ${d.year} s'émettent avec leur échéance (date limite de paiement). Saisissez-la.`,
    en: (d) => `dueOn: the ${d.year} fund calls are issued with their due date (payment deadline). Enter it.`,
  },
  "fund_call.correction_without_call": {
    status: 409,
    fr: (d) =>
      `le membre « ${d.member} » n'a pas d'appel de fonds ${d.year} à compléter ou réduire. Émettez d'abord les appels de fonds ${d.year}.`,
    en: (d) =>
      `member "${d.member}" has no ${d.year} fund call to complement or reduce. Issue the ${d.year} fund calls first.`,
  },
  "amending.before_previous_adoption": {
    status: 422,
    fr: (d) =>
      `conferenceDate : la conférence du ${d.date} précède l'adoption de la version qu'elle modifie (${d.previous}, adoptée le ${d.adoptedOn}) ; une décision modificative vient après la version en vigueur. Datez la conférence au plus tôt le ${d.adoptedOn}.`,
    en: (d) =>
      `conferenceDate: the conference of ${d.date} is before the adoption of the version it amends (${d.previous}, adopted on ${d.adoptedOn}); an amending budget comes after the version in force. Date the conference on ${d.adoptedOn} or later.`,
  },
});

declare module "../shared/errors.ts" {
  interface ErrorCodes extends Record<keyof typeof financeActErrors, true> {}
}

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
  "refund.not_positive": {
    status: 422,
    fr: (d) =>
      `montant du remboursement ${d.value} € : un mandat de remboursement est strictement positif. Saisissez le montant remboursé au membre, au plus son trop-perçu.`,
    en: (d) =>
      `refund amount €${d.value}: a refund (mandat de remboursement) is strictly positive. Enter the amount refunded to the member, at most its overpayment.`,
  },
  "refund.reference_taken": {
    status: 409,
    fr: (d) =>
      `reference : le mandat de remboursement « ${d.reference} »${d.on} est déjà enregistré sur l'appel de fonds ${d.call} ; le même remboursement envoyé deux fois ne se rembourse qu'une fois. S'il s'agit d'un autre mandat, saisissez sa propre référence.`,
    en: (d) =>
      `reference: refund (mandat de remboursement) "${d.reference}"${d.on} is already recorded on fund call ${d.call}; the same refund sent twice is refunded once. If it is another mandat, enter its own reference.`,
  },
  "payment.cancel_below_refunds": {
    status: 409,
    fr: (d) =>
      `paymentId : annuler le paiement de ${d.payment} (${d.paymentReference}) laisserait ${d.left} payés sur l'appel de fonds ${d.call}, moins que les ${d.refunded} déjà remboursés au membre par les mandats de remboursement ${d.mandats} : le payé net deviendrait négatif (${d.excess} de trop). Vérifiez le paiement choisi ; si ce paiement n'a vraiment pas été reçu, faites d'abord annuler les mandats émis sur ce trop-perçu, puis annulez le paiement.`,
    en: (d) =>
      `paymentId: cancelling the payment of ${d.payment} (${d.paymentReference}) would leave ${d.left} paid on fund call ${d.call}, less than the ${d.refunded} already refunded to the member by the refunds (mandats de remboursement) ${d.mandats}: net paid would turn negative (${d.excess} too much). Check the payment chosen; if it really was not received, first have the refunds of that overpayment cancelled, then cancel the payment.`,
  },
  "payment.before_issue": {
    status: 422,
    fr: (d) =>
      `${d.field} : un paiement reçu le ${d.date} précède l'émission de l'appel de fonds ${d.reference}, le ${d.issuedOn} ; un appel ne se paie qu'une fois émis. Vérifiez la date saisie : au plus tôt le ${d.issuedOn}.`,
    en: (d) =>
      `${d.field}: a payment received on ${d.date} is before fund call ${d.reference} was issued, on ${d.issuedOn}; a call is paid only once issued. Check the date typed: ${d.issuedOn} at the earliest.`,
  },
  "refund.before_issue": {
    status: 422,
    fr: (d) =>
      `${d.field} : un remboursement daté du ${d.date} précède l'émission de l'appel de fonds ${d.reference}, le ${d.issuedOn} ; seul ce qui a été payé sur un appel émis se rembourse. Vérifiez la date saisie : au plus tôt le ${d.issuedOn}.`,
    en: (d) =>
      `${d.field}: a refund dated ${d.date} is before fund call ${d.reference} was issued, on ${d.issuedOn}; only what was paid on an issued call is refunded. Check the date typed: ${d.issuedOn} at the earliest.`,
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

// The platform's codes (a missing resource, a stale version…) are thrown by every context.
import "../platform/errors.ts";
import { defineErrors } from "../shared/errors.ts";
// The codes of the acts' checks (members' identity, dates, payments, fund calls), a second file.
import "./errors-acts.ts";

export {
  EntenteError,
  type ErrorCode,
  type ErrorDetails,
  ensure,
  formatMessage,
  type Issue,
  type Lang,
  type Localized,
  localized,
  statusOf,
  ValidationError,
} from "../shared/errors.ts";

/**
 * Error codes of the entente file's rules, keys, budgets, decisions, fund calls and payments: for each, the HTTP status it answers with and
 * its message in French and English (what is wrong and what to do). docs/errors.md documents
 * every code; test/error-catalog.test.ts fails when one is missing there.
 */
export const financeErrors = defineErrors({
  "entente.duplicate_id": {
    status: 422,
    fr: (d) =>
      `identifiant « ${d.id} » en double (${d.what}, déjà défini ${d.first}). Chaque identifiant doit être unique : renommez l'un des deux.`,
    en: (d) =>
      `duplicate id "${d.id}" (${d.what}, first defined ${d.first}). Each id must be unique: rename one of them.`,
  },
  "entente.unknown_reference": {
    status: 422,
    fr: (d) =>
      `${d.what} « ${d.id} » : aucune définition ne porte cet identifiant. Valeurs connues : ${d.known}. Corrigez la référence ou ajoutez la définition manquante.`,
    en: (d) => `unknown ${d.what} "${d.id}". Known values: ${d.known}. Fix the reference or declare it.`,
  },
  "amount.not_a_number": {
    status: 422,
    fr: (d) => `montant attendu (nombre décimal, ex. 45276 ou 45276.50), reçu « ${d.value} ».`,
    en: (d) => `expected an amount (decimal number, e.g. 45276 or 45276.50), got "${d.value}".`,
  },
  "amount.negative": {
    status: 422,
    fr: (d) =>
      `montant négatif (${d.value}) : les dépenses, recettes et avances sont positives. Une recette en moins s'écrit comme une dépense.`,
    en: (d) =>
      `negative amount (${d.value}): expenses, receipts and advances are positive. Record a reduction on the other side.`,
  },
  "amount.too_many_decimals": {
    status: 422,
    fr: (d) => `${d.value} a trop de décimales : ${d.currency} en admet ${d.max}. Arrondissez le montant.`,
    en: (d) => `${d.value} has too many decimals: ${d.currency} allows ${d.max}. Round the amount.`,
  },
  "amount.too_large": {
    status: 422,
    fr: (d) =>
      `${d.value} : nombre trop grand (au plus ${d.max} chiffres avant la virgule). Vérifiez le montant.`,
    en: (d) =>
      `${d.value}: number too large (at most ${d.max} digits before the decimal point). Check the amount.`,
  },
  "entente.removal_refused": {
    status: 422,
    fr: (d) =>
      `${d.field} est absent du fichier : un membre, une clé ou un exercice ne se retire pas par un fichier (décisions, appels de fonds et historique s'y rattachent). Remettez-le dans le fichier ; un membre qui quitte l'entente y reste, avec sa sortie (to: dernier exercice).`,
    en: (d) =>
      `${d.field} is missing from the file: a member, key or exercise is not removed by a file (decisions, fund calls and history refer to it). Put it back in the file; a member that leaves stays in it, with its leave date (to: last exercise).`,
  },
  "date.out_of_range": {
    status: 422,
    fr: (d) =>
      `${d.field} : date ${d.date} hors des bornes (du ${d.min} au ${d.max}, fin de l'année suivante). Vérifiez l'année saisie.`,
    en: (d) =>
      `${d.field}: date ${d.date} out of range (${d.min} to ${d.max}, the end of next year). Check the year typed.`,
  },
  "key.shares_not_100": {
    status: 422,
    fr: (d) =>
      `les parts de la clé « ${d.key} » totalisent ${d.sum} % au lieu de 100 % (écart ${d.difference} points). Corrigez les taux pour qu'ils fassent exactement 100.`,
    en: (d) =>
      `the shares of key "${d.key}" add up to ${d.sum} % instead of 100 % (off by ${d.difference} points). Fix the rates so they add up to exactly 100.`,
  },
  "key.too_many_decimals": {
    status: 422,
    fr: (d) =>
      `taux ${d.value} % de la clé « ${d.key} » : au plus ${d.max} décimales. Arrondissez ou utilisez des poids entiers (weights).`,
    en: (d) =>
      `rate ${d.value} % of key "${d.key}": at most ${d.max} decimals. Round it or use integer weights.`,
  },
  "key.empty": {
    status: 422,
    fr: (d) =>
      `la clé « ${d.key} » ne donne aucune part (total ${d.what} nul). Donnez au moins une valeur positive.`,
    en: (d) => `key "${d.key}" yields no share (total ${d.what} is zero). Give at least one positive value.`,
  },
  "key.criteria_members_differ": {
    status: 422,
    fr: (d) =>
      `clé « ${d.key} » : le critère « ${d.criterion} » ne couvre pas les mêmes membres que le premier critère (${d.missing}). Donnez une valeur (0 si besoin) à chaque membre pour chaque critère.`,
    en: (d) =>
      `key "${d.key}": criterion "${d.criterion}" does not cover the same members as the first criterion (${d.missing}). Give every member a value (0 if need be) for every criterion.`,
  },
  "key.criteria_weights_not_100": {
    status: 422,
    fr: (d) =>
      `les poids des critères de la clé « ${d.key} » totalisent ${d.sum} % au lieu de 100 % (écart ${d.difference} points). Corrigez les poids pour qu'ils fassent exactement 100.`,
    en: (d) =>
      `the criteria weights of key "${d.key}" add up to ${d.sum} % instead of 100 % (off by ${d.difference} points). Fix the weights so they add up to exactly 100.`,
  },
  "key.criteria_value_missing": {
    status: 422,
    fr: (d) =>
      `clé « ${d.key} » : le critère « ${d.criterion} » n'a pas de valeur pour ${d.missing}, membre(s) de l'entente en ${d.year}. Donnez une valeur (0 si besoin) à chaque membre.`,
    en: (d) =>
      `key "${d.key}": criterion "${d.criterion}" has no value for ${d.missing}, member(s) of the entente in ${d.year}. Give every member a value (0 if need be).`,
  },
  "mission.key_member_not_participant": {
    status: 422,
    fr: (d) =>
      `la clé « ${d.key} » de la mission « ${d.mission} » donne une part à « ${d.member} », qui ne participe pas à la mission. Ajoutez-le aux membres de la mission ou retirez-le de la clé.`,
    en: (d) =>
      `key "${d.key}" of mission "${d.mission}" gives a share to "${d.member}", who does not take part in the mission. Add it to the mission's members or remove it from the key.`,
  },
  "budget.unbalanced": {
    status: 422,
    fr: (d) =>
      `budget ${d.year} déséquilibré : ${d.sections}. Les dépenses et les recettes de chaque section doivent être égales : ajustez une ligne ou la contribution des membres.`,
    en: (d) =>
      `budget ${d.year} is unbalanced: ${d.sections}. Expenses and receipts must be equal in each section: adjust a line or the members' contribution.`,
  },
  "budget.key_group_unbalanced": {
    status: 422,
    fr: (d) =>
      `budget ${d.year}, clé « ${d.key} », section ${d.section} : la contribution des membres (${d.contributions}) ne couvre pas exactement le coût net des missions de cette clé (${d.netCost}, écart ${d.difference}). Une mission financée par sa propre clé doit être équilibrée par ses propres contributions (CGCT L5221-1 : pas de marge).`,
    en: (d) =>
      `budget ${d.year}, key "${d.key}", section ${d.section}: the members' contribution (${d.contributions}) does not cover exactly the net cost of the missions of this key (${d.netCost}, off by ${d.difference}). A mission financed by its own key must be balanced by its own contributions (CGCT L5221-1: no margin).`,
  },
  "advance.member_not_in_key": {
    status: 422,
    fr: (d) =>
      `l'avance « ${d.advance} » est faite par « ${d.member} », qui n'a pas de part dans la clé « ${d.key} ». Choisissez une clé qui inclut ce membre (champ key) ou corrigez le membre.`,
    en: (d) =>
      `advance "${d.advance}" was made by "${d.member}", who has no share in key "${d.key}". Pick a key that includes this member (field key) or fix the member.`,
  },
  "adjustment.not_zero_sum": {
    status: 422,
    fr: (d) =>
      `la régularisation « ${d.adjustment} » totalise ${d.sum} au lieu de 0. Ce qu'un membre reçoit, les autres le paient : corrigez les montants.`,
    en: (d) =>
      `adjustment "${d.adjustment}" adds up to ${d.sum} instead of 0. What one member receives, the others pay: fix the amounts.`,
  },
  "rounding.not_whole_unit": {
    status: 422,
    fr: (d) =>
      `${d.what} de ${d.amount} ne se répartit pas en ${d.unit}s entiers. Arrondissez-le ou passez l'arrondi au centime (entente.rounding.unit: cent).`,
    en: (d) =>
      `${d.what} of ${d.amount} cannot be split in whole ${d.unit}s. Round it or round to the cent (entente.rounding.unit: cent).`,
  },
  "exercise.called_before_year": {
    status: 422,
    fr: (d) =>
      `l'exercice ${d.year} ne peut pas être appelé en ${d.calledIn}, avant l'exercice lui-même. Indiquez une année d'appel égale ou postérieure.`,
    en: (d) =>
      `exercise ${d.year} cannot be called in ${d.calledIn}, before the exercise itself. Give a call year equal to or after it.`,
  },
  "exercise.not_found": {
    status: 404,
    fr: (d) => `aucun exercice ${d.year} dans ce fichier. Exercices disponibles : ${d.known}.`,
    en: (d) => `no exercise ${d.year} in this file. Available exercises: ${d.known}.`,
  },
  "member.siren_invalid": {
    status: 422,
    fr: (d) =>
      `SIREN « ${d.value} » du membre « ${d.member} » invalide : 9 chiffres dont le dernier est une clé de contrôle (formule de Luhn, INSEE). Recopiez-le depuis l'avis de situation SIRENE.`,
    en: (d) =>
      `SIREN "${d.value}" of member "${d.member}" is invalid: 9 digits, the last a check digit (Luhn formula, INSEE). Copy it from the SIRENE record.`,
  },
  "member.siret_invalid": {
    status: 422,
    fr: (d) =>
      `SIRET « ${d.value} » du membre « ${d.member} » invalide : 14 chiffres (SIREN + NIC) avec une clé de contrôle (formule de Luhn, INSEE). Recopiez-le depuis l'avis de situation SIRENE.`,
    en: (d) =>
      `SIRET "${d.value}" of member "${d.member}" is invalid: 14 digits (SIREN + NIC) with a check digit (Luhn formula, INSEE). Copy it from the SIRENE record.`,
  },
  "member.siret_not_of_siren": {
    status: 422,
    fr: (d) =>
      `le SIRET ${d.siret} du membre « ${d.member} » n'est pas un établissement du SIREN ${d.siren} (ses 9 premiers chiffres). Corrigez l'un des deux.`,
    en: (d) =>
      `SIRET ${d.siret} of member "${d.member}" is not an establishment of SIREN ${d.siren} (its first 9 digits). Fix one of them.`,
  },
  "member.membership_order": {
    status: 422,
    fr: (d) =>
      `le membre « ${d.member} » quitterait l'entente (fin ${d.to}) avant d'y entrer (${d.from}). Le dernier exercice suit ou égale le premier.`,
    en: (d) =>
      `member "${d.member}" would leave (end of ${d.to}) before joining (${d.from}). The last exercise is on or after the first.`,
  },
  "member.billed_outside_membership": {
    status: 422,
    fr: (d) =>
      `la clé « ${d.key} » fait payer « ${d.member} » pour l'exercice ${d.year}, hors de son adhésion (${d.membership}). Un membre ne paie que les exercices où il est membre : donnez-lui une part nulle dans la clé de ${d.year} (clé par période) ou corrigez ses dates.`,
    en: (d) =>
      `key "${d.key}" bills "${d.member}" for exercise ${d.year}, outside its membership (${d.membership}). A member pays only for the exercises it belongs to: give it no share in the ${d.year} key (a key period) or fix its dates.`,
  },
  "member.membership_frozen": {
    status: 409,
    fr: (d) =>
      `cette adhésion changerait qui paie l'exercice ${d.year} pour « ${d.member} », dont le budget est approuvé ou adopté. Un membre entre à partir d'un exercice en préparation et sort à la fin d'un exercice.`,
    en: (d) =>
      `this membership would change who pays for exercise ${d.year} for "${d.member}", whose budget is approved or adopted. A member joins from an exercise in preparation and leaves at the end of one.`,
  },
  "key.period_duplicate": {
    status: 422,
    fr: (d) =>
      `la clé « ${d.key} » a deux périodes qui commencent en ${d.year}. Une seule période par exercice de départ.`,
    en: (d) => `key "${d.key}" has two periods starting in ${d.year}. One period per starting exercise.`,
  },
  "exercise.already_exists": {
    status: 409,
    fr: (d) =>
      `l'exercice ${d.year} existe déjà : il s'ouvre une seule fois. Modifiez son budget ou ouvrez une décision modificative.`,
    en: (d) =>
      `exercise ${d.year} already exists: it is opened once. Edit its budget or open an amending budget.`,
  },
  "exercise.called_in_invalid": {
    status: 422,
    fr: (d) =>
      `l'exercice ${d.year} ne peut pas être appelé en ${d.calledIn}. Années possibles : ${d.allowed} (l'année même, ou l'année suivante en rappel).`,
    en: (d) =>
      `exercise ${d.year} cannot be called in ${d.calledIn}. Possible years: ${d.allowed} (the year itself, or the next one as a recall).`,
  },
  "entente.not_found": {
    status: 404,
    fr: (d) => `aucune entente « ${d.id} ».`,
    en: (d) => `no entente "${d.id}".`,
  },
  "entente.already_exists": {
    status: 409,
    fr: (d) => `l'entente « ${d.id} » existe déjà. Choisissez un autre identifiant ou supprimez-la d'abord.`,
    en: (d) => `entente "${d.id}" already exists. Pick another id or delete it first.`,
  },
  "budget.not_editable": {
    status: 409,
    fr: (d) =>
      `le budget ${d.year} (version ${d.number}) est ${d.status} : il ne se modifie plus. Ouvrez une décision modificative (nouvelle version du budget).`,
    en: (d) =>
      `budget ${d.year} (version ${d.number}) is ${d.status}: it can no longer be edited. Open an amending budget (a new version).`,
  },
  "budget.amend_not_adopted": {
    status: 409,
    fr: (d) =>
      `le budget ${d.year} (version ${d.number}) est ${d.status} : une décision modificative part d'un budget adopté. Modifiez le brouillon en cours ou attendez l'adoption.`,
    en: (d) =>
      `budget ${d.year} (version ${d.number}) is ${d.status}: an amending budget starts from an adopted one. Edit the current draft or wait for adoption.`,
  },
  "budget.draft_hidden": {
    status: 403,
    fr: (d) =>
      `le budget ${d.year} est en préparation par le secrétariat : ses montants seront visibles de tous après son approbation par la conférence (seule votre part est montrée).`,
    en: (d) =>
      `the ${d.year} budget is being prepared by the secretariat: its amounts become visible to all once the conference approves it (only your share is shown).`,
  },
  "budget.figures_frozen": {
    status: 409,
    fr: (d) =>
      `ce changement modifierait les montants du budget ${d.year}, qui est ${d.status} : les montants délibérés ne changent plus. ${d.advice === undefined ? `Ses lignes, avances et régularisations changent par une décision modificative de ${d.year}, qui s'ouvre une fois ce budget adopté ; une clé ou une mission ne change pas un exercice délibéré.` : d.advice}`,
    en: (d) =>
      `this change would alter the amounts of the ${d.year} budget, which is ${d.status}: deliberated amounts no longer change. ${d.advice === undefined ? `Its lines, advances and adjustments change through an amending budget of ${d.year}, opened once this budget is adopted; a key or a mission does not change a deliberated exercise.` : d.advice}`,
  },
  "ratification.closed": {
    status: 409,
    fr: (d) =>
      `le budget ${d.year} est adopté : les délibérations qui l'ont adopté ne se modifient plus. Une nouvelle décision passe par une décision modificative.`,
    en: (d) =>
      `the ${d.year} budget is adopted: the deliberations that adopted it can no longer change. A new decision goes through an amending budget.`,
  },
  "ratification.not_member": {
    status: 422,
    fr: (d) =>
      `${d.member} n'est pas membre de l'entente en ${d.year} (adhésion : ${d.membership}) : il ne délibère pas sur une décision de ${d.year}. Choisissez un membre de cette année.`,
    en: (d) =>
      `${d.member} is not a member of the entente in ${d.year} (membership: ${d.membership}): it does not deliberate on a ${d.year} decision. Choose a member of that year.`,
  },
  "ratification.incomplete": {
    status: 422,
    fr: (d) =>
      `une délibération ${d.status} doit porter son numéro et sa date (au plus tôt le jour de la conférence, ${d.conferenceDate}).`,
    en: (d) =>
      `a ${d.status} deliberation needs its number and its date (no earlier than the conference, ${d.conferenceDate}).`,
  },
  "payment.exceeds_due": {
    status: 422,
    fr: (d) =>
      `le paiement de ${d.amount} dépasse le reste dû (${d.due}). Vérifiez le montant : enregistrez au plus le reste dû ; un trop-perçu se rembourse au membre par un mandat de remboursement (« Rembourser le trop-perçu » sur l'appel de fonds).`,
    en: (d) =>
      `the payment of ${d.amount} exceeds what is due (${d.due}). Check the amount: record at most what is due; an overpayment is refunded to the member by a mandat de remboursement ("Refund the overpayment" on the fund call).`,
  },
  "refund.exceeds_overpayment": {
    status: 422,
    fr: (d) =>
      `le remboursement de ${d.amount} dépasse le trop-perçu du membre (${d.overpaid}). Vérifiez le montant : on ne rembourse que ce qui a été payé au-delà de l'appelé.`,
    en: (d) =>
      `the refund of ${d.amount} exceeds the member's overpayment (${d.overpaid}). Check the amount: only what was paid beyond what is called is refunded.`,
  },
  "fund_call.budget_not_adopted": {
    status: 409,
    fr: (d) =>
      `le budget ${d.year} n'est pas adopté (il est ${d.status}) : les appels de fonds attendent la délibération concordante de chaque membre (CGCT L5221-2).`,
    en: (d) =>
      `the ${d.year} budget is not adopted (it is ${d.status}): fund calls wait for every member's concurring deliberation (CGCT L5221-2).`,
  },
  "fund_call.already_issued": {
    status: 409,
    fr: (d) => `les appels de fonds ${d.year} sont déjà émis.`,
    en: (d) => `the ${d.year} fund calls are already issued.`,
  },
  "key.usage_key_shared": {
    status: 409,
    fr: (d) =>
      `la clé « ${d.key} » de la mission « ${d.mission} » sert aussi à ${d.users} : une clé d'usage la changerait pour eux aussi. Donnez d'abord à la mission sa propre clé pour cette section.`,
    en: (d) =>
      `key "${d.key}" of mission "${d.mission}" is also used by ${d.users}: a usage key would change it for them too. First give the mission its own key for this section.`,
  },
  "member.subscriptions_outside_membership": {
    status: 409,
    fr: (d) =>
      `le champ « ${d.field} » (${d.membership}) laisserait des souscriptions du membre « ${d.member} » hors de son adhésion : ${d.subscriptions}. Terminez ou décalez d'abord ces souscriptions (Espace numérique, souscriptions), puis recommencez.`,
    en: (d) =>
      `field "${d.field}" (${d.membership}) would leave subscriptions of member "${d.member}" outside its membership: ${d.subscriptions}. First end or move those subscriptions (digital workplace, subscriptions), then try again.`,
  },
  // Amending budgets (décisions modificatives) and their complementary calls and reductions.
  "budget.adopted_figures_frozen": {
    status: 409,
    fr: (d) =>
      `ce changement modifierait les montants adoptés de ${d.year} : une clé ou une mission ne change jamais un exercice adopté, même par une décision modificative (qui modifie les lignes, avances et régularisations, pas les clés ni les missions). Une période de clé ne peut commencer qu'à un exercice non adopté : appliquez ce changement à partir de l'exercice ${d.next}.`,
    en: (d) =>
      `this change would alter the adopted amounts of ${d.year}: a key or a mission never changes an adopted exercise, not even through an amending budget (which changes lines, advances and adjustments, not keys nor missions). A key period can start only from an exercise not adopted: apply this change from exercise ${d.next}.`,
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
});

declare module "../shared/errors.ts" {
  interface ErrorCodes extends Record<keyof typeof financeErrors, true> {}
}

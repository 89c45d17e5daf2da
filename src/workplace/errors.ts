// The platform's codes (a missing resource, a stale version…) are thrown by every context.
import "../platform/errors.ts";
import { defineErrors } from "../shared/errors.ts";

export {
  EntenteError,
  type ErrorCode,
  type ErrorDetails,
  ensure,
  type Issue,
  ValidationError,
} from "../shared/errors.ts";

/** The things `workplace.not_found` may name (`what`), in each language. */
const NOUNS: Readonly<Record<string, { readonly fr: string; readonly en: string }>> = {
  service: { fr: "Service", en: "Service" },
  entente: { fr: "Entente", en: "Entente" },
  announcement: { fr: "Annonce", en: "Announcement" },
  "OIDC client": { fr: "Client OIDC", en: "OIDC client" },
  member: { fr: "Membre", en: "Member" },
  incident: { fr: "Incident", en: "Incident" },
  probe: { fr: "Sonde", en: "Probe" },
  subscription: { fr: "Souscription", en: "Subscription" },
};
const nounOf = (what: string | number | undefined, lang: "fr" | "en") =>
  NOUNS[String(what)]?.[lang] ?? String(what);

/**
 * Error codes of the digital workplace (issue 11): the service catalogue, subscriptions, the
 * launcher feed and the entitlements; for each, the HTTP status it answers with and its message
 * in French and English (what is wrong and what to do). docs/errors.md documents every code;
 * test/error-catalog.test.ts fails when one is missing there.
 */
export const workplaceErrors = defineErrors({
  "workplace.service_invalid": {
    status: 422,
    fr: (d) => `catalogue, champ « ${d.field} » : ${d.expected}.`,
    en: (d) => `catalogue, field "${d.field}": ${d.expected}.`,
  },
  "workplace.logo_invalid": {
    status: 422,
    fr: (d) =>
      `logo refusé : ${d.reason}. Envoyez une image PNG, JPEG ou WebP entière, de 256 Kio et 2048 pixels de côté au plus.`,
    en: (d) =>
      `logo refused: ${d.reason}. Send a whole PNG, JPEG or WebP image of at most 256 KiB and 2048 pixels a side.`,
  },
  "workplace.subscription_invalid": {
    status: 422,
    fr: (d) => `souscription, champ « ${d.field} » : ${d.expected}.`,
    en: (d) => `subscription, field "${d.field}": ${d.expected}.`,
  },
  "workplace.read_only_field": {
    status: 400,
    fr: (d) =>
      `souscription, champ « ${d.field} » : en lecture seule, il vaut « ${d.expected} » (${d.why}) et la requête porte « ${d.given} ». Renvoyez la valeur lue ou omettez le champ ; ${d.todo}.`,
    en: (d) =>
      `subscription, field "${d.field}": read-only, it is "${d.expected}" (${d.why}) and the request has "${d.given}". Send back the value read or leave the field out; ${d.todo}.`,
  },
  "workplace.not_found": {
    status: 404,
    fr: (d) => `${nounOf(d.what, "fr")} « ${d.id} » introuvable : vérifiez l'identifiant.`,
    en: (d) => `${nounOf(d.what, "en")} "${d.id}" not found: check the id.`,
  },
  "workplace.already_in_catalogue": {
    status: 409,
    fr: (d) => `le service « ${d.id} » est déjà au catalogue : modifiez son entrée.`,
    en: (d) => `service "${d.id}" is already in the catalogue: edit its entry.`,
  },
  "workplace.usage_invalid": {
    status: 422,
    fr: (d) =>
      `usage_metrics[${d.line}] : ${d.expected}. Rien n'a été enregistré ; corrigez la ligne et renvoyez le tout.`,
    en: (d) =>
      `usage_metrics[${d.line}]: ${d.expected}. Nothing was stored; fix the line and send everything again.`,
  },
  "workplace.service_key_invalid": {
    status: 401,
    fr: () => "clé de service absente ou incorrecte : envoyez « X-Service-Auth: Bearer <clé du service> ».",
    en: () => 'missing or wrong service key: send "X-Service-Auth: Bearer <the service\'s key>".',
  },
  "workplace.announcement_invalid": {
    status: 422,
    fr: (d) => `annonce, champ « ${d.field} » : ${d.expected}.`,
    en: (d) => `announcement, field "${d.field}": ${d.expected}.`,
  },
  "workplace.announcement_member_forbidden": {
    status: 403,
    fr: (d) =>
      `annonce, champ « ${d.field} » : seulement votre membre (${d.memberId}), ou null — vous n'écrivez pas aux personnes de ${d.others}. Demandez-le au secrétariat de l'entente.`,
    en: (d) =>
      `announcement, field "${d.field}": only your member (${d.memberId}), or null — you do not write to the persons of ${d.others}. Ask the entente's secretariat.`,
  },
  "workplace.portal_not_found": {
    status: 404,
    fr: (d) =>
      `le portail de l'entente « ${d.id} » n'existe pas ou n'est pas ouvert : vérifiez l'adresse, ou demandez au secrétariat de l'entente de l'ouvrir.`,
    en: (d) =>
      `the portal of entente "${d.id}" does not exist or is not open: check the address, or ask the entente's secretariat to open it.`,
  },
  "workplace.portal_sign_in_failed": {
    status: 400,
    fr: (d) =>
      `la connexion au portail n'a pas abouti (${d.reason}) : recommencez depuis la page d'accueil du portail.`,
    en: (d) => `signing in to the portal failed (${d.reason}): start again from the portal's home page.`,
  },
  "workplace.portal_rate_limited": {
    status: 429,
    fr: (d) =>
      `trop de demandes de connexion au portail depuis cette adresse : réessayez dans ${d.seconds} s.`,
    en: (d) => `too many portal sign-in requests from this address: try again in ${d.seconds} s.`,
  },
  "workplace.portal_csrf": {
    status: 403,
    fr: () => "formulaire expiré ou venu d'un autre site : rechargez la page du portail et recommencez.",
    en: () => "the form expired or came from another site: reload the portal's page and try again.",
  },
  "workplace.probe_invalid": {
    status: 422,
    fr: (d) => `sonde de disponibilité, champ « ${d.field} » : ${d.expected}.`,
    en: (d) => `health probe, field "${d.field}": ${d.expected}.`,
  },
  "workplace.incident_invalid": {
    status: 422,
    fr: (d) => `incident ou maintenance, champ « ${d.field} » : ${d.expected}. Rien n'a été enregistré.`,
    en: (d) => `incident or maintenance, field "${d.field}": ${d.expected}. Nothing was stored.`,
  },
});

declare module "../shared/errors.ts" {
  interface ErrorCodes extends Record<keyof typeof workplaceErrors, true> {}
}

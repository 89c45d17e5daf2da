import { STATUS_CODES } from "node:http";
import type { ErrorDetails, Lang } from "../errors.ts";

/**
 * Codes and messages of the problems the HTTP layer itself finds (a request that does not match
 * the API, an unknown address, a fault of the server), shaped like the catalog of
 * src/domain/errors.ts so that they can move there as they are: that catalog is not this
 * layer's to edit. Until then they are documented in src/http/README.md.
 */
export const httpProblemCatalog = {
  "request.invalid": {
    fr: (d) =>
      `la requête ne respecte pas le format de l'API : ${d.count} problème(s), détaillé(s) dans « errors ». Corrigez-les puis renvoyez-la (description de l'API : /api/docs).`,
    en: (d) =>
      `the request does not match the API: ${d.count} problem(s), listed in "errors". Fix them and send it again (API description: /api/docs).`,
  },
  "request.invalid_field": {
    fr: (d) => `${d.field} : ${d.reason}`,
    en: (d) => `${d.field}: ${d.reason}`,
  },
  "request.unknown_field": {
    fr: (d) => `${d.field} : champ inconnu ici. Corrigez son nom ou retirez-le.`,
    en: (d) => `${d.field}: unknown field here. Fix its name or remove it.`,
  },
  "request.unprocessable": {
    fr: (d) =>
      `${d.count} problème(s) dans les données envoyées, détaillé(s) dans « errors » ; rien n'a été enregistré. Corrigez-les puis renvoyez-les.`,
    en: (d) =>
      `${d.count} problem(s) in the data sent, listed in "errors"; nothing was saved. Fix them and send it again.`,
  },
  /** `request.unprocessable` answering a read (GET): the stored data, not a request, breaks a rule. */
  "request.unprocessable_read": {
    fr: (d) =>
      `les données enregistrées ne permettent pas encore de répondre : ${d.count} problème(s), détaillé(s) dans « errors ». Corrigez-les (par exemple équilibrez le brouillon du budget) puis redemandez.`,
    en: (d) =>
      `the stored data cannot be answered yet: ${d.count} problem(s), listed in "errors". Fix them (for instance balance the draft budget), then ask again.`,
  },
  "request.rejected": {
    fr: (d) => `requête refusée : ${d.reason}.`,
    en: (d) => `request rejected: ${d.reason}.`,
  },
  "route.not_found": {
    fr: (d) => `aucune adresse ${d.method} ${d.path} ici. Les adresses de l'API sont décrites sur /api/docs.`,
    en: (d) => `no ${d.method} ${d.path} here. The addresses of the API are described at /api/docs.`,
  },
  "server.internal": {
    fr: (d) =>
      `erreur interne d'Entente (elle ne vient pas de votre demande). Réessayez ; si elle se reproduit, signalez-la avec l'identifiant de requête ${d.requestId}.`,
    en: (d) =>
      `internal error in Entente (not caused by your request). Try again; if it happens again, report it with the request id ${d.requestId}.`,
  },
} as const satisfies Record<string, Record<Lang, (d: ErrorDetails) => string>>;

export type HttpProblemCode = keyof typeof httpProblemCatalog;

/** Renders the message of an HTTP-layer problem in the given language. */
export function formatHttpProblemMessage(code: HttpProblemCode, details: ErrorDetails, lang: Lang): string {
  return httpProblemCatalog[code][lang](details);
}

const TITLES: Readonly<Record<number, Readonly<Record<Lang, string>>>> = {
  400: { fr: "Requête invalide", en: "Bad Request" },
  401: { fr: "Connexion requise", en: "Unauthorized" },
  403: { fr: "Accès refusé", en: "Forbidden" },
  404: { fr: "Introuvable", en: "Not Found" },
  405: { fr: "Méthode non autorisée", en: "Method Not Allowed" },
  406: { fr: "Format de réponse indisponible", en: "Not Acceptable" },
  409: { fr: "Conflit", en: "Conflict" },
  413: { fr: "Contenu trop volumineux", en: "Content Too Large" },
  415: { fr: "Type de contenu non pris en charge", en: "Unsupported Media Type" },
  422: { fr: "Données non traitables", en: "Unprocessable Content" },
  429: { fr: "Trop de requêtes", en: "Too Many Requests" },
  500: { fr: "Erreur interne", en: "Internal Server Error" },
  503: { fr: "Service indisponible", en: "Service Unavailable" },
};

/** The `title` of a problem: the meaning of its HTTP status, in the given language. */
export function statusTitle(status: number, lang: Lang): string {
  return TITLES[status]?.[lang] ?? STATUS_CODES[status] ?? `HTTP ${status}`;
}

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

/** Fastify's own client errors, said in each language (its messages are English only). */
const FRAMEWORK_REASONS: Readonly<Record<string, Record<Lang, (d: ErrorDetails) => string>>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    fr: () =>
      "le corps n'est pas du JSON valide alors que Content-Type annonce application/json ; vérifiez sa syntaxe (guillemets, virgules, accolades)",
    en: () =>
      "the body is not valid JSON although Content-Type says application/json; check its syntax (quotes, commas, braces)",
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    fr: () =>
      "le corps est vide alors que Content-Type annonce application/json ; envoyez un objet JSON ou retirez cet en-tête",
    en: () =>
      "the body is empty although Content-Type says application/json; send a JSON object or remove that header",
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    fr: (d) => `type de contenu non pris en charge (${d.contentType}) ; envoyez application/json`,
    en: (d) => `unsupported content type (${d.contentType}); send application/json`,
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    fr: () =>
      "le corps de la requête est trop volumineux pour cette adresse ; envoyez moins de données à la fois",
    en: () => "the request body is too large for this address; send less data at a time",
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    fr: () => "la longueur annoncée (Content-Length) ne correspond pas au corps reçu",
    en: () => "the announced length (Content-Length) does not match the body received",
  },
  SYNTAX_ERROR: {
    fr: () => "le corps n'est pas du JSON valide ; vérifiez sa syntaxe (guillemets, virgules, accolades)",
    en: () => "the body is not valid JSON; check its syntax (quotes, commas, braces)",
  },
};

/**
 * Why Fastify refused a request, in `lang`: its known client errors (bad JSON, empty body,
 * media type, size) by their codes; any other one by its HTTP status's name, since Fastify's
 * message is English only.
 *
 * @param error the error Fastify or a plugin threw (with `code` and `statusCode`)
 * @param status its 4xx status
 * @param contentType the request's Content-Type header, named in the media-type message
 */
export function frameworkReason(error: Error, status: number, lang: Lang, contentType: string): string {
  const code =
    error instanceof SyntaxError ? "SYNTAX_ERROR" : String((error as { code?: unknown }).code ?? "");
  const known = FRAMEWORK_REASONS[code];
  if (known !== undefined) return known[lang]({ contentType: contentType.slice(0, 80) || "-" });
  return lang === "en" ? error.message.replace(/\.$/, "") : statusTitle(status, lang);
}

// The platform's codes (a missing resource, a stale version…) are thrown by every context.
import "../platform/errors.ts";
import { defineErrors } from "../shared/errors.ts";

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
 * Error codes of the identity federation: sources, sign-in, services, administration: for each, the HTTP status it answers with and
 * its message in French and English (what is wrong and what to do). docs/errors.md documents
 * every code; test/error-catalog.test.ts fails when one is missing there.
 */
export const identityErrors = defineErrors({
  "identity.email_invalid": {
    status: 422,
    fr: () => "adresse électronique invalide : saisissez une adresse de la forme prenom.nom@commune.fr.",
    en: () => "invalid email address: type an address such as firstname.lastname@town.fr.",
  },
  "identity.domain_unknown": {
    status: 404,
    fr: (d) =>
      `aucune organisation de l'entente n'utilise le domaine « ${d.domain} ». Choisissez votre organisation dans la liste, ou demandez au secrétariat d'enregistrer votre adresse.`,
    en: (d) =>
      `no organisation of the entente uses the domain "${d.domain}". Pick your organisation from the list, or ask the secretariat to register your address.`,
  },
  "identity.source_not_found": {
    status: 404,
    fr: (d) => `source d'identité « ${d.id} » introuvable.`,
    en: (d) => `identity source "${d.id}" not found.`,
  },
  "identity.saml_source_unknown": {
    status: 404,
    fr: (d) =>
      `aucune source d'identité SAML « ${d.id} » n'existe sur ce hub d'identité de l'entente : il n'a donc pas de métadonnées de fournisseur de services pour elle. Vérifiez l'identifiant de la source dans l'adresse (/interaction/saml/<identifiant de la source>/metadata) auprès du secrétariat de l'entente, qui gère les sources d'identité des membres.`,
    en: (d) =>
      `no SAML identity source "${d.id}" exists on this entente's identity hub, so it has no service-provider metadata for it. Check the source's id in the address (/interaction/saml/<source id>/metadata) with the entente's secretariat, which manages the members' identity sources.`,
  },
  "identity.source_disabled": {
    status: 409,
    fr: (d) =>
      `la connexion par « ${d.source} » est suspendue. Réessayez plus tard ou contactez le support de votre organisation.`,
    en: (d) =>
      `signing in through "${d.source}" is suspended. Try again later or contact your organisation's support.`,
  },
  "identity.invalid_credentials": {
    status: 401,
    fr: () => "identifiant ou mot de passe incorrect.",
    en: () => "wrong username or password.",
  },
  "identity.source_unreachable": {
    status: 502,
    fr: (d) =>
      `l'annuaire ou le fournisseur d'identité « ${d.source} » ne répond pas. Réessayez dans quelques minutes ; si cela dure, prévenez le support de votre organisation.`,
    en: (d) =>
      `the directory or identity provider "${d.source}" does not answer. Try again in a few minutes; if it lasts, tell your organisation's support.`,
  },
  "identity.upstream_rejected": {
    status: 401,
    fr: (d) =>
      `la réponse de « ${d.source} » a été refusée (${d.reason}). Recommencez la connexion depuis le service ; si cela se reproduit, donnez ce code au support.`,
    en: (d) =>
      `the answer of "${d.source}" was refused (${d.reason}). Start signing in again from the service; if it happens again, give this code to support.`,
  },
  "identity.saml_sp_key_invalid": {
    status: 500,
    fr: (d) =>
      `${d.variable} (${d.file}) : ${d.reason}. Donnez le fichier PEM de la clé privée (SAML_SP_KEY_FILE) et celui de son certificat (SAML_SP_CERT_FILE), lisibles par Entente, puis redémarrez.`,
    en: (d) =>
      `${d.variable} (${d.file}): ${d.reason}. Give the PEM file of the private key (SAML_SP_KEY_FILE) and of its certificate (SAML_SP_CERT_FILE), readable by Entente, then restart.`,
  },
  "identity.upstream_denied": {
    status: 401,
    fr: (d) => `« ${d.source} » n'a pas authentifié la personne (${d.reason}).`,
    en: (d) => `"${d.source}" did not authenticate the person (${d.reason}).`,
  },
  "identity.attribute_missing": {
    status: 502,
    fr: (d) =>
      `« ${d.source} » n'a pas transmis l'attribut « ${d.attribute} » (${d.claim}). Son administrateur doit le publier, ou corriger la correspondance des attributs.`,
    en: (d) =>
      `"${d.source}" did not release the attribute "${d.attribute}" (${d.claim}). Its administrator must release it, or fix the attribute mapping.`,
  },
  "identity.email_domain_not_owned": {
    status: 403,
    fr: (d) =>
      `« ${d.source} » a fourni l'adresse ${d.email}, qui n'appartient pas à ${d.member} (ni son domaine n'est à lui, ni elle n'est enregistrée pour lui ; une adresse enregistrée pour un autre membre n'est qu'à celui-ci). Personne n'a été connecté ; le secrétariat peut enregistrer ce domaine ou cette adresse.`,
    en: (d) =>
      `"${d.source}" asserted ${d.email}, which does not belong to ${d.member} (neither is its domain the member's nor is it registered for the member; an address registered for another member is that member's only). Nobody was signed in; the secretariat can register the domain or the address.`,
  },
  "identity.state_lost": {
    status: 400,
    fr: () =>
      "cette réponse de connexion ne correspond à aucune connexion en cours (déjà utilisée, expirée ou ouverte dans un autre navigateur). Recommencez depuis le service.",
    en: () =>
      "this sign-in answer matches no sign-in in progress (already used, expired or started in another browser). Start again from the service.",
  },
  "identity.interaction_expired": {
    status: 410,
    fr: () => "la page de connexion a expiré. Retournez sur le service et recommencez.",
    en: () => "the sign-in page has expired. Go back to the service and start again.",
  },
  "identity.service_refused": {
    status: 403,
    fr: (d) =>
      `l'accès à « ${d.service} » n'est pas ouvert ${d.reason}. Si vous pensez y avoir droit, contactez le secrétariat de l'entente.`,
    en: (d) =>
      `access to "${d.service}" is not open ${d.reason}. If you believe you should have it, contact the entente's secretariat.`,
  },
  "identity.too_many_attempts": {
    status: 429,
    fr: (d) =>
      `trop de tentatives de connexion. Attendez ${d.minutes} minute(s) avant de réessayer ; si vous avez oublié votre mot de passe, contactez le support de votre organisation.`,
    en: (d) =>
      `too many sign-in attempts. Wait ${d.minutes} minute(s) before trying again; if you forgot your password, contact your organisation's support.`,
  },
  "identity.mfa_invalid": {
    status: 401,
    fr: () => "code ou clé de sécurité refusé : réessayez avec un nouveau code.",
    en: () => "code or security key refused: try again with a new code.",
  },
  "identity.domain_taken": {
    status: 409,
    fr: (d) =>
      `le domaine « ${d.domain} » est déjà rattaché à ${d.member}. Un domaine appartient à un seul membre.`,
    en: (d) =>
      `the domain "${d.domain}" already belongs to ${d.member}. A domain belongs to one member only.`,
  },
  "identity.client_invalid": {
    status: 422,
    fr: (d) => `service « ${d.field} » : ${d.expected}.`,
    en: (d) => `service "${d.field}": ${d.expected}.`,
  },
  "identity.not_found": {
    status: 404,
    fr: (d) => `${d.what} « ${d.id} » introuvable.`,
    en: (d) => `${d.what} "${d.id}" not found.`,
  },
  "identity.source_invalid": {
    status: 422,
    fr: (d) => `source d'identité, champ « ${d.field} » : ${d.expected}.`,
    en: (d) => `identity source, field "${d.field}": ${d.expected}.`,
  },
  "identity.source_in_use": {
    status: 409,
    fr: (d) =>
      `la source « ${d.source} » a déjà connecté ${d.count} personne(s) : désactivez-la plutôt que de la supprimer (leurs identifiants pivot en dépendent).`,
    en: (d) =>
      `the source "${d.source}" has already signed in ${d.count} person(s): disable it instead of deleting it (their pivot ids depend on it).`,
  },
  "identity.address_taken": {
    status: 409,
    fr: (d) =>
      `l'adresse ${d.email} est déjà enregistrée pour ${d.member}. Une adresse mène à une seule organisation ; retirez-la d'abord.`,
    en: (d) =>
      `the address ${d.email} is already registered for ${d.member}. An address leads to one organisation only; remove it first.`,
  },
  "identity.email_not_owned": {
    status: 422,
    fr: (d) =>
      `l'adresse ${d.email} n'appartient pas au membre « ${d.member} » : ni son domaine n'est à lui, ni elle n'est enregistrée pour lui. Donnez une adresse de ce membre, ou laissez le champ vide pour reprendre l'adresse de la personne.`,
    en: (d) =>
      `the address ${d.email} does not belong to the member "${d.member}": neither is its domain the member's nor is it registered for the member. Give an address of that member, or leave the field empty to use the person's own address.`,
  },
  "identity.domain_shared": {
    status: 422,
    fr: (d) =>
      `le domaine « ${d.domain} » est celui d'une messagerie grand public : n'importe qui peut y ouvrir une adresse, il ne peut donc appartenir à aucun membre. Enregistrez plutôt les adresses de ses élus une à une (Adresses enregistrées).`,
    en: (d) =>
      `the domain "${d.domain}" belongs to a consumer mail provider: anybody can open an address there, so it cannot belong to a member. Register its élus' addresses one by one instead (Registered addresses).`,
  },
  "identity.resource_server_invalid": {
    status: 422,
    fr: (d) => `serveur de ressources, champ « ${d.field} » : ${d.expected}.`,
    en: (d) => `resource server, field "${d.field}": ${d.expected}.`,
  },
  "identity.resource_server_taken": {
    status: 409,
    fr: (d) =>
      `l'audience ${d.audience} est déjà celle d'un autre serveur de ressources (de cette entente ou d'une autre). Une audience désigne un seul serveur : choisissez une autre URI.`,
    en: (d) =>
      `the audience ${d.audience} already belongs to another resource server (of this entente or another). An audience names one server: choose another URI.`,
  },
});

declare module "../shared/errors.ts" {
  interface ErrorCodes extends Record<keyof typeof identityErrors, true> {}
}

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
 * Error codes of console access: sign-in, sessions, roles: for each, the HTTP status it answers with and
 * its message in French and English (what is wrong and what to do). docs/errors.md documents
 * every code; test/error-catalog.test.ts fails when one is missing there.
 */
export const accessErrors = defineErrors({
  "access.forbidden": {
    status: 403,
    fr: (d) =>
      `action non autorisée pour le rôle ${d.role} (${d.action}). Demandez-la au secrétariat de la conférence.`,
    en: (d) => `action not allowed for role ${d.role} (${d.action}). Ask the conference secretariat.`,
  },
  "auth.required": {
    status: 401,
    fr: () => "connexion requise : identifiez-vous pour continuer.",
    en: () => "sign-in required: sign in to continue.",
  },
  "auth.https_required": {
    status: 403,
    fr: () =>
      "connexion refusée : ce serveur de production n'envoie son cookie de session que sur HTTPS, et la requête n'est pas arrivée en HTTPS. Passez par l'adresse https:// ; derrière un proxy qui termine TLS, l'exploitant doit le déclarer dans TRUSTED_PROXIES.",
    en: () =>
      "sign-in refused: this production server sends its session cookie over HTTPS only, and the request did not come over HTTPS. Use the https:// address; behind a proxy that terminates TLS, the operator must name it in TRUSTED_PROXIES.",
  },
  "auth.invalid_credentials": {
    status: 401,
    fr: () => "adresse ou mot de passe incorrect.",
    en: () => "wrong email or password.",
  },
  "auth.locked": {
    status: 429,
    fr: (d) =>
      `trop d'essais : connexion à ce compte suspendue depuis cette adresse jusqu'au ${d.until}. Réessayez après cette heure, ou depuis un poste d'où vous vous êtes déjà connecté.`,
    en: (d) =>
      `too many attempts: sign-in to this account paused from this address until ${d.until}. Try again after that time, or from a computer you signed in from before.`,
  },
  "auth.rate_limited": {
    status: 429,
    fr: (d) => `trop de tentatives de connexion depuis cette adresse : réessayez dans ${d.seconds} s.`,
    en: (d) => `too many sign-in attempts from this address: try again in ${d.seconds} s.`,
  },
});

declare module "../shared/errors.ts" {
  interface ErrorCodes extends Record<keyof typeof accessErrors, true> {}
}

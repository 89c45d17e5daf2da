// The platform's codes (a missing resource, a stale version…) are thrown by every context.
import "../platform/errors.ts";
import { defineErrors } from "../shared/errors.ts";

export { EntenteError, type ErrorCode, ValidationError } from "../shared/errors.ts";

/**
 * Error codes of provisioning (the SCIM tokens, the provisioning engine) for the console's API and
 * the command line: for each, the HTTP status and the message in French and English. The SCIM
 * endpoints themselves answer SCIM errors (domain/scim-error.ts), as RFC 7644 §3.12 says.
 * docs/errors.md documents every code; test/error-catalog.test.ts fails when one is missing.
 */
export const provisioningErrors = defineErrors({
  "provisioning.member_unknown": {
    status: 404,
    fr: (d) =>
      `le membre « ${d.memberId} » n'existe pas dans l'entente « ${d.ententeId} » : vérifiez son identifiant.`,
    en: (d) => `member "${d.memberId}" does not exist in entente "${d.ententeId}": check its id.`,
  },
  "provisioning.source_not_of_member": {
    status: 422,
    fr: (d) =>
      `la source d'identité « ${d.sourceId} » n'est pas une source du membre « ${d.memberId} » : choisissez une source de ce membre (entente identity sources).`,
    en: (d) =>
      `identity source "${d.sourceId}" is not a source of member "${d.memberId}": choose one of that member's sources.`,
  },
  "provisioning.token_not_found": {
    status: 404,
    fr: (d) => `le membre « ${d.memberId} » n'a pas de jeton SCIM : émettez-en un.`,
    en: (d) => `member "${d.memberId}" has no SCIM token: issue one.`,
  },
  "provisioning.event_not_found": {
    status: 404,
    fr: (d) => `l'événement de provisionnement ${d.eventId} n'existe pas dans cette entente.`,
    en: (d) => `provisioning event ${d.eventId} does not exist in this entente.`,
  },
  "provisioning.connector_settings": {
    status: 422,
    fr: (d) => `réglages du connecteur incorrects : ${d.problems}. Corrigez-les et recommencez.`,
    en: (d) => `wrong connector settings: ${d.problems}. Fix them and try again.`,
  },
  "provisioning.connector_unknown": {
    status: 422,
    fr: (d) => `connecteur inconnu « ${d.kind} » : les connecteurs sont ${d.known}.`,
    en: (d) => `unknown connector "${d.kind}": the connectors are ${d.known}.`,
  },
  "provisioning.mail_not_configured": {
    status: 409,
    fr: (d) =>
      `aucun connecteur de messagerie (kind « mail ») actif ne sert le membre « ${d.member} » dans l'entente « ${d.entente} » : déclarez-en un (entente provisioning connector add --kind mail).`,
    en: (d) =>
      `no enabled mail connector (kind "mail") serves member "${d.member}" in entente "${d.entente}": declare one (entente provisioning connector add --kind mail).`,
  },
  "provisioning.retention_invalid": {
    status: 422,
    fr: (d) =>
      `durée de conservation « ${d.days} » incorrecte : un nombre entier de jours entre ${d.min} et ${d.max} est attendu.`,
    en: (d) =>
      `wrong retention period "${d.days}": a whole number of days between ${d.min} and ${d.max} is expected.`,
  },
  "provisioning.connector_members_unknown": {
    status: 422,
    fr: (d) =>
      `connecteur, champ « ${d.field} » : des membres de cette entente, ou null pour tous (inconnus : ${d.unknown}). Voyez la liste des membres de l'entente.`,
    en: (d) =>
      `connector, field "${d.field}": members of this entente, or null for all (unknown: ${d.unknown}). See the entente's members.`,
  },
  "provisioning.connector_service_unknown": {
    status: 422,
    fr: (d) =>
      `connecteur, champ « ${d.field} » : le service « ${d.clientId} » n'est pas un service de cette entente. Donnez l'identifiant client d'un de ses services, ou null.`,
    en: (d) =>
      `connector, field "${d.field}": service "${d.clientId}" is not a service of this entente. Give the client id of one of its services, or null.`,
  },
  "provisioning.connector_not_found": {
    status: 404,
    fr: (d) =>
      `le connecteur « ${d.connectorId} » n'existe pas dans cette entente : voyez la liste des connecteurs.`,
    en: (d) => `connector "${d.connectorId}" does not exist in this entente: see the list of connectors.`,
  },
  "provisioning.resync_unsupported": {
    status: 422,
    fr: (d) =>
      `les connecteurs « ${d.kind} » ne savent pas lister les comptes de leur outil : pas de resynchronisation complète ; rejouez les événements.`,
    en: (d) =>
      `"${d.kind}" connectors cannot list their tool's accounts: no full resync; replay the events instead.`,
  },
  "provisioning.resync_peer": {
    status: 422,
    fr: (d) =>
      `l'outil du connecteur « ${d.label} » n'a pas pu être listé (${d.reason}) : vérifiez qu'il répond, puis recommencez.`,
    en: (d) =>
      `the tool of connector "${d.label}" could not be listed (${d.reason}): check that it answers, then try again.`,
  },
  "provisioning.resync_open": {
    status: 409,
    fr: (d) =>
      `le connecteur « ${d.connectorId} » a déjà une resynchronisation en cours ou arrêtée : reprenez-la (entente provisioning resync --resume) ou attendez sa fin.`,
    en: (d) =>
      `connector "${d.connectorId}" already has a running or stopped resync: resume it (entente provisioning resync --resume) or wait for its end.`,
  },
  "provisioning.resync_not_found": {
    status: 404,
    fr: (d) =>
      `la resynchronisation « ${d.jobId} » n'existe pas dans cette entente : voyez la liste des resynchronisations.`,
    en: (d) => `resync "${d.jobId}" does not exist in this entente: see the list of resyncs.`,
  },
  "provisioning.resync_state": {
    status: 409,
    fr: (d) =>
      `la resynchronisation « ${d.jobId} » est « ${d.state} » : on n'arrête qu'une resynchronisation en cours et on ne reprend qu'une resynchronisation arrêtée ou en échec.`,
    en: (d) =>
      `resync "${d.jobId}" is "${d.state}": only a running resync can be stopped, and only a stopped or failed one resumed.`,
  },
});

declare module "../shared/errors.ts" {
  interface ErrorCodes extends Record<keyof typeof provisioningErrors, true> {}
}

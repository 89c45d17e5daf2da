import { SamlStatusError } from "@node-saml/node-saml";
import type { SourceRecord } from "../domain/identity-source.ts";
import { EntenteError, type Localized, localized } from "../errors.ts";

/** The message of an error, or the value as text. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * node-saml 5's messages (English, for developers: "Invalid signature", "SAML assertion expired:
 * clocks skewed too much"…) by the check that failed, as the person reads it, French first. The
 * first pattern that matches wins; the library's own text stays in the logs (the error's cause).
 */
const CHECKS: readonly (readonly [RegExp, Localized])[] = [
  [
    /signature|signed references|transforms|ref URI/i,
    localized("signature invalide ou document modifié", "invalid signature or altered document"),
  ],
  [
    /audience/i,
    localized("la réponse est destinée à un autre service", "the answer is meant for another service"),
  ],
  [/issuer/i, localized("émetteur inattendu", "unexpected issuer")],
  [
    // "No valid subject confirmation found…": its NotOnOrAfter has passed (SAML Core §2.4.1.2).
    /expired|not yet valid|too old|NotOnOrAfter|NotBefore|subject confirmation/i,
    localized(
      "réponse expirée ou pas encore valide (horloges décalées ?)",
      "answer expired or not yet valid (clocks out of step?)",
    ),
  ],
  [/NameID/i, localized("identifiant de la personne (NameID) absent", "no person identifier (NameID)")],
  [/Encrypted/i, localized("assertion chiffrée illisible", "unreadable encrypted assertion")],
  [/assertion/i, localized("aucune assertion exploitable", "no usable assertion")],
  [/XML|parsing|Unknown SAML/i, localized("document SAML illisible", "unreadable SAML document")],
];

const UNKNOWN_CHECK = localized(
  "réponse SAML refusée par une vérification",
  "SAML answer refused by a check",
);

/** SAML 2.0 Core §3.2.2.2 second-level status codes, as the person reads them. */
const STATUSES: Readonly<Record<string, Localized>> = {
  AuthnFailed: localized("authentification échouée", "authentication failed"),
  RequestDenied: localized("demande refusée par le fournisseur", "request denied by the provider"),
  NoPassive: localized("une connexion interactive est nécessaire", "an interactive sign-in is needed"),
  NoAuthnContext: localized(
    "le niveau d'authentification demandé n'est pas disponible",
    "the requested authentication level is not available",
  ),
  UnknownPrincipal: localized("personne inconnue du fournisseur", "person unknown to the provider"),
  NoAvailableIDP: localized("aucun fournisseur d'identité disponible", "no identity provider available"),
};

/** The person-facing reason of a failed check of node-saml (see `CHECKS`). */
export function samlCheckReason(message: string): Localized {
  return CHECKS.find(([pattern]) => pattern.test(message))?.[1] ?? UNKNOWN_CHECK;
}

/** The person-facing reason of a non-Success status ("SAML provider returned Responder error: AuthnFailed"). */
export function samlStatusReason(message: string): Localized {
  const code = Object.keys(STATUSES).find((name) => message.includes(name));
  if (code !== undefined) return STATUSES[code] as Localized;
  return localized(
    "le fournisseur n'a pas authentifié la personne",
    "the provider did not authenticate the person",
  );
}

/**
 * A node-saml failure as the catalog's error, its reason translated (`samlCheckReason`,
 * `samlStatusReason`; the library's text is kept as the cause, for the logs): a non-Success
 * status of the IdP → `identity.upstream_denied`; an unknown or used InResponseTo →
 * `identity.state_lost`; any other failed check → `identity.upstream_rejected`.
 */
export function mapSamlError(error: unknown, source: SourceRecord): EntenteError {
  if (error instanceof EntenteError) return error;
  const message = messageOf(error);
  if (error instanceof SamlStatusError) {
    // The IdP answered with a non-Success status (AuthnFailed, RequestDenied…): it did not authenticate.
    return new EntenteError(
      "identity.upstream_denied",
      { source: source.label, reason: samlStatusReason(message) },
      { cause: error },
    );
  }
  if (/InResponseTo/i.test(message)) return new EntenteError("identity.state_lost", {}, { cause: error });
  return new EntenteError(
    "identity.upstream_rejected",
    { source: source.label, reason: samlCheckReason(message) },
    { cause: error },
  );
}

import { SamlStatusError } from "@node-saml/node-saml";
import type { SourceRecord } from "../domain/identity-source.ts";
import { EntenteError } from "../errors.ts";

/** The message of an error, or the value as text. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A node-saml failure as the catalog's error: a non-Success status of the IdP →
 * `identity.upstream_denied`; an unknown or used InResponseTo → `identity.state_lost`; any other
 * failed check → `identity.upstream_rejected` naming it. The cause is kept.
 */
export function mapSamlError(error: unknown, source: SourceRecord): EntenteError {
  if (error instanceof EntenteError) return error;
  if (error instanceof SamlStatusError) {
    // The IdP answered with a non-Success status (AuthnFailed, RequestDenied…): it did not authenticate.
    return new EntenteError(
      "identity.upstream_denied",
      { source: source.label, reason: messageOf(error).replace(/^SAML provider returned /, "") },
      { cause: error },
    );
  }
  const message = messageOf(error);
  if (/InResponseTo/i.test(message)) return new EntenteError("identity.state_lost", {}, { cause: error });
  return new EntenteError(
    "identity.upstream_rejected",
    // node-saml's messages name the failed check ("Invalid signature", "SAML assertion expired…"), no secret.
    { source: source.label, reason: message.slice(0, 200) },
    { cause: error },
  );
}

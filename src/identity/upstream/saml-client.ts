import { type CacheProvider, SAML, ValidateInResponseTo } from "@node-saml/node-saml";
import type { SamlSourceSettings, SourceRecord } from "../domain/identity-source.ts";
import { EntenteError, localized } from "../errors.ts";
import { NAME_ID, PERSISTENT } from "./saml-identity.ts";

/** What one use of node-saml needs besides the source: where InResponseTo lives, the AuthnRequest's ID to use. */
export interface SamlUse {
  readonly requestId?: string;
  readonly cacheProvider: CacheProvider;
}

/**
 * node-saml set up for a source as our SP: the source's IdP (SSO URL, certificates, entityID),
 * our entityID as Issuer and expected Audience, our ACS; the Response AND the Assertion signed;
 * InResponseTo always checked; the source's clock skew; the AuthnRequest signed when the SP has a key; a persistent NameID asked when the
 * source identifies people by it; no RequestedAuthnContext (an IdP that cannot meet an exact
 * class refuses the sign-in).
 * @throws EntenteError `identity.upstream_rejected` when the settings are refused.
 */
export function createSamlClients(deps: {
  readonly spEntityIdFor: (source: SourceRecord) => string;
  readonly acsUrlFor: (source: SourceRecord) => string;
  readonly stateTtlSeconds: number;
  /** The SP's signing key (PEM): AuthnRequests are signed with it (RSA-SHA256) when set. */
  readonly signingKeyPem?: string | null;
}): (source: SourceRecord, settings: SamlSourceSettings, use: SamlUse) => SAML {
  return (source, settings, use) => {
    const spEntityId = deps.spEntityIdFor(source);
    try {
      return new SAML({
        entryPoint: settings.ssoUrl,
        issuer: spEntityId,
        callbackUrl: deps.acsUrlFor(source),
        idpCert: [...settings.idpCertificates],
        idpIssuer: settings.idpEntityId,
        audience: spEntityId,
        wantAssertionsSigned: true,
        wantAuthnResponseSigned: true,
        validateInResponseTo: ValidateInResponseTo.always,
        requestIdExpirationPeriodMs: deps.stateTtlSeconds * 1000,
        acceptedClockSkewMs: Math.max(0, settings.clockSkewSeconds) * 1000,
        identifierFormat: settings.idAttribute === NAME_ID ? PERSISTENT : null,
        disableRequestedAuthnContext: true,
        cacheProvider: use.cacheProvider,
        ...(deps.signingKeyPem
          ? { privateKey: deps.signingKeyPem, signatureAlgorithm: "sha256" as const }
          : {}),
        ...(use.requestId === undefined ? {} : { generateUniqueId: () => use.requestId as string }),
      });
    } catch (error) {
      throw new EntenteError(
        "identity.upstream_rejected",
        {
          source: source.label,
          reason: localized(
            "réglages SAML de la source invalides (voir le journal)",
            "invalid SAML settings of the source (see the log)",
          ),
        },
        { cause: error },
      );
    }
  };
}

// The SAML side of the identity composition (compose.ts): the connector with Single Logout, our
// SP metadata per source. Kept apart so that compose.ts stays readable.
import type { TransientStore } from "../platform/db/transient-store.ts";
import type { RedirectConnector } from "./app/ports.ts";
import { SIGN_IN_STATE_TTL_SECONDS } from "./app/sign-in-state.ts";
import { UPSTREAM_LOGOUT_TTL_SECONDS } from "./app/upstream-logout.ts";
import type { SourceRecord } from "./domain/identity-source.ts";
import { SESSION_TTL_SECONDS } from "./oidc/token-lifetimes.ts";
import { createSamlConnector } from "./upstream/saml-connector.ts";
import { createSamlLogout, type SamlSpSigning } from "./upstream/saml-logout.ts";
import { generateSamlSpMetadata } from "./upstream/saml-sp-metadata.ts";

/** Our SAML SP's URLs for a source: entityID (its metadata URL), ACS, SLO return. */
export interface SamlSpUrls {
  samlEntityIdFor(sourceId: string): string;
  acsUrlFor(sourceId: string): string;
  sloUrlFor(sourceId: string): string;
}

/** The path of our SingleLogoutService for a SAML source (HTTP-Redirect binding). */
export const samlSloPath = (sourceId: string) => `/interaction/saml/${encodeURIComponent(sourceId)}/slo`;

/**
 * The SAML connector: sign-in, and Single Logout when the SP has a signing key (`signing`); the
 * upstream session of a sign-in is kept as long as a hub session (`SESSION_TTL_SECONDS`).
 */
export function composeSamlConnector(deps: {
  readonly transient: TransientStore;
  readonly urls: SamlSpUrls;
  readonly signing: SamlSpSigning | null;
  readonly now: () => Date;
}): RedirectConnector {
  const spEntityIdFor = (source: SourceRecord) => deps.urls.samlEntityIdFor(source.id);
  return createSamlConnector({
    transient: deps.transient,
    stateTtlSeconds: SIGN_IN_STATE_TTL_SECONDS,
    spEntityIdFor,
    acsUrlFor: (source) => deps.urls.acsUrlFor(source.id),
    now: deps.now,
    logout: {
      slo: createSamlLogout({
        transient: deps.transient,
        spEntityIdFor,
        sloReturnUrlFor: (source) => deps.urls.sloUrlFor(source.id),
        signing: deps.signing,
        ttlSeconds: UPSTREAM_LOGOUT_TTL_SECONDS,
      }),
      sessionTtlSeconds: SESSION_TTL_SECONDS,
      signingKeyPem: deps.signing?.privateKeyPem ?? null,
    },
  });
}

/** Our SP metadata for a SAML source (null when it is not one), with SLO when the SP can sign. */
export function samlMetadataOf(
  source: SourceRecord | null,
  urls: SamlSpUrls,
  signing: SamlSpSigning | null,
): string | null {
  if (source === null || source.kind !== "saml") return null;
  return generateSamlSpMetadata({
    entityId: urls.samlEntityIdFor(source.id),
    acsUrl: urls.acsUrlFor(source.id),
    nameIdFormat: source.saml.idAttribute === "nameID" ? "persistent" : "unspecified",
    sloUrl: urls.sloUrlFor(source.id),
    signing,
  });
}

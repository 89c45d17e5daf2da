import { randomBytes } from "node:crypto";
import {
  type CacheProvider,
  type Profile,
  SAML,
  type SamlConfig,
  ValidateInResponseTo,
} from "@node-saml/node-saml";
import type { TransientStore } from "../../platform/db/transient-store.ts";
import type { SamlSourceSettings, SourceRecord } from "../domain/identity-source.ts";
import { EntenteError, localized } from "../errors.ts";

/** What the SP signs its SAML requests with (PEM); never logged. */
export interface SamlSpSigning {
  readonly privateKeyPem: string;
  readonly certificatePem: string;
}

/** The upstream SAML session of a sign-in, kept server-side for its Single Logout (SAML Core §3.7.1). */
export interface SamlSession {
  readonly nameID: string;
  readonly nameIDFormat: string;
  readonly nameQualifier: string | null;
  readonly spNameQualifier: string | null;
  readonly sessionIndex: string | null;
}

/** What the IdP's LogoutResponse said, once its signature, issuer and InResponseTo were checked. */
export type SamlLogoutResult = { readonly ended: true } | { readonly ended: false; readonly status: string };

const SUCCESS = "urn:oasis:names:tc:SAML:2.0:status:Success";
const sessionKey = (sourceId: string, upstreamId: string) => `saml-session:${sourceId}:${upstreamId}`;
const sloKey = (relayState: string) => `saml-slo:${relayState}`;
const nameIdKey = (sourceId: string, nameID: string) => `saml-nameid:${sourceId}:${nameID}`;

/** Keeps a sign-in's NameID, its format and SessionIndex for `ttlSeconds` (the hub session's life). */
export async function keepSamlSession(
  transient: TransientStore,
  sourceId: string,
  upstreamId: string,
  profile: Profile,
  ttlSeconds: number,
): Promise<void> {
  const session: SamlSession = {
    nameID: profile.nameID,
    nameIDFormat: profile.nameIDFormat,
    nameQualifier: profile.nameQualifier ?? null,
    spNameQualifier: profile.spNameQualifier ?? null,
    sessionIndex: profile.sessionIndex ?? null,
  };
  await transient.put(sessionKey(sourceId, upstreamId), session, ttlSeconds);
  // An IdP-initiated LogoutRequest names the NameID, which is not the upstream id for every source.
  await transient.put(nameIdKey(sourceId, profile.nameID), upstreamId, ttlSeconds);
}

function asSession(value: unknown): SamlSession | null {
  if (typeof value !== "object" || value === null) return null;
  const v = value as Partial<SamlSession>;
  return typeof v.nameID === "string" && typeof v.nameIDFormat === "string" ? (v as SamlSession) : null;
}

/**
 * node-saml 5 checks a Redirect-binding signature only when a `Signature` parameter is present
 * (an unsigned LogoutResponse passes), reads the Status before the signature (a forged failure
 * would be believed), and checks InResponseTo only when the response has one. This subclass
 * exposes its signature check so that `finishLogout` runs it first, itself.
 */
class LogoutSaml extends SAML {
  checkRedirectSignature(query: Record<string, string>, rawQuery: string) {
    return this.hasValidSignatureForRedirect(query, rawQuery);
  }
}

/**
 * SAML 2.0 Single Logout as the SP (Profiles §4.4, HTTP-Redirect binding, Bindings §3.4), with
 * node-saml 5 building and signing the LogoutRequest and checking the LogoutResponse:
 *
 * - `logoutUrl(source, {state, upstreamId})`: null when the source has no `sloUrl`, when no SP
 *   signing key is set, or when the person's upstream session is not kept (signed in before, or
 *   more than a hub session ago). Else a LogoutRequest signed by the SP key (RSA-SHA256) naming
 *   the kept NameID and SessionIndex, with `RelayState` = `state`; `{requestId, sourceId}` are
 *   kept single-use under the state for `ttlSeconds`.
 * - `finishLogout(source, query, rawQuery)`: the LogoutResponse at our SLO route. Refused
 *   (`identity.upstream_rejected`) without a Signature, with a signature not by one of the
 *   source's IdP certificates, another Issuer, no InResponseTo or one that is not the request of
 *   this RelayState; `identity.state_lost` when the RelayState is unknown, used or of another
 *   source. A valid answer whose Status is not Success → `{ended: false, status}`.
 */
export function createSamlLogout(deps: {
  readonly transient: TransientStore;
  readonly spEntityIdFor: (source: SourceRecord) => string;
  readonly sloReturnUrlFor: (source: SourceRecord) => string;
  readonly signing: SamlSpSigning | null;
  readonly ttlSeconds: number;
}) {
  const samlFor: SamlFor = (source, settings, extra) =>
    new LogoutSaml({
      entryPoint: settings.sloUrl ?? settings.ssoUrl,
      logoutUrl: settings.sloUrl ?? settings.ssoUrl,
      logoutCallbackUrl: deps.sloReturnUrlFor(source),
      issuer: deps.spEntityIdFor(source),
      callbackUrl: deps.sloReturnUrlFor(source),
      idpCert: [...settings.idpCertificates],
      idpIssuer: settings.idpEntityId,
      validateInResponseTo: ValidateInResponseTo.always,
      acceptedClockSkewMs: Math.max(0, settings.clockSkewSeconds) * 1000,
      ...extra,
    });

  return {
    async logoutUrl(
      source: SourceRecord,
      request: { readonly state: string; readonly upstreamId: string },
    ): Promise<string | null> {
      if (source.kind !== "saml" || source.saml.sloUrl === undefined || deps.signing === null) return null;
      const session = asSession(await deps.transient.take(sessionKey(source.id, request.upstreamId)));
      if (session === null) return null;
      // An xsd:ID must not start with a digit (SAML Core §1.3.4).
      const requestId = `_${randomBytes(20).toString("hex")}`;
      const saml = samlFor(source, source.saml, {
        privateKey: deps.signing.privateKeyPem,
        signatureAlgorithm: "sha256",
        generateUniqueId: () => requestId,
        cacheProvider: noCache,
      });
      const profile: Profile = { issuer: source.saml.idpEntityId, ...withoutNulls(session) };
      const url = await saml.getLogoutUrlAsync(profile, request.state, {});
      await deps.transient.put(sloKey(request.state), { requestId, sourceId: source.id }, deps.ttlSeconds);
      return url;
    },

    acceptLogoutRequest: (source: SourceRecord, query: Readonly<Record<string, string>>, rawQuery: string) =>
      acceptLogoutRequest(deps, samlFor, source, query, rawQuery),
    finishLogout: (source: SourceRecord, query: Readonly<Record<string, string>>, rawQuery: string) =>
      finishLogout(deps.transient, samlFor, source, query, rawQuery),
  };
}

export type SamlLogout = ReturnType<typeof createSamlLogout>;

type SamlFor = (source: SourceRecord, settings: SamlSourceSettings, extra: Partial<SamlConfig>) => LogoutSaml;

/** `SamlLogout.finishLogout` (see `createSamlLogout`): signature first, then node-saml's checks, then ours. */
async function finishLogout(
  transient: TransientStore,
  samlFor: SamlFor,
  source: SourceRecord,
  query: Readonly<Record<string, string>>,
  rawQuery: string,
): Promise<{ readonly state: string; readonly result: SamlLogoutResult }> {
  const state = query.RelayState ?? "";
  const kept = state === "" ? null : await transient.take(sloKey(state));
  const expected = kept as { requestId?: unknown; sourceId?: unknown } | null;
  if (source.kind !== "saml" || expected === null || expected.sourceId !== source.id) {
    throw new EntenteError("identity.state_lost");
  }
  const refused = (fr: string, en: string, cause?: unknown) =>
    new EntenteError(
      "identity.upstream_rejected",
      { source: source.label, reason: localized(fr, en) },
      cause === undefined ? undefined : { cause },
    );
  if (!query.SAMLResponse || !query.Signature || !query.SigAlg) {
    throw refused("réponse de déconnexion non signée", "unsigned logout answer");
  }
  let askedFor: string | null = null;
  const saml = samlFor(source, source.saml, {
    cacheProvider: {
      ...noCache,
      async getAsync(id) {
        askedFor = id;
        return id === expected.requestId ? "kept" : null;
      },
    },
  });
  try {
    await saml.checkRedirectSignature({ ...query }, rawQuery);
  } catch (error) {
    throw refused(
      "signature invalide de la réponse de déconnexion",
      "invalid logout answer signature",
      error,
    );
  }
  try {
    await saml.validateRedirectAsync({ ...query }, rawQuery);
  } catch (error) {
    const status = /^Bad status code: (.+)$/.exec(error instanceof Error ? error.message : "")?.[1];
    if (status !== undefined && status !== SUCCESS) return { state, result: { ended: false, status } };
    throw refused("réponse de déconnexion refusée", "logout answer refused", error);
  }
  if (askedFor !== expected.requestId) {
    throw refused("réponse de déconnexion sans InResponseTo", "logout answer without InResponseTo");
  }
  return { state, result: { ended: true } };
}

/** The request IDs live in the TransientStore under the RelayState, not in node-saml's cache. */
const noCache: CacheProvider = {
  saveAsync: async (_key, value) => ({ value, createdAt: Date.now() }),
  getAsync: async () => null,
  removeAsync: async () => null,
};

function withoutNulls(session: SamlSession) {
  return {
    nameID: session.nameID,
    nameIDFormat: session.nameIDFormat,
    ...(session.nameQualifier === null ? {} : { nameQualifier: session.nameQualifier }),
    ...(session.spNameQualifier === null ? {} : { spNameQualifier: session.spNameQualifier }),
    ...(session.sessionIndex === null ? {} : { sessionIndex: session.sessionIndex }),
  };
}

/** What an IdP-initiated LogoutRequest asks, once checked, and how to answer it. */
export interface AcceptedLogoutRequest {
  /** The person's id at the source, from the kept session of the NameID; null: not signed in here (any more). */
  readonly upstreamId: string | null;
  /** The signed LogoutResponse (Redirect binding) to the IdP's `sloUrl`: Success when `ended`. */
  respond(ended: boolean): Promise<string>;
}

/**
 * An IdP-initiated LogoutRequest at our SLO route (SAML Profiles §4.4.3.3): Signature and SigAlg
 * required and checked first by one of the source's certificates (node-saml would accept an
 * unsigned one), then node-saml's checks (Issuer = the source's IdP, NotOnOrAfter, ID, NameID).
 * The answer is signed by our SP key and carries InResponseTo = the request's ID and its RelayState.
 * @throws EntenteError `identity.upstream_rejected` (unsigned, forged, not from the IdP, no SP key or sloUrl).
 */
async function acceptLogoutRequest(
  deps: { readonly transient: TransientStore; readonly signing: SamlSpSigning | null },
  samlFor: SamlFor,
  source: SourceRecord,
  query: Readonly<Record<string, string>>,
  rawQuery: string,
): Promise<AcceptedLogoutRequest> {
  const refused = (fr: string, en: string, cause?: unknown) =>
    new EntenteError(
      "identity.upstream_rejected",
      { source: source.label, reason: localized(fr, en) },
      cause === undefined ? undefined : { cause },
    );
  if (source.kind !== "saml" || source.saml.sloUrl === undefined || deps.signing === null) {
    throw refused("déconnexion unique non configurée", "single logout not configured");
  }
  if (!query.SAMLRequest || !query.Signature || !query.SigAlg) {
    throw refused("demande de déconnexion non signée", "unsigned logout request");
  }
  const signing = deps.signing;
  const saml = samlFor(source, source.saml, {
    privateKey: signing.privateKeyPem,
    signatureAlgorithm: "sha256",
    cacheProvider: noCache,
  });
  let profile: Profile | null;
  try {
    await saml.checkRedirectSignature({ ...query }, rawQuery);
    ({ profile } = await saml.validateRedirectAsync({ ...query }, rawQuery));
  } catch (error) {
    throw refused("demande de déconnexion refusée", "logout request refused", error);
  }
  if (profile === null || typeof profile.ID !== "string") {
    throw refused("demande de déconnexion sans identifiant", "logout request without an ID");
  }
  const request = profile;
  const kept = await deps.transient.take(nameIdKey(source.id, request.nameID));
  return {
    upstreamId: typeof kept === "string" ? kept : null,
    respond: (ended) => saml.getLogoutResponseUrlAsync(request, query.RelayState ?? "", {}, ended),
  };
}

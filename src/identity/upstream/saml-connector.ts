import { randomBytes } from "node:crypto";
import type { Profile, SAML } from "@node-saml/node-saml";
import type { TransientStore } from "../../platform/db/transient-store.ts";
import type { RedirectConnector } from "../app/ports.ts";
import type { SamlSourceSettings, SourceRecord } from "../domain/identity-source.ts";
import { EntenteError, localized } from "../errors.ts";
import { createSamlClients } from "./saml-client.ts";
import { mapSamlError } from "./saml-errors.ts";
import { samlIdentityOf } from "./saml-identity.ts";
import { keepSamlSession, type SamlLogout } from "./saml-logout.ts";
import { asRelayRecord, type RelayRecord, relayKeyOf } from "./saml-relay-state.ts";
import { singleUseCacheProvider, transientCacheProvider } from "./saml-request-cache.ts";

/**
 * SAML 2.0 identity sources as a `RedirectConnector` (@node-saml/node-saml 5): the AuthnRequest
 * goes out with the HTTP-Redirect binding, the Response comes back with HTTP-POST to our ACS.
 *
 * The ACS receives a **cross-site POST** (from the IdP's origin): browsers do not send
 * SameSite=Lax/Strict cookies with it, so nothing here needs a cookie. The state travels in
 * - `RelayState`: a random single-use key of the TransientStore → {interactionId, requestId, sourceId};
 * - `InResponseTo`: the AuthnRequest's ID, kept by node-saml's `cacheProvider`, backed here by
 *   the TransientStore so that any node can finish a sign-in another node began. A response
 *   whose RelayState or InResponseTo is unknown, used or expired (IdP-initiated, replayed, state
 *   lost) is `identity.state_lost`; the RelayState's request must be the one the response answers.
 *
 * Checks (node-saml unless said): the Response AND the Assertion signed by one of the source's
 * certificates (several during a rotation), one assertion only (signature wrapping), audience =
 * our SP entityID, NotBefore/NotOnOrAfter with `clockSkewSeconds`, InResponseTo single use; the
 * signed Assertion's Issuer = the source's `idpEntityId` (here: node-saml checks `idpIssuer`
 * for logout messages only).
 *
 * `upstreamId`: the persistent NameID when `idAttribute` is `nameID` (a transient or email
 * NameID is refused: it is not stable), else the single value of that attribute. Attributes keep
 * every value (lists). amr from AuthnContextClassRef (see `amrOfAuthnContext`), acr = that class.
 */
export function createSamlConnector(deps: {
  readonly transient: TransientStore;
  /** Our SP entityID for this source (the AuthnRequest's Issuer, the expected Audience). */
  readonly spEntityIdFor: (source: SourceRecord) => string;
  /** Our ACS URL for this source (HTTP-POST binding), as registered at the IdP. */
  readonly acsUrlFor: (source: SourceRecord) => string;
  readonly now: () => Date;
  /** How long a sign-in may stay at the IdP, in seconds (default 600; composeIdentity: the sign-in state's 30 min). */
  readonly stateTtlSeconds?: number;
  /**
   * Single Logout (`createSamlLogout`) and how long a sign-in's upstream session (NameID, its
   * format, SessionIndex) is kept for it, in seconds (the hub session's life); absent: none kept.
   */
  readonly logout?: {
    readonly slo: SamlLogout;
    readonly sessionTtlSeconds: number;
    /** The SP's signing key (PEM), also for AuthnRequests (the metadata says AuthnRequestsSigned). */
    readonly signingKeyPem: string | null;
  };
}): RedirectConnector {
  const ttl = deps.stateTtlSeconds ?? 600;
  const samlFor = createSamlClients({
    ...deps,
    stateTtlSeconds: ttl,
    signingKeyPem: deps.logout?.signingKeyPem ?? null,
  });
  return {
    async begin(source, request) {
      const settings = samlSettings(source);
      const relayKey = randomBytes(32).toString("base64url");
      // An xsd:ID must not start with a digit (SAML Core §1.3.4).
      const requestId = `_${randomBytes(20).toString("hex")}`;
      const cacheProvider = transientCacheProvider(deps.transient, ttl);
      const redirectUrl = await samlFor(source, settings, { requestId, cacheProvider }).getAuthorizeUrlAsync(
        relayKey,
        undefined,
        {},
      );
      const state: RelayRecord = { interactionId: request.interactionId, requestId, sourceId: source.id };
      await deps.transient.put(relayKeyOf(relayKey), state, ttl);
      return { redirectUrl };
    },

    async finish(source, answer) {
      const settings = samlSettings(source);
      const { samlResponse, relayState } = postedAnswer(source, answer);
      const state = asRelayRecord(await deps.transient.take(relayKeyOf(relayState)));
      if (state === null || state.sourceId !== source.id) throw new EntenteError("identity.state_lost");
      const saml = samlFor(source, settings, { cacheProvider: singleUseCacheProvider(deps.transient, ttl) });
      const profile = await validateResponse(saml, source, {
        SAMLResponse: samlResponse,
        RelayState: relayState,
      });
      // RelayState and response must belong to the same sign-in (no swapping of two users' answers).
      if (profile.inResponseTo !== state.requestId) throw new EntenteError("identity.state_lost");
      if (profile.issuer !== settings.idpEntityId) {
        throw new EntenteError("identity.upstream_rejected", {
          source: source.label,
          reason: localized(
            `émetteur inattendu ${String(profile.issuer ?? "(aucun)")}`,
            `unexpected issuer ${String(profile.issuer ?? "(none)")}`,
          ),
        });
      }
      const identity = samlIdentityOf(source, settings, profile);
      if (deps.logout !== undefined && profile.nameID) {
        await keepSamlSession(
          deps.transient,
          source.id,
          identity.upstreamId,
          profile,
          deps.logout.sessionTtlSeconds,
        );
      }
      return { interactionId: state.interactionId, identity };
    },

    ...logoutMethods(deps.logout?.slo),
  };
}

/** Single Logout through `slo` (none without it: no URL, every answer `identity.state_lost`). */
function logoutMethods(
  slo: SamlLogout | undefined,
): Pick<RedirectConnector, "logoutUrl" | "finishLogout" | "acceptLogoutRequest"> {
  return {
    async logoutUrl(source, request) {
      return (await slo?.logoutUrl(source, request)) ?? null;
    },
    async finishLogout(source, answer) {
      if (slo === undefined) throw new EntenteError("identity.state_lost");
      const { state, result } = await slo.finishLogout(source, answer.query, answer.rawQuery);
      return { state, ended: result.ended, status: result.ended ? null : result.status };
    },
    async acceptLogoutRequest(source, request) {
      if (slo === undefined) {
        throw new EntenteError("identity.upstream_rejected", {
          source: source.label,
          reason: localized("déconnexion unique non configurée", "single logout not configured"),
        });
      }
      return slo.acceptLogoutRequest(source, request.query, request.rawQuery);
    },
  };
}

/** The POSTed SAMLResponse and its RelayState. @throws `identity.upstream_rejected` (no response), `identity.state_lost` (no RelayState). */
function postedAnswer(
  source: SourceRecord,
  answer: {
    readonly query: Readonly<Record<string, string>>;
    readonly body: Readonly<Record<string, string>>;
  },
): { readonly samlResponse: string; readonly relayState: string } {
  const samlResponse = answer.body.SAMLResponse;
  const relayState = answer.body.RelayState ?? answer.query.RelayState;
  if (samlResponse === undefined || samlResponse === "") {
    throw new EntenteError("identity.upstream_rejected", {
      source: source.label,
      reason: localized("aucune réponse SAML (SAMLResponse) reçue", "no SAML answer (SAMLResponse) received"),
    });
  }
  if (relayState === undefined || relayState === "") throw new EntenteError("identity.state_lost");
  return { samlResponse, relayState };
}

/** node-saml's checks of the POSTed Response (see `createSamlConnector`). @throws those of `mapSamlError`, and `identity.upstream_rejected` without an assertion. */
async function validateResponse(
  saml: SAML,
  source: SourceRecord,
  posted: { readonly SAMLResponse: string; readonly RelayState: string },
): Promise<Profile> {
  let profile: Profile | null;
  try {
    ({ profile } = await saml.validatePostResponseAsync({ ...posted }));
  } catch (error) {
    throw mapSamlError(error, source);
  }
  if (profile === null) {
    throw new EntenteError("identity.upstream_rejected", {
      source: source.label,
      reason: localized("aucune assertion exploitable", "no usable assertion"),
    });
  }
  return profile;
}

function samlSettings(source: SourceRecord): SamlSourceSettings {
  if (source.kind !== "saml") {
    throw new EntenteError("identity.upstream_rejected", {
      source: source.label,
      reason: localized("ce n'est pas une source SAML", "not a SAML source"),
    });
  }
  return source.saml;
}

import { randomBytes } from "node:crypto";
import {
  type CacheProvider,
  type Profile,
  SAML,
  SamlStatusError,
  ValidateInResponseTo,
} from "@node-saml/node-saml";
import type { TransientStore } from "../../platform/db/transient-store.ts";
import type { RedirectConnector } from "../app/ports.ts";
import type { SamlSourceSettings, SourceRecord } from "../domain/identity-source.ts";
import type { UpstreamIdentity } from "../domain/upstream-identity.ts";
import { EntenteError } from "../errors.ts";

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
  /** How long a sign-in may stay at the IdP, in seconds (default 600). */
  readonly stateTtlSeconds?: number;
}): RedirectConnector {
  const ttl = deps.stateTtlSeconds ?? 600;

  const samlFor = (source: SourceRecord, settings: SamlSourceSettings, extra: SamlExtra) => {
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
        requestIdExpirationPeriodMs: ttl * 1000,
        acceptedClockSkewMs: Math.max(0, settings.clockSkewSeconds) * 1000,
        identifierFormat: settings.idAttribute === NAME_ID ? PERSISTENT : null,
        // No RequestedAuthnContext: an IdP that cannot meet an exact class refuses the sign-in.
        disableRequestedAuthnContext: true,
        cacheProvider: extra.cacheProvider,
        ...(extra.requestId === undefined ? {} : { generateUniqueId: () => extra.requestId as string }),
      });
    } catch (error) {
      throw new EntenteError(
        "identity.upstream_rejected",
        { source: source.label, reason: `SAML settings: ${messageOf(error)}` },
        { cause: error },
      );
    }
  };

  return {
    async begin(source, request) {
      const settings = samlSettings(source);
      const relayKey = randomBytes(32).toString("base64url");
      // An xsd:ID must not start with a digit (SAML Core §1.3.4).
      const requestId = `_${randomBytes(20).toString("hex")}`;
      const saml = samlFor(source, settings, {
        requestId,
        cacheProvider: transientCacheProvider(deps.transient, ttl),
      });
      const redirectUrl = await saml.getAuthorizeUrlAsync(relayKey, undefined, {});
      const state: RelayRecord = { interactionId: request.interactionId, requestId, sourceId: source.id };
      await deps.transient.put(relayKeyOf(relayKey), state, ttl);
      return { redirectUrl };
    },

    async finish(source, answer) {
      const settings = samlSettings(source);
      const samlResponse = answer.body.SAMLResponse;
      const relayState = answer.body.RelayState ?? answer.query.RelayState;
      if (samlResponse === undefined || samlResponse === "") {
        throw new EntenteError("identity.upstream_rejected", {
          source: source.label,
          reason: "no SAMLResponse",
        });
      }
      if (relayState === undefined || relayState === "") throw new EntenteError("identity.state_lost");
      const state = asRelayRecord(await deps.transient.take(relayKeyOf(relayState)));
      if (state === null || state.sourceId !== source.id) throw new EntenteError("identity.state_lost");

      const saml = samlFor(source, settings, { cacheProvider: singleUseCacheProvider(deps.transient, ttl) });
      let profile: Profile | null;
      try {
        ({ profile } = await saml.validatePostResponseAsync({
          SAMLResponse: samlResponse,
          RelayState: relayState,
        }));
      } catch (error) {
        throw mapSamlError(error, source);
      }
      if (profile === null) {
        throw new EntenteError("identity.upstream_rejected", {
          source: source.label,
          reason: "no assertion",
        });
      }
      // RelayState and response must belong to the same sign-in (no swapping of two users' answers).
      if (profile.inResponseTo !== state.requestId) throw new EntenteError("identity.state_lost");
      if (profile.issuer !== settings.idpEntityId) {
        throw new EntenteError("identity.upstream_rejected", {
          source: source.label,
          reason: `unexpected issuer ${String(profile.issuer ?? "(none)")}`,
        });
      }
      return { interactionId: state.interactionId, identity: toIdentity(source, settings, profile) };
    },
  };
}

const NAME_ID = "nameID";
const PERSISTENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent";

interface SamlExtra {
  readonly requestId?: string;
  readonly cacheProvider: CacheProvider;
}

interface RelayRecord {
  readonly interactionId: string;
  readonly requestId: string;
  readonly sourceId: string;
}

const relayKeyOf = (relayState: string) => `saml-relay:${relayState}`;
const requestKeyOf = (requestId: string) => `saml-request:${requestId}`;

function asRelayRecord(value: unknown): RelayRecord | null {
  if (typeof value !== "object" || value === null) return null;
  const v = value as Record<string, unknown>;
  return typeof v.interactionId === "string" &&
    typeof v.requestId === "string" &&
    typeof v.sourceId === "string"
    ? { interactionId: v.interactionId, requestId: v.requestId, sourceId: v.sourceId }
    : null;
}

function samlSettings(source: SourceRecord): SamlSourceSettings {
  if (source.kind !== "saml") {
    throw new EntenteError("identity.upstream_rejected", {
      source: source.label,
      reason: "not a SAML source",
    });
  }
  return source.saml;
}

/** Where node-saml saves the AuthnRequest IDs at `begin` (the TransientStore, shared by every node). */
function transientCacheProvider(transient: TransientStore, ttlSeconds: number): CacheProvider {
  return {
    async saveAsync(key, value) {
      await transient.put(requestKeyOf(key), value, ttlSeconds);
      return { value, createdAt: Date.now() };
    },
    getAsync: async () => null,
    removeAsync: async () => null,
  };
}

/**
 * node-saml at `finish`: it reads an InResponseTo up to twice during one validation (Response,
 * then SubjectConfirmationData), then removes it. The first read *takes* the ID from the store
 * (atomic, so two nodes given the same response cannot both accept it); later reads of this
 * validation see the taken value.
 */
function singleUseCacheProvider(transient: TransientStore, ttlSeconds: number): CacheProvider {
  const taken = new Map<string, string | null>();
  return {
    async saveAsync(key, value) {
      await transient.put(requestKeyOf(key), value, ttlSeconds);
      return { value, createdAt: Date.now() };
    },
    async getAsync(key) {
      if (!taken.has(key)) {
        const value = await transient.take(requestKeyOf(key));
        taken.set(key, typeof value === "string" ? value : null);
      }
      return taken.get(key) ?? null;
    },
    async removeAsync(key) {
      if (key === null) return null;
      taken.set(key, null);
      return key;
    },
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function mapSamlError(error: unknown, source: SourceRecord): EntenteError {
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

function attributeValues(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.flatMap((v): string[] => {
    if (typeof v === "string") return [v];
    if (typeof v === "number" || typeof v === "boolean") return [String(v)];
    if (typeof v === "object" && v !== null && typeof (v as { _?: unknown })._ === "string") {
      return [(v as { _: string })._];
    }
    return []; // empty or structured values (e.g. an XML NameID inside an attribute) are left out
  });
}

function authnContextClassOf(profile: Profile): string | null {
  const assertion = profile.getAssertion?.() as
    | {
        Assertion?: {
          AuthnStatement?: Array<{ AuthnContext?: Array<{ AuthnContextClassRef?: Array<{ _?: string }> }> }>;
        };
      }
    | undefined;
  const ref = assertion?.Assertion?.AuthnStatement?.[0]?.AuthnContext?.[0]?.AuthnContextClassRef?.[0]?._;
  return typeof ref === "string" && ref.trim() !== "" ? ref.trim() : null;
}

/**
 * RFC 8176 amr values for a SAML AuthnContextClassRef (SAML Authn Context §3.4): password classes
 * → `pwd`; TimeSyncToken → `otp`; Smartcard, SmartcardPKI → `sc`; MobileTwoFactor* → `mfa`;
 * any other class → none (the class itself is still given as acr).
 */
export function amrOfAuthnContext(classRef: string | null): string[] {
  if (classRef === null) return [];
  const name = classRef.slice(classRef.lastIndexOf(":") + 1);
  if (name === "Password" || name === "PasswordProtectedTransport") return ["pwd"];
  if (name === "TimeSyncToken") return ["otp"];
  if (name === "Smartcard" || name === "SmartcardPKI") return ["sc"];
  if (name.startsWith("MobileTwoFactor")) return ["mfa"];
  return [];
}

function toIdentity(source: SourceRecord, settings: SamlSourceSettings, profile: Profile): UpstreamIdentity {
  const attributes: Record<string, readonly string[]> = {};
  const released = (profile.attributes ?? {}) as Record<string, unknown>;
  for (const [name, value] of Object.entries(released)) attributes[name] = attributeValues(value);

  let upstreamId: string;
  if (settings.idAttribute === NAME_ID) {
    if (profile.nameIDFormat !== PERSISTENT || !profile.nameID) {
      throw new EntenteError("identity.upstream_rejected", {
        source: source.label,
        reason: `a persistent NameID was expected, not ${String(profile.nameIDFormat ?? "none")}`,
      });
    }
    upstreamId = profile.nameID;
  } else {
    const key = Object.keys(attributes).find((k) => k.toLowerCase() === settings.idAttribute.toLowerCase());
    const values = key === undefined ? [] : (attributes[key] ?? []);
    if (values.length !== 1 || (values[0] ?? "").trim() === "") {
      throw new EntenteError("identity.upstream_rejected", {
        source: source.label,
        reason: `${values.length} values for the identifier ${settings.idAttribute}`,
      });
    }
    upstreamId = (values[0] as string).trim();
  }
  const acr = authnContextClassOf(profile);
  return {
    sourceId: source.id,
    upstreamId,
    attributes: Object.freeze(attributes),
    amr: amrOfAuthnContext(acr),
    acr,
  };
}

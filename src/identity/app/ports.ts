/**
 * Ports of the identity federation (issue 4, DESIGN.md pillar 2): what the sign-in use cases
 * need from the OpenID Provider (src/identity/oidc), the upstream connectors
 * (src/identity/upstream), the stores (src/db) and the clock. Plain TypeScript: the zod shapes
 * of the API live in src/contracts/identity-api.ts and are mapped in src/http.
 *
 * Vocabulary: OpenID Connect Core 1.0 (claims, acr, amr), RFC 8176 (amr values), SAML 2.0 Core
 * (NameID, attributes), RFC 4511/4515 (LDAP bind, search filters). French terms of the UI:
 * "source d'identité" (identity source), "identité pivot" (pivot identity), "service" (relying party).
 */

/** Role of a person in their organisation: an agent (employee) or an élu (elected official). */
export type PersonRole = "agent" | "elu";

/** Kinds of identity sources a member may connect. `local`: the entente's own accounts. */
export type SourceKind = "ldap" | "oidc" | "saml" | "local";

/**
 * Attributes as a source released them: names as the source spells them (case kept), every value
 * a list — LDAP, SAML and OIDC attributes may all be multi-valued. Binary LDAP values arrive
 * already encoded by the connector (see `LdapSettings.idEncoding`).
 */
export type UpstreamAttributes = Readonly<Record<string, readonly string[]>>;

/** What an upstream source vouches for after a successful authentication. */
export interface UpstreamIdentity {
  readonly sourceId: string;
  /**
   * Stable identifier of the person at the source, never the email nor a display name:
   * LDAP `entryUUID` or AD `objectGUID` (as canonical lowercase UUID text), OIDC `sub` (the
   * issuer is implied by the source), SAML persistent NameID or the configured attribute.
   */
  readonly upstreamId: string;
  readonly attributes: UpstreamAttributes;
  /** Authentication methods (RFC 8176): `["pwd"]`, `["pwd", "otp"]`, `["hwk"]`, … */
  readonly amr: readonly string[];
  /** The `acr` (OIDC) or AuthnContextClassRef (SAML) the source asserted, if any. */
  readonly acr: string | null;
}

/**
 * Which source attribute feeds each pivot claim. Names are the source's (case-insensitive
 * lookup). Rule for multi-valued attributes (documented in docs/identity.md): a single-valued
 * claim takes the first non-empty value; `groups` takes them all.
 */
export interface AttributeMapping {
  readonly givenName: string;
  readonly familyName: string;
  /** Nom d'usage; null: same as the family name. */
  readonly usualName: string | null;
  readonly email: string;
  readonly uid: string;
  /** null: no groups from this source. */
  readonly groups: string | null;
  /** How the role is decided: fixed for the whole source, or from an attribute's values. */
  readonly role:
    | { readonly fixed: PersonRole }
    | { readonly attribute: string; readonly eluValues: readonly string[] };
}

export interface LdapSettings {
  /** `ldap://host:389` or `ldaps://host:636`. */
  readonly url: string;
  /** Upgrade an `ldap://` connection with StartTLS (RFC 4513 §3) before binding. */
  readonly startTls: boolean;
  /** PEM of the CA that signed the directory's certificate; null: the system's CAs. */
  readonly tlsCaPem: string | null;
  /** DN of the service account that searches the person; null: anonymous search. Its password is the source's secret. */
  readonly bindDn: string | null;
  readonly searchBase: string;
  /** RFC 4515 filter with `{login}` where the typed login goes (escaped), e.g. `(&(objectClass=person)(|(uid={login})(mail={login})))`. */
  readonly searchFilter: string;
  /** Attribute that identifies the person for good: `entryUUID` (OpenLDAP), `objectGUID` (AD). */
  readonly idAttribute: string;
  /** How `idAttribute` is encoded: text as is, or a 16-byte GUID (AD's mixed-endian layout) turned into UUID text. */
  readonly idEncoding: "text" | "guid";
  /** Operation timeout in seconds (connect, bind, search). */
  readonly timeoutSeconds: number;
}

export interface OidcSourceSettings {
  /** Issuer URL; discovery at `<issuer>/.well-known/openid-configuration`. */
  readonly issuer: string;
  readonly clientId: string;
  /** Scopes asked for; `openid` is always included. */
  readonly scopes: readonly string[];
}

export interface SamlSourceSettings {
  /** The IdP's entityID (checked against the Issuer of the Response and the Assertion). */
  readonly idpEntityId: string;
  /** The IdP's SingleSignOnService URL (HTTP-Redirect binding). */
  readonly ssoUrl: string;
  /** PEM certificates the IdP signs with; several during a rotation. */
  readonly idpCertificates: readonly string[];
  /** Clock skew tolerated on NotBefore/NotOnOrAfter, in seconds. */
  readonly clockSkewSeconds: number;
  /** `nameID` (a persistent NameID) or the name of the attribute that identifies the person. */
  readonly idAttribute: string;
}

/** An identity source as stored; the secret (bind password, client secret) is never sent back by the API. */
export type SourceSettings =
  | { readonly kind: "ldap"; readonly ldap: LdapSettings }
  | { readonly kind: "oidc"; readonly oidc: OidcSourceSettings }
  | { readonly kind: "saml"; readonly saml: SamlSourceSettings }
  | { readonly kind: "local" };

export type SourceRecord = SourceSettings & {
  readonly id: string;
  readonly ententeId: string;
  readonly memberId: string;
  readonly label: string;
  readonly enabled: boolean;
  readonly mapping: AttributeMapping;
  /** LDAP bind password or OIDC client secret; null when none. Never logged, never returned by the API. */
  readonly secret: string | null;
  readonly rowVersion: number;
};

/** An organisation a person acts for, with what its source said about them. */
export interface Affiliation {
  readonly ententeId: string;
  readonly memberId: string;
  readonly memberName: string;
  readonly siren: string | null;
  readonly siret: string | null;
  readonly role: PersonRole;
  readonly email: string;
  readonly uid: string;
  readonly groups: readonly string[];
}

/** A person of the pivot directory. `sub` never changes once given. */
export interface PersonRecord {
  readonly sub: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly usualName: string;
  readonly affiliations: readonly Affiliation[];
}

/**
 * Claims Entente releases to a service about one person acting for one member (OIDC Core §5.1
 * standard names, plus the pivot's own): `sub`, `given_name`, `family_name`, `usual_name`,
 * `email`, `email_verified`, `uid`, `organization_id` (member id), `organization_name`,
 * `siren`, `siret`, `entente_id`, `role`, `groups`.
 */
export type PivotClaims = Readonly<Record<string, string | boolean | readonly string[] | null>>;

/** Access policy of a service: null in a field means "no restriction on this". */
export interface ServicePolicy {
  readonly memberIds: readonly string[] | null;
  readonly roles: readonly PersonRole[] | null;
  /** The person must be in at least one of these groups (compared case-insensitively). */
  readonly groups: readonly string[] | null;
}

/** A service (OIDC relying party) of the entente. */
export interface ServiceClientRecord {
  readonly clientId: string;
  readonly ententeId: string;
  readonly name: string;
  /** Exact redirect URIs (OIDC Core §3.1.2.1: compared as strings). */
  readonly redirectUris: readonly string[];
  readonly postLogoutRedirectUris: readonly string[];
  /** OIDC Back-Channel Logout 1.0 endpoint; null: none. */
  readonly backchannelLogoutUri: string | null;
  readonly grantTypes: readonly ("authorization_code" | "refresh_token" | "client_credentials")[];
  /** `client_secret_basic`, `client_secret_post`, `private_key_jwt` or `none` (public client, PKCE only). */
  readonly tokenEndpointAuthMethod: "client_secret_basic" | "client_secret_post" | "none";
  /** Scopes the service may ask for (`openid`, `profile`, `email`, `organization`, `groups`, `offline_access`). */
  readonly scopes: readonly string[];
  readonly policy: ServicePolicy;
  /** acr the service requires whatever it asks for; null: the one it asks for (`acr_values`), default one factor. */
  readonly requiredAcr: string | null;
  readonly enabled: boolean;
  readonly rowVersion: number;
}

/** Authentication context classes of Entente (the `acr` claim). */
export const ACR_ONE_FACTOR = "urn:entente:acr:1fa";
export const ACR_TWO_FACTORS = "urn:entente:acr:2fa";

// ---- ports -------------------------------------------------------------------------------

/** A directory checked with a login and a password (LDAP/AD bind, the entente's local accounts). */
export interface PasswordConnector {
  /**
   * @throws EntenteError `identity.invalid_credentials` (wrong login or password, unknown login),
   *   `identity.source_unreachable` (timeout, refused connection, TLS failure),
   *   `identity.upstream_rejected` (an answer that cannot be trusted: several entries, no id).
   */
  authenticate(source: SourceRecord, login: string, password: string): Promise<UpstreamIdentity>;
}

/** An IdP the browser is sent to (OIDC authorization code + PKCE, SAML HTTP-Redirect → HTTP-POST). */
export interface RedirectConnector {
  /**
   * Starts a sign-in at the source for the interaction `interactionId`; keeps its state (state,
   * nonce, PKCE verifier, SAML request id) in the TransientStore under a random single-use key.
   * @returns the URL to send the browser to.
   * @throws EntenteError `identity.source_unreachable` (discovery or metadata failed).
   */
  begin(
    source: SourceRecord,
    request: {
      readonly interactionId: string;
      readonly callbackUrl: string;
      readonly loginHint: string | null;
    },
  ): Promise<{ readonly redirectUrl: string }>;
  /**
   * Checks the answer (OIDC: the callback's query; SAML: the POSTed `SAMLResponse`/`RelayState`)
   * and consumes its state: a second call with the same answer fails.
   * @throws EntenteError `identity.state_lost`, `identity.upstream_rejected`,
   *   `identity.upstream_denied`, `identity.source_unreachable`.
   */
  finish(
    source: SourceRecord,
    answer: {
      readonly callbackUrl: string;
      readonly query: Readonly<Record<string, string>>;
      readonly body: Readonly<Record<string, string>>;
    },
  ): Promise<{ readonly interactionId: string; readonly identity: UpstreamIdentity }>;
}

/** The pivot directory: persons, their links to sources, their organisations. */
export interface PersonDirectory {
  /**
   * Finds the person linked to (`source`, `identity.upstreamId`) or creates one with a new
   * random `sub`; refreshes the names, email, uid and groups seen for this source; one transaction.
   */
  resolvePerson(
    source: SourceRecord,
    identity: UpstreamIdentity,
    normalized: {
      readonly givenName: string;
      readonly familyName: string;
      readonly usualName: string;
      readonly email: string;
      readonly uid: string;
      readonly groups: readonly string[];
      readonly role: PersonRole;
    },
  ): Promise<PersonRecord>;
  findPerson(sub: string): Promise<PersonRecord | null>;
  /** Records which member a person acts for in a grant (one sign-in to one service). */
  recordGrantAffiliation(grantId: string, sub: string, memberId: string): Promise<void>;
  /** The member recorded for a grant, or null. */
  grantAffiliation(grantId: string): Promise<string | null>;
}

/** Services (relying parties): read by the OpenID Provider, written by the API and the CLI. */
export interface ServiceClientRegistry {
  findClient(clientId: string): Promise<ServiceClientRecord | null>;
  /** The client secret (hash or clear, as the adapter stores it) is not part of the record. */
  clientSecret(clientId: string): Promise<string | null>;
  listClients(ententeId: string): Promise<ServiceClientRecord[]>;
}

/** What an interaction page needs from the OpenID Provider (oidc-provider's interaction API). */
export interface InteractionDetails {
  readonly uid: string;
  readonly clientId: string;
  /** acr the service asked for (`acr_values`, or its registered `requiredAcr`). */
  readonly requestedAcr: string;
  readonly loginHint: string | null;
  /** The person already signed in at the provider (single sign-on), if any. */
  readonly sessionSub: string | null;
  readonly sessionAmr: readonly string[];
  readonly prompts: readonly string[];
}

/** Kinds of events of the identity audit log. */
export type IdentityEventKind =
  | "sign_in"
  | "sign_in_refused"
  | "sign_in_failed"
  | "logout"
  | "mfa_enrolled"
  | "mfa_failed"
  | "token_issued"
  | "key_rotated";

export interface IdentityEvent {
  readonly kind: IdentityEventKind;
  readonly at: Date;
  readonly ententeId: string | null;
  readonly sub: string | null;
  readonly memberId: string | null;
  readonly clientId: string | null;
  readonly sourceId: string | null;
  /** Error code of the catalog for refusals and failures (`identity.service_refused`…). */
  readonly code: string | null;
  /** The request id support can quote (`x-request-id`). */
  readonly requestId: string | null;
  readonly ip: string | null;
  readonly details: Readonly<Record<string, string | number | boolean | null>>;
}

export interface IdentityEventLog {
  record(event: IdentityEvent): Promise<void>;
}

/** Where an email (or a chosen organisation) leads at sign-in. */
export interface SignInRoute {
  readonly ententeId: string;
  readonly memberId: string;
  readonly memberName: string;
  readonly source: SourceRecord;
  /** `registered-address`: a personal address the secretariat registered (typically an élu's); `domain`: the member owns the email's domain. */
  readonly via: "domain" | "registered-address" | "organisation";
  /** Role forced by a registered address (`elu`), else null (the source's mapping decides). */
  readonly role: PersonRole | null;
}

/** Organisations offered on the sign-in page's list ("choisir mon organisation"). */
export interface OrganisationChoice {
  readonly ententeId: string;
  readonly ententeName: string;
  readonly memberId: string;
  readonly memberName: string;
  readonly sources: readonly { readonly id: string; readonly label: string; readonly kind: SourceKind }[];
}

/** Routing of the sign-in page: email → member → source (DESIGN.md pillar 2). */
export interface IdentityRouting {
  /**
   * A registered address first (exact, case-insensitive), then the email's domain. null when
   * neither is known. Disabled sources are returned (the flow says they are suspended).
   */
  routeEmail(email: string): Promise<SignInRoute | null>;
  /** Every member that has at least one enabled source, for the organisation list. */
  listOrganisations(): Promise<OrganisationChoice[]>;
  findSource(sourceId: string): Promise<SourceRecord | null>;
  /**
   * Whether a source of `memberId` may assert `email`: the member owns its domain, or the address
   * is registered for that member (issue 4: "a source may only assert emails of domains its member owns").
   */
  mayAssertEmail(ententeId: string, memberId: string, email: string): Promise<boolean>;
}

/** A service registration as written by the API or the CLI (the id is generated). */
export type ServiceClientInput = Omit<ServiceClientRecord, "clientId" | "ententeId" | "rowVersion">;

/** Writes of the service registry (API, CLI). Validation errors: `identity.client_invalid`. */
export interface ServiceClientAdmin extends ServiceClientRegistry {
  /** @returns the record and, for confidential clients, the secret in clear — shown once, stored hashed or encrypted. */
  createClient(
    ententeId: string,
    input: ServiceClientInput,
  ): Promise<{ readonly client: ServiceClientRecord; readonly clientSecret: string | null }>;
  /** @throws `conflict.stale_version` when `expectedRowVersion` is not the stored one; `identity.not_found`. */
  updateClient(
    ententeId: string,
    clientId: string,
    input: ServiceClientInput,
    expectedRowVersion: number,
  ): Promise<ServiceClientRecord>;
  /** A new secret replaces the old one at once. @returns it, in clear, shown once. */
  rotateClientSecret(ententeId: string, clientId: string): Promise<string>;
  deleteClient(ententeId: string, clientId: string): Promise<void>;
}

/**
 * The OpenID Provider's interaction API as the sign-in pages use it (oidc-provider's
 * `interactionDetails` / `interactionResult`). Each call reads the interaction bound to the
 * browser's `_interaction` cookie, so a uid alone never gives access to an interaction.
 */
export interface InteractionGateway {
  /** @throws EntenteError `identity.interaction_expired` when there is none (expired, unknown, other browser). */
  details(
    req: import("node:http").IncomingMessage,
    res: import("node:http").ServerResponse,
  ): Promise<InteractionDetails>;
  /**
   * Ends the interaction with the person signed in and acting for `memberId`: creates the grant
   * (the scopes and claims the service may receive), records the grant's affiliation.
   * @returns the URL to redirect the browser to (303), back into the provider.
   */
  finishSignIn(
    req: import("node:http").IncomingMessage,
    res: import("node:http").ServerResponse,
    result: {
      readonly sub: string;
      readonly memberId: string;
      readonly acr: string;
      readonly amr: readonly string[];
    },
  ): Promise<{ readonly redirectTo: string }>;
  /** Ends the interaction with an OAuth error for the service (`access_denied`, `login_required`…). */
  abort(
    req: import("node:http").IncomingMessage,
    res: import("node:http").ServerResponse,
    error: { readonly error: string; readonly description: string },
  ): Promise<{ readonly redirectTo: string }>;
  /** The service's registration (name for the pages, policy, required acr). */
  client(clientId: string): Promise<ServiceClientRecord | null>;
}

// ---- signing keys of the OpenID Provider (added by the OpenID Provider part) -----------------

/** Life of a signing key: published before use (`next`), signing (`current`), published until its tokens expire (`retired`). */
export type SigningKeyState = "next" | "current" | "retired";

/** A signing key of the OpenID Provider, private part included (never sent anywhere but the provider). */
export interface SigningKeyRecord {
  readonly kid: string;
  readonly alg: "ES256" | "RS256";
  readonly state: SigningKeyState;
  /** Private JWK (RFC 7517) with `kid`, `alg`, `use: "sig"`. */
  readonly privateJwk: Readonly<Record<string, unknown>>;
  readonly createdAt: Date;
  readonly activatedAt: Date | null;
  readonly retiredAt: Date | null;
}

/** A change computed by a rotation step, applied by the store in one transaction. */
export interface SigningKeyChanges {
  readonly insert: readonly SigningKeyRecord[];
  readonly update: readonly {
    readonly kid: string;
    readonly state: SigningKeyState;
    readonly activatedAt: Date | null;
    readonly retiredAt: Date | null;
  }[];
  readonly delete: readonly string[];
}

/** Where the provider's signing keys live (the database, shared by every node). */
export interface SigningKeyStore {
  listKeys(): Promise<SigningKeyRecord[]>;
  /**
   * Reads the keys with a lock, lets `plan` compute the changes and applies them, in one
   * transaction (two nodes rotating at once apply one step each, one after the other).
   */
  change(plan: (keys: readonly SigningKeyRecord[]) => SigningKeyChanges): Promise<SigningKeyChanges>;
}

// ---- second factor and throttling (sign-in flow, issue 4 §5) -------------------------------

/** Kinds of second factors: a TOTP app (RFC 6238) or a WebAuthn authenticator (security key, passkey). */
export type MfaKind = "totp" | "webauthn";

/** A second factor of a person as the pages show it: never its secret nor its public key. */
export interface MfaCredentialSummary {
  readonly id: string;
  readonly kind: MfaKind;
  readonly label: string;
  readonly createdAt: Date;
  readonly lastUsedAt: Date | null;
}

/**
 * Second factors of the pivot persons (TOTP and WebAuthn), used when a service asks for
 * `ACR_TWO_FACTORS` and the source gave one factor. Trust on first use: a person with no active
 * factor enrols one during that sign-in (docs/identity.md). WebAuthn options and responses are
 * the JSON shapes of the WebAuthn Level 3 spec (`PublicKeyCredentialCreationOptionsJSON`,
 * `RegistrationResponseJSON`…), kept `unknown` here so that the app layer stays library-free.
 */
export interface MfaService {
  /** Active factors of a person (a TOTP secret not yet confirmed by a first code is not listed). */
  listCredentials(sub: string): Promise<MfaCredentialSummary[]>;
  /**
   * Creates a new, inactive TOTP secret (160 bits, base32) for `sub`, replacing any other inactive one.
   * @returns the secret and its `otpauth://` URI (for the QR code), shown once to the person.
   */
  beginTotpEnrolment(
    sub: string,
    accountName: string,
  ): Promise<{ readonly credentialId: string; readonly secret: string; readonly otpauthUri: string }>;
  /** Activates the inactive TOTP secret `credentialId` of `sub` when `code` is valid now. @returns false otherwise. */
  confirmTotpEnrolment(sub: string, credentialId: string, code: string, at: Date): Promise<boolean>;
  /** Checks a code against the person's active TOTP secrets; a code (time step) accepted once is refused after (replay). */
  verifyTotp(sub: string, code: string, at: Date): Promise<boolean>;
  /** Options for `navigator.credentials.create` and their challenge (to keep server-side). */
  webauthnRegistrationOptions(
    sub: string,
    userName: string,
    displayName: string,
  ): Promise<{ readonly options: unknown; readonly challenge: string }>;
  /** Verifies a registration against the kept challenge, then stores the credential. @returns false when refused. */
  verifyWebauthnRegistration(
    sub: string,
    challenge: string,
    response: unknown,
    label: string,
  ): Promise<boolean>;
  /** Options for `navigator.credentials.get` listing the person's credentials, and their challenge. */
  webauthnAuthenticationOptions(
    sub: string,
  ): Promise<{ readonly options: unknown; readonly challenge: string }>;
  /** Verifies an assertion (signature, challenge, origin, rpID, signature counter). @returns false when refused. */
  verifyWebauthnAuthentication(sub: string, challenge: string, response: unknown): Promise<boolean>;
}

/** A stored second factor (src/db/mfa-credential-store.ts); secrets only ever leave it towards MfaService. */
export interface MfaCredentialRecord extends MfaCredentialSummary {
  readonly sub: string;
  /** TOTP: base32 secret. WebAuthn: null. */
  readonly secret: string | null;
  /** WebAuthn: base64url credential id and COSE public key; the authenticator's signature counter. */
  readonly webauthnId: string | null;
  readonly publicKey: Uint8Array | null;
  readonly counter: number;
  readonly transports: readonly string[];
  /** TOTP: the last accepted time step (replay guard); null before any. */
  readonly lastTimeStep: number | null;
  /** false for a TOTP secret not yet confirmed by a first valid code. */
  readonly active: boolean;
}

/** Storage of second factors. Writes are single statements; guards are conditional updates (no lost update across nodes). */
export interface MfaCredentialStore {
  listCredentials(
    sub: string,
    options: { readonly includeInactive: boolean },
  ): Promise<MfaCredentialRecord[]>;
  /** Adds a credential; for an inactive TOTP secret, deletes the person's other inactive ones first (one transaction). */
  addCredential(
    credential: Omit<MfaCredentialRecord, "id" | "lastUsedAt" | "createdAt" | "lastTimeStep">,
    at: Date,
  ): Promise<MfaCredentialRecord>;
  /** Activates a TOTP credential and records its first step. */
  activateTotp(sub: string, id: string, timeStep: number, at: Date): Promise<boolean>;
  /** Records `timeStep` only when it is greater than the last one (atomic): false means a replay. */
  advanceTotpStep(sub: string, id: string, timeStep: number, at: Date): Promise<boolean>;
  /** Records a WebAuthn use with its new counter, only when it is greater than the stored one or both are 0 (atomic). */
  advanceWebauthnCounter(sub: string, id: string, counter: number, at: Date): Promise<boolean>;
}

/**
 * Failed sign-in attempts, shared by every node (the database). Keys are opaque (hashes of
 * source + login, or of the IP); the store never sees a login in clear.
 */
export interface LoginFailureStore {
  recordFailure(key: string, at: Date): Promise<void>;
  /** Times of the failures of `key` at or after `since`, oldest first. */
  failuresSince(key: string, since: Date): Promise<Date[]>;
  /** Forgets the failures of `key` (after a successful sign-in). */
  clearFailures(key: string): Promise<void>;
}

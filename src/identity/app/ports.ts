import type { IncomingMessage, ServerResponse } from "node:http";
import type { IdentityEvent } from "../domain/identity-event.ts";
import type { SourceRecord } from "../domain/identity-source.ts";
import type { OrganisationChoice } from "../domain/organisation-choice.ts";
import type { PersonRecord, PersonRole } from "../domain/person.ts";
import type { EmailFacts, SignInRoute } from "../domain/route-email.ts";
import type { ServiceClientRecord } from "../domain/service-client.ts";
import type { UpstreamIdentity } from "../domain/upstream-identity.ts";

/**
 * Ports of the sign-in (issue 4, DESIGN.md pillar 2): what its use cases need from the upstream
 * connectors (src/identity/upstream), the pivot directory (src/identity/db), the OpenID Provider
 * (src/identity/oidc) and the audit log. The model they speak of is the domain's
 * (src/identity/domain); second factors: ./mfa-ports.ts; services and keys: ./provider-ports.ts;
 * administration: ./admin/identity-admin-ports.ts.
 */

// Kept until the integrator moves test/e2e/identity-harness.ts and test/helpers/upstream-peers.ts
// (owned by another part of issue 8) to the domain's files; nothing in src/ imports them from here.
export type {
  AttributeMapping,
  LdapSettings,
  OidcSourceSettings,
  SamlSourceSettings,
  SourceRecord,
} from "../domain/identity-source.ts";
export type { ServiceClientInput } from "../domain/service-client.ts";

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
  /**
   * Where to send the browser to end the person's session at the source (OIDC RP-Initiated
   * Logout 1.0 at the IdP's `end_session_endpoint`; SAML: a signed LogoutRequest to the IdP's
   * SingleLogoutService naming the kept session of `upstreamId`); null when the source offers
   * none (or, SAML, no upstream session is kept).
   */
  logoutUrl?(
    source: SourceRecord,
    request: { readonly postLogoutRedirectUri: string; readonly state: string; readonly upstreamId: string },
  ): Promise<string | null>;
  /**
   * SAML: checks the IdP's LogoutResponse at our SLO route (`query`: its parameters, `rawQuery`:
   * the query string as received, for the Redirect-binding signature) and consumes its state.
   * @returns the state (RelayState) it answers and whether the IdP ended its session (`status`:
   *   the IdP's StatusCode when not).
   * @throws EntenteError `identity.state_lost`, `identity.upstream_rejected`.
   */
  finishLogout?(
    source: SourceRecord,
    answer: { readonly query: Readonly<Record<string, string>>; readonly rawQuery: string },
  ): Promise<{ readonly state: string; readonly ended: boolean; readonly status: string | null }>;
  /**
   * SAML: checks an IdP-initiated LogoutRequest at our SLO route (signed by the source's IdP).
   * @returns the person's id at the source (null: no session of theirs kept here) and how to
   *   answer (the URL of our signed LogoutResponse).
   * @throws EntenteError `identity.upstream_rejected`.
   */
  acceptLogoutRequest?(
    source: SourceRecord,
    request: { readonly query: Readonly<Record<string, string>>; readonly rawQuery: string },
  ): Promise<{ readonly upstreamId: string | null; respond(ended: boolean): Promise<string> }>;
}

/** The pivot identity of one sign-in, normalised (`normalizeIdentity`), with the role that applies. */
export interface SignedInIdentity {
  readonly givenName: string;
  readonly familyName: string;
  readonly usualName: string;
  readonly email: string;
  /** false when the source said it had not verified the address (`NormalizedIdentity`). */
  readonly emailVerified: boolean;
  readonly uid: string;
  readonly groups: readonly string[];
  readonly role: PersonRole;
}

/** The pivot directory: persons, their links to sources, their organisations. */
export interface PersonDirectory {
  /**
   * Finds the person linked to (`source`, `identity.upstreamId`) or creates one with a new
   * random `sub`; refreshes the names, email, uid and groups seen for this source; one transaction.
   * A registered address of the source's member that forces a role wins over `normalized.role`.
   */
  resolvePerson(
    source: SourceRecord,
    identity: UpstreamIdentity,
    normalized: SignedInIdentity,
  ): Promise<PersonRecord>;
  findPerson(sub: string): Promise<PersonRecord | null>;
  /** Records which member a person acts for in a grant (one sign-in to one service). */
  recordGrantAffiliation(grantId: string, sub: string, memberId: string): Promise<void>;
  /** The member recorded for a grant, or null. */
  grantAffiliation(grantId: string): Promise<string | null>;
}

/** Routing of the sign-in page: email → member → source (DESIGN.md pillar 2). */
export interface IdentityRouting {
  /**
   * A registered address first (exact, case-insensitive), then the email's domain. null when
   * neither is known. Disabled sources are returned (the flow says they are suspended).
   */
  routeEmail(email: string): Promise<SignInRoute | null>;
  /**
   * The members of entente `ententeId` (the service's) that have at least one enabled source,
   * for the organisation list: a service's sign-in page never lists another entente's members.
   */
  listOrganisations(ententeId: string): Promise<OrganisationChoice[]>;
  findSource(sourceId: string): Promise<SourceRecord | null>;
  /**
   * Whether a source of `memberId` may assert `email`: the member owns its domain, or the address
   * is registered for that member (issue 4: "a source may only assert emails of domains its member owns").
   */
  mayAssertEmail(source: SourceRecord, email: string): Promise<boolean>;
}

/**
 * What the pivot directory stores (PostgreSQL/PGlite): the adapter loads and writes; the rules
 * (routing, the role of a registered address) are the domain's, applied by `createIdentityDirectory`.
 */
export interface DirectoryStore {
  /** The registered address and the owner of `domain` (null: no domain), for an already normalised `email`. */
  findEmailFacts(email: string, domain: string | null): Promise<EmailFacts>;
  /** The registered address `email` (already normalised), or null. */
  findRegisteredAddress(email: string): Promise<EmailFacts["registered"]>;
  /**
   * Links (`source`, `identity.upstreamId`) to a person, creating one with a new random `sub` the
   * first time; writes the names, and the affiliation to the source's member with `person`'s
   * email, uid, groups and role; one transaction. Two first sign-ins at once give one `sub`.
   */
  savePerson(
    source: SourceRecord,
    identity: UpstreamIdentity,
    person: SignedInIdentity,
  ): Promise<PersonRecord>;
  findPerson(sub: string): Promise<PersonRecord | null>;
  recordGrantAffiliation(grantId: string, sub: string, memberId: string): Promise<void>;
  grantAffiliation(grantId: string): Promise<string | null>;
  /** Members of `ententeId` with at least one enabled source, by member position, source creation. */
  listOrganisations(ententeId: string): Promise<OrganisationChoice[]>;
  findSource(sourceId: string): Promise<SourceRecord | null>;
}

/** Services (relying parties) as the OpenID Provider reads them. */
export interface ServiceClientRegistry {
  findClient(clientId: string): Promise<ServiceClientRecord | null>;
  /** The client secret (hash or clear, as the adapter stores it) is not part of the record. */
  clientSecret(clientId: string): Promise<string | null>;
  listClients(ententeId: string): Promise<ServiceClientRecord[]>;
}

/**
 * Where the service's authorization request asked for the answer (RFC 6749 §4.1.1–4.1.2.1), as
 * the provider accepted it (the redirect URI was matched exactly). Kept with the sign-in's state
 * so that the service still gets an OAuth error once the provider's interaction has expired.
 */
export interface AuthorizationReturn {
  readonly clientId: string;
  readonly redirectUri: string;
  /** The service's `state` parameter, returned as is; null when it sent none. */
  readonly state: string | null;
  /** `response_mode` (null: the default, `query`). */
  readonly responseMode: string | null;
  /** The provider's issuer, sent back as `iss` (RFC 9207). */
  readonly issuer: string;
}

/** Scopes of one resource server, named by its audience (resource indicator). */
export interface ResourceScopes {
  readonly audience: string;
  readonly scopes: readonly string[];
}

/** What an interaction page needs from the OpenID Provider (oidc-provider's interaction API). */
export interface InteractionDetails {
  readonly uid: string;
  /** Where the answer goes (null when the request carries no redirect URI). */
  readonly returnTo: AuthorizationReturn | null;
  readonly clientId: string;
  /** acr the service asked for (`acr_values`, or its registered `requiredAcr`), see `requiredAcrOf`. */
  readonly requestedAcr: string;
  /** The `scope` parameter the service sent (space-separated), before `grantedScopes`. */
  readonly requestedScope: string;
  /**
   * The resource servers the service asked a token for (RFC 8707 `resource`), with the scopes
   * they are registered with; the provider has already refused unknown ones (`invalid_target`).
   */
  readonly requestedResources: readonly ResourceScopes[];
  readonly loginHint: string | null;
  /** The `ui_locales` the service sent (OIDC Core §3.1.2.1, space-separated BCP 47 tags), if any. */
  readonly uiLocales?: string | null;
  /** The person already signed in at the provider (single sign-on), if any. */
  readonly sessionSub: string | null;
  readonly sessionAmr: readonly string[];
  readonly prompts: readonly string[];
}

/** The browser's request and its response, as the provider reads and answers an interaction. */
export interface InteractionExchange {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
}

/**
 * The OpenID Provider's interaction API as the sign-in uses it (oidc-provider's
 * `interactionDetails` / `interactionResult`). Each call reads the interaction bound to the
 * browser's `_interaction` cookie, so a uid alone never gives access to an interaction. The
 * adapter stores what it is given; what a service receives is decided by the use cases.
 */
export interface InteractionGateway {
  /** @throws EntenteError `identity.interaction_expired` when there is none (expired, unknown, other browser). */
  details(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>;
  /**
   * Saves the grant of this sign-in: the person's for the interaction's service, with `scopes`
   * (the interaction's grant is reused when it is this person's for this service).
   * @throws EntenteError `identity.interaction_expired`.
   */
  saveGrant(
    req: IncomingMessage,
    res: ServerResponse,
    grant: {
      readonly sub: string;
      readonly scopes: readonly string[];
      /** Scopes granted per resource server (RFC 8707), besides the OIDC ones. */
      readonly resourceScopes: readonly ResourceScopes[];
    },
  ): Promise<{ readonly grantId: string }>;
  /**
   * Ends the interaction with the person signed in (`acr`, `amr`) and the grant saved.
   * @returns the URL to redirect the browser to (303), back into the provider.
   */
  completeSignIn(
    req: IncomingMessage,
    res: ServerResponse,
    login: {
      readonly sub: string;
      readonly acr: string;
      readonly amr: readonly string[];
      readonly grantId: string;
    },
  ): Promise<{ readonly redirectTo: string }>;
  /** Ends the interaction with an OAuth error for the service (`access_denied`, `login_required`…). */
  abort(
    req: IncomingMessage,
    res: ServerResponse,
    error: { readonly error: string; readonly description: string },
  ): Promise<{ readonly redirectTo: string }>;
  /** The service's registration (name for the pages, policy, required acr). */
  client(clientId: string): Promise<ServiceClientRecord | null>;
  /** Whether the provider still holds the interaction `uid` (whatever browser it belongs to). */
  interactionExists(uid: string): Promise<boolean>;
}

/** The identity audit log (append only). */
export interface IdentityEventLog {
  record(event: IdentityEvent): Promise<void>;
}

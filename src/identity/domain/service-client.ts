import type { PersonRole } from "./person.ts";

/**
 * Services of the entente: the OpenID Connect relying parties its members' agents and élus sign
 * in to (issue 4, "Services as relying parties").
 */

/** Grant types a service may be given (RFC 6749). */
export type GrantType = "authorization_code" | "refresh_token" | "client_credentials";

/** `client_secret_basic`, `client_secret_post`, or `none` (public client, PKCE only). */
export type TokenEndpointAuthMethod = "client_secret_basic" | "client_secret_post" | "none";

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
  readonly grantTypes: readonly GrantType[];
  readonly tokenEndpointAuthMethod: TokenEndpointAuthMethod;
  /** Scopes the service may ask for (`openid`, `profile`, `email`, `organization`, `groups`, `offline_access`). */
  readonly scopes: readonly string[];
  readonly policy: ServicePolicy;
  /** acr the service requires whatever it asks for; null: the one it asks for (`acr_values`), default one factor. */
  readonly requiredAcr: string | null;
  /**
   * Exempted from PKCE (RFC 7636) at the authorization endpoint: for a confidential client
   * (`client_secret_basic`/`client_secret_post`) only, never a public one; absent or false: PKCE
   * S256 required, as for every client. RFC 9700 §2.1.1 recommends PKCE; some deployed relying
   * parties cannot send it (Roundcube 1.6), so the exemption is explicit and per service
   * (docs/identity.md, "PKCE exemption").
   */
  readonly pkceExempt?: boolean;
  readonly enabled: boolean;
  readonly rowVersion: number;
}

/** A service registration as written by the API or the CLI (the id is generated). */
export type ServiceClientInput = Omit<ServiceClientRecord, "clientId" | "ententeId" | "rowVersion">;

/**
 * A registration before `validateServiceClient` checked it: the enumerated fields are any text
 * (what a form or the command line sent), `enabled` is not checked.
 */
export type ServiceClientDraft = Omit<
  ServiceClientInput,
  "grantTypes" | "tokenEndpointAuthMethod" | "policy" | "enabled"
> & {
  readonly grantTypes: readonly string[];
  readonly tokenEndpointAuthMethod: string;
  readonly policy: {
    readonly memberIds: readonly string[] | null;
    readonly roles: readonly string[] | null;
    readonly groups: readonly string[] | null;
  };
};

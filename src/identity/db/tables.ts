import type { ColumnType, Generated } from "kysely";
import type { EntenteTable, MemberTable } from "../../finance/index.ts";
import type { Json, PlatformTables, Timestamp } from "../../platform/db/schema.ts";
/** Kysely table types of the identity federation (SQL: src/platform/db/migrations). */

/** One oidc-provider model instance (src/db/oidc-adapter.ts); `payload` is the library's own JSON. */
export interface OidcPayloadTable {
  model: string;
  id: string;
  payload: Json<Record<string, unknown>>;
  grant_id: string | null;
  user_code: string | null;
  uid: string | null;
  expires_at: Date | null;
  consumed_at: Date | null;
}

/** A signing key of the OpenID Provider (src/db/oidc-signing-key-store.ts). */
export interface OidcSigningKeyTable {
  kid: string;
  alg: "ES256" | "RS256";
  state: "next" | "current" | "retired";
  private_jwk: Json<Record<string, unknown>>;
  created_at: Timestamp;
  activated_at: Date | null;
  retired_at: Date | null;
}

/** A service (relying party) of an entente (src/db/service-client-store.ts). */
export interface ServiceClientTable {
  client_id: string;
  entente_id: string;
  name: string;
  redirect_uris: Json<string[]>;
  post_logout_redirect_uris: Json<string[]>;
  backchannel_logout_uri: string | null;
  grant_types: Json<string[]>;
  token_endpoint_auth_method: "client_secret_basic" | "client_secret_post" | "none";
  scopes: Json<string[]>;
  policy_member_ids: Json<string[]> | null;
  policy_roles: Json<string[]> | null;
  policy_groups: Json<string[]> | null;
  required_acr: string | null;
  /** Migration 0160: a confidential client exempted from PKCE. */
  pkce_exempt: Generated<boolean>;
  enabled: boolean;
  secret_hash: string | null;
  row_version: Generated<number>;
  created_at: Timestamp;
}

/** A resource server of an entente (src/db/resource-server-store.ts). */
export interface ResourceServerTable {
  id: string;
  entente_id: string;
  name: string;
  audience: string;
  scopes: Json<string[]>;
  token_format: "opaque" | "jwt";
  jwt_type: "at+jwt" | "JWT";
  access_token_ttl_seconds: number;
  enabled: boolean;
  row_version: Generated<number>;
  created_at: Timestamp;
}

/** An identity source of a member (src/db/identity-directory-store.ts). */
export interface IdentitySourceTable {
  id: string;
  entente_id: string;
  member_id: string;
  kind: "ldap" | "oidc" | "saml" | "local";
  label: string;
  settings: Json<Record<string, unknown>>;
  mapping: Json<Record<string, unknown>>;
  secret: string | null;
  enabled: boolean;
  row_version: Generated<number>;
  created_at: Timestamp;
}

/** An email domain owned by a member, unique across the instance. */
export interface MemberEmailDomainTable {
  domain: string;
  entente_id: string;
  member_id: string;
  source_id: string | null;
  created_at: Timestamp;
}

/** A personal address (an élu's) registered for a member and one of its sources. */
export interface RegisteredAddressTable {
  email: string;
  entente_id: string;
  member_id: string;
  source_id: string;
  role: "agent" | "elu" | null;
  note: string | null;
  created_at: Timestamp;
}

/** A person of the pivot directory; `sub` is never reused. */
export interface PersonTable {
  sub: string;
  given_name: string;
  family_name: string;
  usual_name: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** (source, upstream id) → person, with the last normalised attributes seen. */
export interface PersonLinkTable {
  source_id: string;
  upstream_id: string;
  sub: string;
  attributes: Json<Record<string, unknown>>;
  first_seen_at: Timestamp;
  last_seen_at: Timestamp;
}

/** An organisation a person acts for (from a source, or declared by the secretariat). */
export interface PersonAffiliationTable {
  sub: string;
  entente_id: string;
  member_id: string;
  role: "agent" | "elu";
  source_id: string | null;
  declared_by: string | null;
  email: string;
  /** false when the source said it had not verified the address (default true). */
  email_verified: Generated<boolean>;
  uid: string;
  groups: Json<string[]>;
  last_seen_at: Date | null;
  /**
   * When the member's directory suspended or deleted the person's SCIM User (0183): the
   * affiliation admits nobody (null: not deprovisioned).
   */
  deprovisioned_at: Generated<Date | null>;
}

/** Which member a person acts for in one grant. */
export interface GrantAffiliationTable {
  grant_id: string;
  sub: string;
  member_id: string;
  created_at: Timestamp;
}

/** The identity audit log (src/db/identity-event-store.ts). */
export interface IdentityEventTable {
  id: Generated<bigint>;
  kind: string;
  at: Timestamp;
  entente_id: string | null;
  sub: string | null;
  member_id: string | null;
  client_id: string | null;
  source_id: string | null;
  code: string | null;
  request_id: string | null;
  ip: string | null;
  details: Json<Record<string, unknown>>;
}

/** A second factor of a person (src/db/mfa-credential-store.ts). */
export interface MfaCredentialTable {
  id: Generated<bigint>;
  sub: string;
  kind: "totp" | "webauthn";
  label: string;
  secret: string | null;
  webauthn_id: string | null;
  public_key: Uint8Array | null;
  counter: ColumnType<bigint, bigint | number | undefined, bigint | number>;
  transports: ColumnType<string[], string | undefined, string>;
  last_time_step: ColumnType<bigint | null, bigint | number | null | undefined, bigint | number | null>;
  active: boolean;
  created_at: Timestamp;
  last_used_at: Date | null;
}

/** The tables of the identity federation. */
export interface IdentityTables {
  oidc_payload: OidcPayloadTable;
  oidc_signing_key: OidcSigningKeyTable;
  service_client: ServiceClientTable;
  resource_server: ResourceServerTable;
  identity_source: IdentitySourceTable;
  member_email_domain: MemberEmailDomainTable;
  registered_address: RegisteredAddressTable;
  person: PersonTable;
  person_link: PersonLinkTable;
  person_affiliation: PersonAffiliationTable;
  grant_affiliation: GrantAffiliationTable;
  identity_event: IdentityEventTable;
  mfa_credential: MfaCredentialTable;
}

/**
 * What the identity stores query: their tables, the audit trail, and the `entente` and `member`
 * tables of the finance context, which they read (never write) in joins.
 */
export type IdentityDatabase = PlatformTables &
  IdentityTables & { entente: EntenteTable; member: MemberTable };

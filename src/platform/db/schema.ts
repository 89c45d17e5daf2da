import type { ColumnType, Generated } from "kysely";

/**
 * Kysely table types of the SQL schema (src/db/migrations). Names are snake_case as in SQL;
 * rows are mapped to the domain's camelCase in the repositories only. bigint columns come back
 * as JS bigint (type parsers set in open-database.ts), dates as ISO strings, timestamps as Date.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface EntenteTable {
  id: string;
  name: string;
  legal_basis: Json<string[]>;
  convention: Json<unknown> | null;
  rounding_unit: "euro" | "cent";
  budget_holder: string | null;
  default_key: string;
  created_at: Timestamp;
}

export interface MemberTable {
  entente_id: string;
  id: string;
  position: number;
  name: string;
  kind: string;
  siren: string | null;
  siret: string | null;
  assembly: string | null;
  accountant: string | null;
  row_version: Generated<number>;
}

export interface AllocationKeyTable {
  entente_id: string;
  id: string;
  label: string;
  source: string | null;
  basis: "percent" | "weights" | "criteria";
  row_version: Generated<number>;
}

export interface KeyShareTable {
  entente_id: string;
  key_id: string;
  member_id: string;
  value: bigint;
}

export interface KeyCriterionTable {
  entente_id: string;
  key_id: string;
  id: string;
  position: number;
  label: string | null;
  weight: bigint;
}

export interface KeyCriterionValueTable {
  entente_id: string;
  key_id: string;
  criterion_id: string;
  member_id: string;
  value: bigint;
}

export interface MissionTable {
  entente_id: string;
  id: string;
  position: number;
  name: string;
  kind: "socle" | "specifique";
  description: string | null;
  lead_member_id: string | null;
  key_investissement: string;
  key_fonctionnement: string;
  row_version: Generated<number>;
}

export interface MissionMemberTable {
  entente_id: string;
  mission_id: string;
  member_id: string;
}

export interface ServicePlanTable {
  entente_id: string;
  mission_id: string;
  version: number;
  scope: string;
  milestones: Json<unknown[]>;
  resources: Json<Record<string, unknown>>;
  steering_committee: Json<unknown[]>;
  created_at: Timestamp;
  created_by: string | null;
}

export interface ExerciseTable {
  entente_id: string;
  year: number;
  called_in: number;
  note: string | null;
  row_version: Generated<number>;
}

export type BudgetStatus = "draft" | "approved" | "ratifying" | "adopted";

export interface BudgetVersionTable {
  id: Generated<bigint>;
  entente_id: string;
  year: number;
  number: number;
  label: string;
  status: ColumnType<BudgetStatus, BudgetStatus | undefined, BudgetStatus>;
  row_version: Generated<number>;
  created_at: Timestamp;
}

export interface BudgetLineTable {
  id: Generated<bigint>;
  budget_version_id: bigint;
  position: number;
  mission_id: string | null;
  label: string;
  section: "investissement" | "fonctionnement";
  direction: "expense" | "receipt";
  receipt_kind: "carry-over" | "depreciation" | "grant" | "contribution" | "other" | null;
  amount_cents: bigint;
  nature: string | null;
}

export interface AdvanceTable {
  entente_id: string;
  year: number;
  id: string;
  label: string;
  member_id: string;
  amount_cents: bigint;
  key_id: string;
}

export interface AdjustmentTable {
  entente_id: string;
  year: number;
  id: string;
  label: string;
}

export interface AdjustmentAmountTable {
  entente_id: string;
  year: number;
  adjustment_id: string;
  member_id: string;
  amount_cents: bigint;
}

export interface ConferenceTable {
  id: Generated<bigint>;
  entente_id: string;
  held_on: string;
  label: string;
}

export interface DecisionTable {
  id: Generated<bigint>;
  conference_id: bigint;
  subject: string;
  budget_version_id: bigint | null;
  row_version: Generated<number>;
}

export type RatificationStatus = "pending" | "ratified" | "rejected";

export interface RatificationTable {
  decision_id: bigint;
  entente_id: string;
  member_id: string;
  status: ColumnType<RatificationStatus, RatificationStatus | undefined, RatificationStatus>;
  deliberation_number: string | null;
  deliberated_on: string | null;
  row_version: Generated<number>;
}

export interface FundCallTable {
  id: Generated<bigint>;
  entente_id: string;
  year: number;
  member_id: string;
  amount_cents: bigint;
  due_on: string | null;
  reference: string | null;
  issued_at: Timestamp;
}

export interface PaymentTable {
  id: Generated<bigint>;
  fund_call_id: bigint;
  amount_cents: bigint;
  paid_on: string;
  reference: string | null;
}

export type Role = "secretariat" | "finance" | "mission-lead" | "reader";

export interface AccountTable {
  id: Generated<bigint>;
  email: string;
  display_name: string;
  password_hash: string;
  role: Role;
  entente_id: string | null;
  member_id: string | null;
  mission_id: string | null;
  failed_attempts: Generated<number>;
  locked_until: Date | null;
  created_at: Timestamp;
}

export interface WebSessionTable {
  id: string;
  data: Json<Record<string, unknown>>;
  expires_at: Date;
}

export interface AuditEventTable {
  id: Generated<bigint>;
  at: Timestamp;
  actor: string;
  entente_id: string | null;
  action: string;
  entity: string;
  entity_id: string;
  before: Json<unknown> | null;
  after: Json<unknown> | null;
}

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

/** A short-lived single-use value (src/db/transient-store.ts). */
export interface TransientValueTable {
  key: string;
  value: Json<unknown>;
  expires_at: Date;
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
  enabled: boolean;
  secret_hash: string | null;
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
  uid: string;
  groups: Json<string[]>;
  last_seen_at: Date | null;
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

/** A failed sign-in attempt (src/db/login-failure-store.ts). */
export interface LoginFailureTable {
  id: Generated<bigint>;
  key: string;
  at: Timestamp;
}

export interface Database {
  entente: EntenteTable;
  member: MemberTable;
  allocation_key: AllocationKeyTable;
  key_share: KeyShareTable;
  key_criterion: KeyCriterionTable;
  key_criterion_value: KeyCriterionValueTable;
  mission: MissionTable;
  mission_member: MissionMemberTable;
  service_plan: ServicePlanTable;
  exercise: ExerciseTable;
  budget_version: BudgetVersionTable;
  budget_line: BudgetLineTable;
  advance: AdvanceTable;
  adjustment: AdjustmentTable;
  adjustment_amount: AdjustmentAmountTable;
  conference: ConferenceTable;
  decision: DecisionTable;
  ratification: RatificationTable;
  fund_call: FundCallTable;
  payment: PaymentTable;
  account: AccountTable;
  web_session: WebSessionTable;
  audit_event: AuditEventTable;
  oidc_payload: OidcPayloadTable;
  oidc_signing_key: OidcSigningKeyTable;
  transient_value: TransientValueTable;
  service_client: ServiceClientTable;
  identity_source: IdentitySourceTable;
  member_email_domain: MemberEmailDomainTable;
  registered_address: RegisteredAddressTable;
  person: PersonTable;
  person_link: PersonLinkTable;
  person_affiliation: PersonAffiliationTable;
  grant_affiliation: GrantAffiliationTable;
  identity_event: IdentityEventTable;
  mfa_credential: MfaCredentialTable;
  login_failure: LoginFailureTable;
}

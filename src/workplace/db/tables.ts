import type { Generated } from "kysely";
import type { EntenteTable, MemberTable } from "../../finance/index.ts";
import type {
  IdentitySourceTable,
  PersonAffiliationTable,
  ServiceClientTable,
} from "../../identity/index.ts";
import type { Json, PlatformTables, Timestamp } from "../../platform/db/schema.ts";
import type { StatusTables } from "./status-tables.ts";

/** Kysely table types of the workplace context (SQL: src/platform/db/migrations/0070_workplace.sql). */

/** A catalogue entry: identity's service client seen from the workplace. */
export interface WorkplaceServiceTable {
  client_id: string;
  entente_id: string;
  kind: string;
  description: string;
  url: string;
  maturity: string;
  documentation_url: string | null;
  support_url: string | null;
  display_order: number;
  logo: Uint8Array | null;
  logo_type: string | null;
  service_key_hash: string | null;
  row_version: Generated<number>;
  created_at: Generated<Timestamp>;
}

/** A member's subscription to a service (dates as ISO `YYYY-MM-DD` strings). */
export interface WorkplaceSubscriptionTable {
  client_id: string;
  entente_id: string;
  member_id: string;
  starts_on: string;
  ends_on: string | null;
  roles: Json<string[]> | null;
  groups: Json<string[]> | null;
  seats: number | null;
  storage_per_account: bigint | null;
  storage_per_member: bigint | null;
  wave_label: string | null;
  wave_planned_start: string | null;
  wave_planned_end: string | null;
  wave_actual_start: string | null;
  wave_actual_end: string | null;
  accounts_planned: number | null;
  accounts_migrated: number | null;
  row_version: Generated<number>;
}

/** One usage report line of a service. */
export interface WorkplaceUsageTable {
  id: Generated<bigint>;
  client_id: string;
  entente_id: string;
  member_id: string;
  account_type: "user" | "organization";
  account_id: string | null;
  account_email: string | null;
  metrics: Json<Record<string, number>>;
  reported_at: Timestamp;
}

/** The hub client that is an entente's portal (0120_workplace_portal.sql). */
export interface WorkplacePortalTable {
  entente_id: string;
  client_id: string;
}

/** A portal session (the cookie's id stored as its SHA-256). */
export interface WorkplacePortalSessionTable {
  id_hash: string;
  entente_id: string;
  sub: string;
  member_id: string;
  role: string;
  groups: Json<string[]>;
  display_name: string;
  email: string | null;
  id_token: string;
  sid: string | null;
  csrf_token: string;
  expires_at: Timestamp;
}

/** A portal sign-in state between `/login` and the callback (migration 0171). */
export interface WorkplacePortalLoginTable {
  id_hash: string;
  entente_id: string;
  state: Json<Record<string, unknown>>;
  expires_at: Timestamp;
}

/** A person's portal preferences. */
export interface WorkplacePortalPreferenceTable {
  entente_id: string;
  sub: string;
  pinned: Json<string[]>;
  open_in_new_tab: boolean;
}

/** A portal announcement (days as `YYYY-MM-DD` strings). */
export interface WorkplaceAnnouncementTable {
  id: string;
  entente_id: string;
  author_member_id: string | null;
  title: string;
  body: string;
  shown_from: string;
  shown_until: string | null;
  member_ids: Json<string[]> | null;
  roles: Json<string[]> | null;
  groups: Json<string[]> | null;
  requires_ack: boolean;
  created_by: string;
  created_at: Timestamp;
}

/** Who acknowledged an announcement. */
export interface WorkplaceAnnouncementAckTable {
  announcement_id: string;
  sub: string;
  member_id: string;
  display_name: string;
  email: string | null;
  acknowledged_at: Timestamp;
}

export interface WorkplaceTables {
  workplace_service: WorkplaceServiceTable;
  workplace_subscription: WorkplaceSubscriptionTable;
  workplace_usage: WorkplaceUsageTable;
  workplace_portal: WorkplacePortalTable;
  workplace_portal_session: WorkplacePortalSessionTable;
  workplace_portal_login: WorkplacePortalLoginTable;
  workplace_portal_preference: WorkplacePortalPreferenceTable;
  workplace_announcement: WorkplaceAnnouncementTable;
  workplace_announcement_ack: WorkplaceAnnouncementAckTable;
}

/**
 * What the workplace's queries see: its tables, and — read only, in joins — finance's entente
 * and members and identity's service clients, persons' affiliations and identity sources.
 */
export type WorkplaceDatabase = PlatformTables &
  WorkplaceTables &
  StatusTables & {
    entente: EntenteTable;
    member: MemberTable;
    service_client: ServiceClientTable;
    person_affiliation: PersonAffiliationTable;
    identity_source: IdentitySourceTable;
  };

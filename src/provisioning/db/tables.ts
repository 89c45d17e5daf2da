import type { Generated } from "kysely";
import type { Json, Timestamp } from "../../platform/db/schema.ts";

/** Kysely table types of provisioning (SQL: src/platform/db/migrations/008x_*.sql). */

export interface ScimTokenTable {
  entente_id: string;
  member_id: string;
  source_id: string;
  token_hash: string;
  issued_by: string;
  issued_at: Timestamp;
}

export interface ScimUserTable {
  id: string;
  entente_id: string;
  member_id: string;
  user_name: string;
  user_name_key: string;
  external_id: string | null;
  active: boolean;
  resource: Json<Record<string, unknown>>;
  sub: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ScimGroupTable {
  id: string;
  entente_id: string;
  member_id: string;
  display_name: string;
  external_id: string | null;
  resource: Json<Record<string, unknown>>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ScimGroupMemberTable {
  group_id: string;
  user_id: string;
}

/** The tables provisioning reads and writes. */
export interface ProvisioningTables {
  scim_token: ScimTokenTable;
  scim_user: ScimUserTable;
  scim_group: ScimGroupTable;
  scim_group_member: ScimGroupMemberTable;
  provisioning_connector: ProvisioningConnectorTable;
  provisioning_event: ProvisioningEventTable;
  provisioning_delivery: ProvisioningDeliveryTable;
  provisioning_retention: ProvisioningRetentionTable;
  provisioning_erasure: ProvisioningErasureTable;
  provisioning_job_lease: ProvisioningJobLeaseTable;
  provisioning_service_access: ProvisioningServiceAccessTable;
  provisioning_subscription_boundary: ProvisioningSubscriptionBoundaryTable;
  provisioning_resync_job: ProvisioningResyncJobTable;
}

/** What a service's connectors were last told of a person (0174_provisioning_service_access.sql). */
export interface ProvisioningServiceAccessTable {
  entente_id: string;
  member_id: string;
  client_id: string;
  sub: string;
  granted: boolean;
  changed_at: Timestamp;
}

/** A subscription's start or end day already turned into events. */
export interface ProvisioningSubscriptionBoundaryTable {
  entente_id: string;
  client_id: string;
  member_id: string;
  boundary: "start" | "end";
  day: string;
  events: number;
  emitted_at: Timestamp;
}

/** A full resync of a connector as a job (0173_provisioning_resync_job.sql). */
export interface ProvisioningResyncJobTable {
  id: string;
  entente_id: string;
  connector_id: string;
  state: "running" | "stopped" | "done" | "failed";
  cursor: string | null;
  total: Generated<number>;
  compared: Generated<number>;
  created: Generated<number>;
  updated: Generated<number>;
  disabled: Generated<number>;
  errors: Generated<number>;
  last_error: string | null;
  holder: string | null;
  leased_until: Date | null;
  started_by: string;
  started_at: Timestamp;
  updated_at: Timestamp;
}

/** A member's retention period before erasure (0145_provisioning_retention.sql). */
export interface ProvisioningRetentionTable {
  entente_id: string;
  member_id: string;
  days: number;
  updated_at: Timestamp;
}

/** An erasure waiting for its deadline. */
export interface ProvisioningErasureTable {
  entente_id: string;
  member_id: string;
  sub: string;
  /** '' : the person's own erasure (every connector); else one service's. */
  client_id: Generated<string>;
  payload: Json<Record<string, unknown>>;
  scheduled_at: Timestamp;
  due_at: Timestamp;
}

export interface ProvisioningJobLeaseTable {
  name: string;
  holder: string;
  leased_until: Timestamp;
}

export interface ProvisioningConnectorTable {
  id: string;
  entente_id: string;
  kind: string;
  label: string;
  client_id: string | null;
  settings: Json<Record<string, unknown>>;
  secret: string | null;
  member_ids: Json<string[]> | null;
  enabled: boolean;
  created_at: Timestamp;
}

export interface ProvisioningEventTable {
  id: Generated<bigint>;
  entente_id: string;
  member_id: string;
  sub: string;
  kind: string;
  payload: Json<Record<string, unknown>>;
  created_at: Timestamp;
}

export interface ProvisioningDeliveryTable {
  event_id: bigint;
  connector_id: string;
  sub: string;
  state: "pending" | "done" | "failed";
  attempts: number;
  next_attempt_at: Timestamp;
  leased_until: Date | null;
  last_error: string | null;
  last_attempt_at: Date | null;
  done_at: Date | null;
  /** Since when its peer fails (first failed attempt; cleared when done). 0173. */
  failing_since: Date | null;
}

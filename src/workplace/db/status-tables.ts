import type { Generated } from "kysely";
import type { Json, Timestamp } from "../../platform/db/schema.ts";

/** Kysely table types of service status (SQL: src/platform/db/migrations/0125_workplace_status.sql). */

export interface WorkplaceProbeTable {
  client_id: string;
  entente_id: string;
  kind: string;
  target: string;
  expect_status_min: number;
  expect_status_max: number;
  body_contains: string | null;
  timeout_ms: number;
  interval_seconds: number;
  next_due_at: Timestamp;
  row_version: Generated<number>;
}

export interface WorkplaceProbeStateTable {
  client_id: string;
  entente_id: string;
  state: string;
  since: Timestamp;
  checked_at: Timestamp;
  detail: string | null;
}

export interface WorkplaceProbeChangeTable {
  id: Generated<bigint>;
  client_id: string;
  entente_id: string;
  at: Timestamp;
  from_state: string | null;
  to_state: string;
  detail: string | null;
}

/** `day` as an ISO `YYYY-MM-DD` string. */
export interface WorkplaceUptimeDayTable {
  client_id: string;
  day: string;
  checks: number;
  up: number;
}

export interface WorkplaceLeaseTable {
  name: string;
  holder: string;
  expires_at: Timestamp;
}

export interface WorkplaceIncidentTable {
  id: string;
  entente_id: string;
  kind: string;
  title: string;
  impact: string;
  status: string;
  starts_at: Timestamp;
  ends_at: Timestamp | null;
  client_ids: Json<string[]>;
  member_ids: Json<string[]>;
  created_at: Timestamp;
  row_version: Generated<number>;
}

export interface WorkplaceIncidentUpdateTable {
  id: Generated<bigint>;
  incident_id: string;
  at: Timestamp;
  status: string;
  message: string;
  author: string;
}

export interface StatusTables {
  workplace_probe: WorkplaceProbeTable;
  workplace_probe_state: WorkplaceProbeStateTable;
  workplace_probe_change: WorkplaceProbeChangeTable;
  workplace_uptime_day: WorkplaceUptimeDayTable;
  workplace_lease: WorkplaceLeaseTable;
  workplace_incident: WorkplaceIncidentTable;
  workplace_incident_update: WorkplaceIncidentUpdateTable;
}

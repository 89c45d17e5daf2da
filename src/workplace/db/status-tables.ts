import type { Generated, GeneratedAlways } from "kysely";
import type { Json, Timestamp } from "../../platform/db/schema.ts";

/**
 * Kysely table types of service status (SQL: src/platform/db/migrations/0125_workplace_status.sql,
 * 0172_workplace_status_damping.sql). `client_id` is a probe's subject: a catalogue service's
 * client id, or a status component's id (`hub:<entente>`); `service_id`/`component_id` are the
 * generated columns that keep each reference.
 */

interface Subject {
  service_id: GeneratedAlways<string | null>;
  component_id: GeneratedAlways<string | null>;
}

export interface WorkplaceProbeTable extends Subject {
  client_id: string;
  entente_id: string;
  kind: string;
  target: string;
  expect_status_min: number;
  expect_status_max: number;
  body_contains: string | null;
  timeout_ms: number;
  interval_seconds: number;
  failures_to_down: Generated<number>;
  successes_to_up: Generated<number>;
  next_due_at: Timestamp;
  row_version: Generated<number>;
}

export interface WorkplaceProbeStateTable extends Subject {
  client_id: string;
  entente_id: string;
  /** The damped state; null: undecided. */
  state: string | null;
  since: Timestamp;
  checked_at: Timestamp;
  detail: string | null;
  /** The last raw result (operational, degraded, down, maintenance). */
  result: Generated<string>;
  failures: Generated<number>;
  successes: Generated<number>;
}

export interface WorkplaceProbeChangeTable extends Subject {
  id: Generated<bigint>;
  client_id: string;
  entente_id: string;
  at: Timestamp;
  from_state: string | null;
  to_state: string;
  detail: string | null;
}

/** `day` as an ISO `YYYY-MM-DD` string. */
export interface WorkplaceUptimeDayTable extends Subject {
  client_id: string;
  day: string;
  checks: number;
  up: number;
  maintenance: Generated<number>;
}

export interface WorkplaceStatusComponentTable {
  id: string;
  entente_id: string;
  kind: string;
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
  workplace_status_component: WorkplaceStatusComponentTable;
  workplace_lease: WorkplaceLeaseTable;
  workplace_incident: WorkplaceIncidentTable;
  workplace_incident_update: WorkplaceIncidentUpdateTable;
}

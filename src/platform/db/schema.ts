import type { ColumnType, Generated } from "kysely";

/**
 * Kysely table types of the SQL schema (migrations/). Names are snake_case as in SQL; rows are
 * mapped to camelCase in the stores only. bigint columns come back as JS bigint (type parsers
 * set in open-database.ts), dates as ISO strings, timestamps as Date. Each context declares its
 * own tables in its `db/tables.ts`; the platform's are the audit trail and the transient values.
 */

/** A timestamptz column: read as Date, written as Date or ISO string. */
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A jsonb column: read as T, written as its JSON text. */
export type Json<T> = ColumnType<T, string, string>;

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

/** A short-lived single-use value (src/db/transient-store.ts). */
export interface TransientValueTable {
  key: string;
  value: Json<unknown>;
  expires_at: Date;
}

/** The tables of the platform. */
export interface PlatformTables {
  audit_event: AuditEventTable;
  transient_value: TransientValueTable;
}

import type { Generated } from "kysely";
import type { Json, PlatformTables, Timestamp } from "../../platform/db/schema.ts";

/** Kysely table types of console access (SQL: src/platform/db/migrations). */

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
  created_at: Timestamp;
}

export interface WebSessionTable {
  id: string;
  data: Json<Record<string, unknown>>;
  expires_at: Date;
}

/** A failed sign-in attempt, or a login's last success from an address (login-failure-store.ts). */
export interface LoginFailureTable {
  id: Generated<bigint>;
  key: string;
  at: Timestamp;
}

/** The tables of console access. */
export interface AccessTables {
  account: AccountTable;
  web_session: WebSessionTable;
  login_failure: LoginFailureTable;
}

/** What the access stores query. */
export type AccessDatabase = PlatformTables & AccessTables;

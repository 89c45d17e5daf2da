/** An event of the audit trail: who changed what, with the record before and after. */
export interface AuditEventRecord {
  readonly id: string;
  readonly at: Date;
  readonly actor: string;
  readonly action: string;
  readonly entity: string;
  readonly entityId: string;
  readonly before: unknown;
  readonly after: unknown;
}

/** The entente's audit trail (every store writes it in the transaction of its change). */
export interface AuditReader {
  /** At most `limit` events older than event `before` (null: the newest), newest first. */
  list(ententeId: string, before: string | null, limit: number): Promise<AuditEventRecord[]>;
}

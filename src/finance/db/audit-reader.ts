import type { Kysely } from "kysely";
import type { AuditEventRecord, AuditReader } from "../app/ports/audit-reader.ts";
import type { FinanceDatabase } from "./tables.ts";

/** PostgreSQL/PGlite implementation of `AuditReader`: the trail, newest first, paged by id. */
export function createAuditReader(db: Kysely<FinanceDatabase>): AuditReader {
  return {
    async list(ententeId, before, limit) {
      let query = db
        .selectFrom("audit_event")
        .selectAll()
        .where("entente_id", "=", ententeId)
        .orderBy("id", "desc")
        .limit(limit);
      if (before !== null && /^\d+$/.test(before)) query = query.where("id", "<", BigInt(before));
      const rows = await query.execute();
      return rows.map(
        (r): AuditEventRecord => ({
          id: String(r.id),
          at: r.at,
          actor: r.actor,
          action: r.action,
          entity: r.entity,
          entityId: r.entity_id,
          before: r.before,
          after: r.after,
        }),
      );
    },
  };
}

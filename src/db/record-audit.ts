import type { Kysely } from "kysely";
import type { Actor } from "../app/ports.ts";
import type { Database } from "./schema.ts";

/** JSON for the audit trail: bigint amounts become decimal strings, never numbers. */
function toAuditJson(value: unknown): string | null {
  if (value === undefined) return null;
  return JSON.stringify(value, (_, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
}

/** Appends one audit event; call it inside the transaction of the change it records. */
export async function recordAudit(
  db: Kysely<Database>,
  event: {
    actor: Actor;
    ententeId: string | null;
    action: string;
    entity: string;
    entityId: string;
    before?: unknown;
    after?: unknown;
  },
): Promise<void> {
  await db
    .insertInto("audit_event")
    .values({
      actor: event.actor.id,
      entente_id: event.ententeId,
      action: event.action,
      entity: event.entity,
      entity_id: event.entityId,
      before: toAuditJson(event.before),
      after: toAuditJson(event.after),
    })
    .execute();
}

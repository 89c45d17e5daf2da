import type { Kysely } from "kysely";
import type { Actor } from "../../shared/actor.ts";
import { centsToEuroText } from "../../shared/money.ts";
import type { PlatformTables } from "./schema.ts";

/**
 * JSON for the audit trail, readable by people: amounts in cents (`amountCents`, bigint) become
 * euros as exact decimal strings under `amount` ("305797.00"); other bigints become strings.
 */
function toAuditJson(value: unknown): string | null {
  if (value === undefined) return null;
  return JSON.stringify(value, (_, v: unknown) => {
    if (typeof v === "bigint") return v.toString();
    if (v !== null && typeof v === "object" && !Array.isArray(v) && "amountCents" in v) {
      const { amountCents, ...rest } = v as { amountCents: unknown };
      return {
        ...rest,
        amount: typeof amountCents === "bigint" ? centsToEuroText(amountCents) : amountCents,
      };
    }
    return v;
  });
}

/** Appends one audit event; call it inside the transaction of the change it records. */
export async function recordAudit(
  // biome-ignore lint/suspicious/noExplicitAny: any context's database or transaction (each includes PlatformTables; Kysely's types cannot say "at least these tables").
  db: Kysely<any>,
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
  await (db as Kysely<PlatformTables>)
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

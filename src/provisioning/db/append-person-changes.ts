import { type Kysely, sql } from "kysely";
import type { PersonChange } from "../app/ports.ts";
import { scheduleErasure } from "./erasure-schedule.ts";
import type { ProvisioningTables } from "./tables.ts";

/**
 * Records person changes as provisioning events and gives each one a pending delivery per enabled
 * connector that serves the member (`member_ids` null: every member) — only the connectors of
 * the OIDC service `clientId` when given (a subscription's change) — in the caller's
 * transaction: the change and its events are written together or not at all.
 */
export async function appendPersonChanges(
  trx: Kysely<ProvisioningTables>,
  scope: { readonly ententeId: string; readonly memberId: string },
  changes: readonly PersonChange[],
  at: Date,
  clientId: string | null = null,
): Promise<void> {
  // One statement per change (issue 12, performance): the event and its deliveries together.
  for (const change of changes) {
    await sql`
      WITH event AS (
        INSERT INTO provisioning_event (entente_id, member_id, sub, kind, payload, created_at)
        VALUES (${scope.ententeId}, ${scope.memberId}, ${change.sub}, ${change.kind},
          ${JSON.stringify(change.payload)}, ${at})
        RETURNING id)
      INSERT INTO provisioning_delivery (event_id, connector_id, sub, state, next_attempt_at)
      SELECT event.id, c.id, ${change.sub}, 'pending', ${at}
      FROM event, provisioning_connector c
      WHERE c.entente_id = ${scope.ententeId} AND c.enabled
        AND (c.member_ids IS NULL OR c.member_ids ? ${scope.memberId})
        AND (${clientId}::text IS NULL OR c.client_id = ${clientId})`.execute(trx);
    // A subscription's change disables on one service only: the person stays, nothing to erase.
    if (clientId === null) await scheduleErasure(trx, scope, change, at);
  }
}

import { type Kysely, sql } from "kysely";
import type { PersonChange } from "../app/ports.ts";
import { DEFAULT_RETENTION_DAYS } from "../domain/retention.ts";
import type { ProvisioningTables } from "./tables.ts";

/**
 * Keeps the person's erasure in step with the change, in the change's transaction: a suspension
 * or a deletion schedules it after the member's retention period (a second one keeps the first
 * deadline: the period runs from the first disabling); a creation or a reactivation cancels it.
 * `clientId`: the erasure of one service's accounts (an access lost: subscription ended, group
 * left), '' the person's own (every connector).
 */
export async function scheduleErasure(
  trx: Kysely<ProvisioningTables>,
  scope: { readonly ententeId: string; readonly memberId: string },
  change: PersonChange,
  at: Date,
  clientId = "",
): Promise<void> {
  if (change.kind === "created" || change.kind === "reactivated") {
    await trx
      .deleteFrom("provisioning_erasure")
      .where("entente_id", "=", scope.ententeId)
      .where("member_id", "=", scope.memberId)
      .where("sub", "=", change.sub)
      .where("client_id", "=", clientId)
      .execute();
    return;
  }
  if (change.kind !== "suspended" && change.kind !== "deleted") return;
  await sql`
    INSERT INTO provisioning_erasure (entente_id, member_id, sub, client_id, payload, scheduled_at, due_at)
    SELECT ${scope.ententeId}, ${scope.memberId}, ${change.sub}, ${clientId}, ${JSON.stringify(change.payload)}::jsonb,
      ${at}, ${at}::timestamptz + make_interval(days => COALESCE(
        (SELECT days FROM provisioning_retention WHERE entente_id = ${scope.ententeId} AND member_id = ${scope.memberId}),
        ${DEFAULT_RETENTION_DAYS}))
    ON CONFLICT (entente_id, member_id, sub, client_id) DO UPDATE SET payload = EXCLUDED.payload`.execute(
    trx,
  );
}

import { type Kysely, sql } from "kysely";
import type { PersonChange } from "../app/ports.ts";
import { serviceTransition } from "../domain/service-access.ts";
import { scheduleErasure } from "./erasure-schedule.ts";
import type { ProvisioningTables } from "./tables.ts";

type Scope = { readonly ententeId: string; readonly memberId: string };

/**
 * Records person changes as provisioning events and gives each one a pending delivery per enabled
 * connector that serves the member (`member_ids` null: every member) — only the connectors of
 * the OIDC service `clientId` when given (a subscription's change) — in the caller's
 * transaction: the change and its events are written together or not at all. A change that
 * names its governed services (`PersonChange.services`) reaches their connectors as the
 * difference from the ledger (`recordServiceAccess`), the other connectors as it is.
 */
export async function appendPersonChanges(
  trx: Kysely<ProvisioningTables>,
  scope: Scope,
  changes: readonly PersonChange[],
  at: Date,
  clientId: string | null = null,
): Promise<void> {
  // One statement per change (issue 12, performance): the event and its deliveries together.
  for (const change of changes) {
    const governed = clientId === null ? (change.services ?? []).map((s) => s.clientId) : [];
    await insertEvent(trx, scope, change, at, { clientId, exclude: governed });
    // A subscription's change disables on one service only: its erasure is that service's.
    await scheduleErasure(trx, scope, change, at, clientId ?? "");
    if (clientId === null)
      for (const service of change.services ?? [])
        await recordServiceAccess(trx, scope, service.clientId, change, service.eligible, at, change.kind);
  }
}

/** One event, delivered to the connectors of `clientId` (null: all but those of `exclude`). */
async function insertEvent(
  trx: Kysely<ProvisioningTables>,
  scope: Scope,
  change: PersonChange,
  at: Date,
  target: { readonly clientId: string | null; readonly exclude: readonly string[] },
): Promise<void> {
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
      AND (${target.clientId}::text IS NULL OR c.client_id = ${target.clientId})
      AND (c.client_id IS NULL OR NOT (${JSON.stringify(target.exclude)}::jsonb ? c.client_id))`.execute(trx);
}

/**
 * Brings one service's connectors in step with the person's access (`eligible`: the service's
 * rule admits them; the account is enabled when they are also active): reads what they were last
 * told (locked), appends the one event of `serviceTransition` for them, writes the ledger.
 * `kind` is the person's own change, null for a recomputation. @returns whether an event was appended.
 */
export async function recordServiceAccess(
  trx: Kysely<ProvisioningTables>,
  scope: Scope,
  clientId: string,
  change: Pick<PersonChange, "sub" | "payload">,
  eligible: boolean,
  at: Date,
  kind: PersonChange["kind"] | null,
): Promise<boolean> {
  const key = {
    entente_id: scope.ententeId,
    member_id: scope.memberId,
    client_id: clientId,
    sub: change.sub,
  };
  const row = await trx
    .selectFrom("provisioning_service_access")
    .select("granted")
    .where("entente_id", "=", key.entente_id)
    .where("member_id", "=", key.member_id)
    .where("client_id", "=", clientId)
    .where("sub", "=", change.sub)
    .forUpdate()
    .executeTakeFirst();
  const enabled = eligible && change.payload.active;
  const next = serviceTransition(row?.granted ?? null, enabled, kind);
  if (next.after === null && row !== undefined)
    await trx
      .deleteFrom("provisioning_service_access")
      .where("entente_id", "=", key.entente_id)
      .where("member_id", "=", key.member_id)
      .where("client_id", "=", clientId)
      .where("sub", "=", change.sub)
      .execute();
  else if (next.after !== null && next.after !== row?.granted) {
    const granted = next.after;
    await trx
      .insertInto("provisioning_service_access")
      .values({ ...key, granted, changed_at: at })
      .onConflict((oc) =>
        oc.columns(["entente_id", "member_id", "client_id", "sub"]).doUpdateSet({ granted, changed_at: at }),
      )
      .execute();
  }
  if (next.kind === null) return false;
  const event = {
    sub: change.sub,
    kind: next.kind,
    payload: { ...change.payload, active: next.after === true },
  };
  await insertEvent(trx, scope, event, at, { clientId, exclude: [] });
  // The person's own suspension schedules their erasure everywhere; a loss of access, this service's.
  if (next.kind !== "deleted" && !(next.kind === "suspended" && kind === "suspended"))
    await scheduleErasure(trx, scope, event, at, clientId);
  return true;
}

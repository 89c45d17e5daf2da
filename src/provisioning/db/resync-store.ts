import { type Kysely, sql } from "kysely";
import type { PersonChange } from "../app/ports.ts";
import type { ResyncStore } from "../app/resync.ts";
import type { ProvisioningTables } from "./tables.ts";

/** What the resync reads and writes on PostgreSQL/PGlite. */
export function createResyncStore(db: Kysely<ProvisioningTables>): ResyncStore {
  return {
    async membersWithUsers(ententeId) {
      const rows = await db
        .selectFrom("scim_user")
        .select("member_id")
        .distinct()
        .where("entente_id", "=", ententeId)
        .orderBy("member_id")
        .execute();
      return rows.map((r) => r.member_id);
    },
    appendForConnector: (connectorId, scope, changes, at) =>
      db.transaction().execute(async (trx) => {
        for (const change of changes) await appendOne(trx, connectorId, scope, change, at);
      }),
  };
}

/** One event delivered to one connector only (a repair concerns that connector's tool). */
export async function appendOne(
  trx: Kysely<ProvisioningTables>,
  connectorId: string,
  scope: { readonly ententeId: string; readonly memberId: string },
  change: PersonChange,
  at: Date,
): Promise<void> {
  const event = await trx
    .insertInto("provisioning_event")
    .values({
      entente_id: scope.ententeId,
      member_id: scope.memberId,
      sub: change.sub,
      kind: change.kind,
      payload: JSON.stringify(change.payload),
      created_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await sql`
    INSERT INTO provisioning_delivery (event_id, connector_id, sub, state, next_attempt_at)
    VALUES (${event.id}, ${connectorId}, ${change.sub}, 'pending', ${at})`.execute(trx);
}

import type { Kysely } from "kysely";
import { boundaryKey, type ServiceAccessStore } from "../app/subscription-events.ts";
import { recordServiceAccess } from "./append-person-changes.ts";
import type { ProvisioningTables } from "./tables.ts";

/** The ledger of services' accounts and the subscription boundaries emitted, on PostgreSQL/PGlite. */
export function createServiceAccessStore(db: Kysely<ProvisioningTables>): ServiceAccessStore {
  return {
    applyAccess: (scope, clientId, persons, at, boundaries) =>
      db.transaction().execute(async (trx) => {
        let fresh = boundaries.length === 0;
        for (const b of boundaries) {
          const inserted = await trx
            .insertInto("provisioning_subscription_boundary")
            .values({
              entente_id: scope.ententeId,
              client_id: clientId,
              member_id: scope.memberId,
              boundary: b.boundary,
              day: b.day,
              events: 0,
              emitted_at: at,
            })
            .onConflict((oc) => oc.doNothing())
            .executeTakeFirst();
          if (inserted.numInsertedOrUpdatedRows !== 0n) fresh = true;
        }
        // Every boundary already emitted (a second run, another node): nothing more.
        if (!fresh) return 0;
        let events = 0;
        for (const person of persons)
          if (await recordServiceAccess(trx, scope, clientId, person, person.eligible, at, null)) events += 1;
        for (const b of boundaries)
          await trx
            .updateTable("provisioning_subscription_boundary")
            .set({ events })
            .where("entente_id", "=", scope.ententeId)
            .where("client_id", "=", clientId)
            .where("member_id", "=", scope.memberId)
            .where("boundary", "=", b.boundary)
            .where("day", "=", b.day)
            .where("emitted_at", "=", at)
            .execute();
        return events;
      }),
    async recordedBoundaries() {
      const rows = await db
        .selectFrom("provisioning_subscription_boundary")
        .select(["entente_id", "client_id", "member_id", "boundary", "day"])
        .execute();
      return new Set(
        rows.map((r) =>
          boundaryKey({
            ententeId: r.entente_id,
            clientId: r.client_id,
            memberId: r.member_id,
            boundary: r.boundary,
            day: r.day,
          }),
        ),
      );
    },
  };
}

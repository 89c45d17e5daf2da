import type { Kysely } from "kysely";
import { recordAudit } from "../../platform/db/record-audit.ts";
import type { Clock } from "../../shared/clock.ts";
import type { RegisteredAddressStore } from "../app/admin/identity-admin-ports.ts";
import type { RegisteredAddressRecord } from "../domain/email-ownership.ts";
import type { IdentityDatabase } from "./tables.ts";

async function selectAddresses(
  db: Kysely<IdentityDatabase>,
  ententeId: string,
  filter: { readonly memberId: string | null; readonly email: string | null },
): Promise<RegisteredAddressRecord[]> {
  let query = db
    .selectFrom("registered_address as r")
    .innerJoin("member as m", (j) =>
      j.onRef("m.entente_id", "=", "r.entente_id").onRef("m.id", "=", "r.member_id"),
    )
    .select([
      "r.email",
      "r.entente_id",
      "r.member_id",
      "m.name as member_name",
      "r.source_id",
      "r.role",
      "r.note",
    ])
    .where("r.entente_id", "=", ententeId);
  if (filter.memberId !== null) query = query.where("r.member_id", "=", filter.memberId);
  if (filter.email !== null) query = query.where("r.email", "=", filter.email);
  const rows = await query.orderBy("m.position").orderBy("r.email").execute();
  return rows.map((r) => ({
    email: r.email,
    ententeId: r.entente_id,
    memberId: r.member_id,
    memberName: r.member_name,
    sourceId: r.source_id,
    role: r.role,
    note: r.note,
  }));
}

/**
 * Registered personal addresses (`RegisteredAddressStore`) in `registered_address`, stored as
 * given (the rules normalise them first). An address is unique across the instance: registering
 * a taken one writes nothing and names its owner. Every write is one transaction with its audit event.
 */
export function createRegisteredAddressStore(
  db: Kysely<IdentityDatabase>,
  options: { readonly clock?: Clock } = {},
): RegisteredAddressStore {
  const clock = options.clock ?? { now: () => new Date() };
  return {
    listAddresses: (ententeId, memberId) => selectAddresses(db, ententeId, { memberId, email: null }),
    findAddress: async (ententeId, email) =>
      (await selectAddresses(db, ententeId, { memberId: null, email }))[0] ?? null,
    registerAddress(ententeId, input, actor) {
      return db.transaction().execute(async (trx) => {
        const inserted = await trx
          .insertInto("registered_address")
          .values({
            email: input.email,
            entente_id: ententeId,
            member_id: input.memberId,
            source_id: input.sourceId,
            role: input.role,
            note: input.note,
            created_at: clock.now(),
          })
          .onConflict((oc) => oc.column("email").doNothing())
          .returning("email")
          .executeTakeFirst();
        if (inserted === undefined) {
          const owner = await trx
            .selectFrom("registered_address as r")
            .innerJoin("member as m", (j) =>
              j.onRef("m.entente_id", "=", "r.entente_id").onRef("m.id", "=", "r.member_id"),
            )
            .select(["m.name", "r.entente_id"])
            .where("r.email", "=", input.email)
            .executeTakeFirstOrThrow();
          return { takenBy: { ententeId: owner.entente_id, memberName: owner.name } };
        }
        const [added] = await selectAddresses(trx, ententeId, { memberId: null, email: input.email });
        const record = added as RegisteredAddressRecord;
        await recordAudit(trx, {
          actor,
          ententeId,
          action: "identity.address.register",
          entity: "registered_address",
          entityId: input.email,
          after: record,
        });
        return { added: record };
      });
    },
    removeAddress(ententeId, before, actor) {
      return db.transaction().execute(async (trx) => {
        await trx.deleteFrom("registered_address").where("email", "=", before.email).execute();
        await recordAudit(trx, {
          actor,
          ententeId,
          action: "identity.address.remove",
          entity: "registered_address",
          entityId: before.email,
          before,
        });
      });
    },
  };
}

import type { Kysely } from "kysely";
import { recordAudit } from "../../platform/db/record-audit.ts";
import type { Clock } from "../../shared/clock.ts";
import type { MemberDomainStore } from "../app/admin/identity-admin-ports.ts";
import type { MemberDomainRecord } from "../domain/email-ownership.ts";
import type { IdentityDatabase } from "./tables.ts";

async function selectDomains(
  db: Kysely<IdentityDatabase>,
  ententeId: string,
  filter: { readonly memberId: string | null; readonly domain: string | null },
): Promise<MemberDomainRecord[]> {
  let query = db
    .selectFrom("member_email_domain as d")
    .innerJoin("member as m", (j) =>
      j.onRef("m.entente_id", "=", "d.entente_id").onRef("m.id", "=", "d.member_id"),
    )
    .select(["d.domain", "d.entente_id", "d.member_id", "m.name as member_name", "d.source_id"])
    .where("d.entente_id", "=", ententeId);
  if (filter.memberId !== null) query = query.where("d.member_id", "=", filter.memberId);
  if (filter.domain !== null) query = query.where("d.domain", "=", filter.domain);
  const rows = await query.orderBy("m.position").orderBy("d.domain").execute();
  return rows.map((r) => ({
    domain: r.domain,
    ententeId: r.entente_id,
    memberId: r.member_id,
    memberName: r.member_name,
    sourceId: r.source_id,
  }));
}

/**
 * Members' email domains (`MemberDomainStore`) in `member_email_domain`, stored as given (the
 * rules normalise them first). A domain is unique across the instance: adding a taken one writes
 * nothing and names its owner. Every write is one transaction with its audit event.
 */
export function createMemberDomainStore(
  db: Kysely<IdentityDatabase>,
  options: { readonly clock?: Clock } = {},
): MemberDomainStore {
  const clock = options.clock ?? { now: () => new Date() };
  return {
    listDomains: (ententeId, memberId) => selectDomains(db, ententeId, { memberId, domain: null }),
    findDomain: async (ententeId, domain) =>
      (await selectDomains(db, ententeId, { memberId: null, domain }))[0] ?? null,
    addDomain(ententeId, input, actor) {
      return db.transaction().execute(async (trx) => {
        const inserted = await trx
          .insertInto("member_email_domain")
          .values({
            domain: input.domain,
            entente_id: ententeId,
            member_id: input.memberId,
            source_id: input.sourceId,
            created_at: clock.now(),
          })
          .onConflict((oc) => oc.column("domain").doNothing())
          .returning("domain")
          .executeTakeFirst();
        if (inserted === undefined) {
          const owner = await trx
            .selectFrom("member_email_domain as d")
            .innerJoin("member as m", (j) =>
              j.onRef("m.entente_id", "=", "d.entente_id").onRef("m.id", "=", "d.member_id"),
            )
            .select(["m.name", "d.entente_id"])
            .where("d.domain", "=", input.domain)
            .executeTakeFirstOrThrow();
          return { takenBy: { ententeId: owner.entente_id, memberName: owner.name } };
        }
        const [added] = await selectDomains(trx, ententeId, { memberId: null, domain: input.domain });
        const record = added as MemberDomainRecord;
        await recordAudit(trx, {
          actor,
          ententeId,
          action: "identity.domain.add",
          entity: "member_email_domain",
          entityId: input.domain,
          after: record,
        });
        return { added: record };
      });
    },
    removeDomain(ententeId, before, actor) {
      return db.transaction().execute(async (trx) => {
        await trx.deleteFrom("member_email_domain").where("domain", "=", before.domain).execute();
        await recordAudit(trx, {
          actor,
          ententeId,
          action: "identity.domain.remove",
          entity: "member_email_domain",
          entityId: before.domain,
          before,
        });
      });
    },
  };
}

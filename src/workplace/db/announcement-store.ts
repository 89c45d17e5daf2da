import { randomUUID } from "node:crypto";
import type { Kysely, Selectable } from "kysely";
import { recordAudit } from "../../platform/db/record-audit.ts";
import type { Actor } from "../../shared/actor.ts";
import type { AnnouncementStore } from "../app/portal-ports.ts";
import type { Announcement } from "../domain/announcement.ts";
import type { WorkplaceAnnouncementTable, WorkplaceDatabase } from "./tables.ts";

const toAnnouncement = (row: Selectable<WorkplaceAnnouncementTable>): Announcement => ({
  id: row.id,
  ententeId: row.entente_id,
  authorMemberId: row.author_member_id,
  title: row.title,
  body: row.body,
  shownFrom: row.shown_from,
  shownUntil: row.shown_until,
  memberIds: row.member_ids,
  roles: row.roles,
  groups: row.groups,
  requiresAck: row.requires_ack,
  createdBy: row.created_by,
  createdAt: row.created_at,
});

const json = (value: readonly string[] | null) => (value === null ? null : JSON.stringify(value));

/** Announcements and their acknowledgements on `workplace_announcement*`. */
const ENTITY = "workplace_announcement";
/** As finance (src/finance/app/actor-of.ts): the audit trail names people by their email. */
const actorOf = (email: string): Actor => ({ id: email, label: email });

export function createAnnouncementStore(db: Kysely<WorkplaceDatabase>, now: () => Date): AnnouncementStore {
  return {
    async list(ententeId) {
      const rows = await db
        .selectFrom("workplace_announcement")
        .selectAll()
        .where("entente_id", "=", ententeId)
        .orderBy("shown_from", "desc")
        .orderBy("created_at", "desc")
        .orderBy("id")
        .execute();
      return rows.map(toAnnouncement);
    },
    async find(ententeId, id) {
      const row = await db
        .selectFrom("workplace_announcement")
        .selectAll()
        .where("entente_id", "=", ententeId)
        .where("id", "=", id)
        .executeTakeFirst();
      return row === undefined ? null : toAnnouncement(row);
    },
    async create(ententeId, f, author) {
      // The change and its audit event in one transaction: both or neither.
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto("workplace_announcement")
          .values({
            id: randomUUID(),
            entente_id: ententeId,
            author_member_id: author.memberId,
            title: f.title,
            body: f.body,
            shown_from: f.shownFrom,
            shown_until: f.shownUntil,
            member_ids: json(f.memberIds),
            roles: json(f.roles),
            groups: json(f.groups),
            requires_ack: f.requiresAck,
            created_by: author.label,
            created_at: now(),
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        const created = toAnnouncement(row);
        await recordAudit(trx, {
          actor: actorOf(author.label),
          ententeId,
          action: "create",
          entity: ENTITY,
          entityId: created.id,
          after: f,
        });
        return created;
      });
    },
    async remove(ententeId, id, actor) {
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .deleteFrom("workplace_announcement")
          .where("entente_id", "=", ententeId)
          .where("id", "=", id)
          .returningAll()
          .executeTakeFirst();
        if (row === undefined) return false;
        await recordAudit(trx, {
          actor,
          ententeId,
          action: "delete",
          entity: ENTITY,
          entityId: id,
          before: toAnnouncement(row),
        });
        return true;
      });
    },
    ...createAcknowledgementQueries(db),
  };
}

/** The acknowledgements' half of the store. */
function createAcknowledgementQueries(
  db: Kysely<WorkplaceDatabase>,
): Pick<AnnouncementStore, "acknowledge" | "acknowledgements" | "acknowledgedBy"> {
  return {
    async acknowledge(announcementId, ack) {
      await db
        .insertInto("workplace_announcement_ack")
        .values({
          announcement_id: announcementId,
          sub: ack.sub,
          member_id: ack.memberId,
          display_name: ack.displayName,
          email: ack.email,
          acknowledged_at: ack.acknowledgedAt,
        })
        .onConflict((oc) => oc.columns(["announcement_id", "sub"]).doNothing())
        .execute();
    },
    async acknowledgements(announcementId) {
      const rows = await db
        .selectFrom("workplace_announcement_ack")
        .selectAll()
        .where("announcement_id", "=", announcementId)
        .orderBy("acknowledged_at")
        .orderBy("sub")
        .execute();
      return rows.map((r) => ({
        sub: r.sub,
        memberId: r.member_id,
        displayName: r.display_name,
        email: r.email,
        acknowledgedAt: r.acknowledged_at,
      }));
    },
    async acknowledgedBy(announcementIds, sub) {
      if (announcementIds.length === 0) return new Set();
      const rows = await db
        .selectFrom("workplace_announcement_ack")
        .select("announcement_id")
        .where("announcement_id", "in", [...announcementIds])
        .where("sub", "=", sub)
        .execute();
      return new Set(rows.map((r) => r.announcement_id));
    },
  };
}

import type { Kysely } from "kysely";
import { recordAudit } from "../../platform/db/record-audit.ts";
import type { Actor } from "../../shared/actor.ts";
import type { PortalSession, PortalStore } from "../app/portal-ports.ts";
import type { WorkplaceDatabase } from "./tables.ts";

/** The portal's set-up, sessions and preferences on `workplace_portal*` tables. */
export function createPortalStore(db: Kysely<WorkplaceDatabase>): PortalStore {
  return {
    async portalClientOf(ententeId) {
      const row = await db
        .selectFrom("workplace_portal")
        .select("client_id")
        .where("entente_id", "=", ententeId)
        .executeTakeFirst();
      return row?.client_id ?? null;
    },
    async listPortals() {
      const rows = await db
        .selectFrom("workplace_portal")
        .select(["entente_id", "client_id"])
        .orderBy("entente_id")
        .execute();
      return rows.map((row) => ({ ententeId: row.entente_id, clientId: row.client_id }));
    },
    setPortalClient: (ententeId, clientId, actor) => setPortalClient(db, ententeId, clientId, actor),
    async createSession(idHash, s, expiresAt) {
      await db
        .insertInto("workplace_portal_session")
        .values({
          id_hash: idHash,
          entente_id: s.ententeId,
          sub: s.sub,
          member_id: s.memberId,
          role: s.role,
          groups: JSON.stringify(s.groups),
          display_name: s.displayName,
          email: s.email,
          id_token: s.idToken,
          sid: s.sid,
          csrf_token: s.csrfToken,
          expires_at: expiresAt,
        })
        .execute();
      // Expired sessions go when a new one is made (no timer, any node).
      await db.deleteFrom("workplace_portal_session").where("expires_at", "<=", new Date()).execute();
    },
    async findSession(idHash, now): Promise<PortalSession | null> {
      const row = await db
        .selectFrom("workplace_portal_session")
        .selectAll()
        .where("id_hash", "=", idHash)
        .where("expires_at", ">", now)
        .executeTakeFirst();
      if (row === undefined) return null;
      return {
        ententeId: row.entente_id,
        sub: row.sub,
        memberId: row.member_id,
        role: row.role,
        groups: row.groups,
        displayName: row.display_name,
        email: row.email,
        idToken: row.id_token,
        sid: row.sid,
        csrfToken: row.csrf_token,
      };
    },
    async deleteSession(idHash) {
      await db.deleteFrom("workplace_portal_session").where("id_hash", "=", idHash).execute();
    },
    async endSessions(ententeId, by) {
      const result = await db
        .deleteFrom("workplace_portal_session")
        .where("entente_id", "=", ententeId)
        .where((eb) => ("sid" in by ? eb("sid", "=", by.sid) : eb("sub", "=", by.sub)))
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    ...createPreferenceQueries(db),
  };
}

/** The preferences' half of the store. */
function createPreferenceQueries(
  db: Kysely<WorkplaceDatabase>,
): Pick<PortalStore, "preferencesOf" | "savePreferences"> {
  return {
    async preferencesOf(ententeId, sub) {
      const row = await db
        .selectFrom("workplace_portal_preference")
        .select(["pinned", "open_in_new_tab"])
        .where("entente_id", "=", ententeId)
        .where("sub", "=", sub)
        .executeTakeFirst();
      return { pinned: row?.pinned ?? [], openInNewTab: row?.open_in_new_tab ?? false };
    },
    async savePreferences(ententeId, sub, preferences) {
      const values = {
        pinned: JSON.stringify(preferences.pinned),
        open_in_new_tab: preferences.openInNewTab,
      };
      await db
        .insertInto("workplace_portal_preference")
        .values({ entente_id: ententeId, sub, ...values })
        .onConflict((oc) => oc.columns(["entente_id", "sub"]).doUpdateSet(values))
        .execute();
    },
  };
}

/** Designates the portal's client and records it (`designate-portal`) in one transaction. */
async function setPortalClient(
  db: Kysely<WorkplaceDatabase>,
  ententeId: string,
  clientId: string,
  actor: Actor,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom("workplace_portal")
      .select("client_id")
      .where("entente_id", "=", ententeId)
      .executeTakeFirst();
    await trx
      .insertInto("workplace_portal")
      .values({ entente_id: ententeId, client_id: clientId })
      .onConflict((oc) => oc.column("entente_id").doUpdateSet({ client_id: clientId }))
      .execute();
    await recordAudit(trx, {
      actor,
      ententeId,
      action: "designate-portal",
      entity: "workplace_portal",
      entityId: ententeId,
      before: before === undefined ? null : { clientId: before.client_id },
      after: { clientId },
    });
  });
}

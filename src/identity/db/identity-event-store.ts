import type { Kysely, Selectable } from "kysely";
import type { IdentityEventReader } from "../app/admin/identity-admin-ports.ts";
import type { IdentityEventLog } from "../app/ports.ts";
import type { IdentityEvent, IdentityEventEntry, IdentityEventKind } from "../domain/identity-event.ts";
import type { IdentityDatabase, IdentityEventTable } from "./tables.ts";

function toEntry(row: Selectable<IdentityEventTable>): IdentityEventEntry {
  return {
    id: String(row.id),
    kind: row.kind as IdentityEventKind,
    at: row.at,
    ententeId: row.entente_id,
    sub: row.sub,
    memberId: row.member_id,
    clientId: row.client_id,
    sourceId: row.source_id,
    code: row.code,
    requestId: row.request_id,
    ip: row.ip,
    details: row.details as IdentityEvent["details"],
  };
}

/**
 * The identity audit log (sign-ins, refusals, failures, logouts, second factor, key rotation):
 * `IdentityEventLog` (append) and `IdentityEventReader` (the console's paged list). Events are
 * never updated nor deleted here. Pages are newest first, keyed on (`at`, `id`) so that a page
 * boundary never skips nor repeats an event; `limit` is clamped to 1…200.
 */
export function createIdentityEventStore(
  db: Kysely<IdentityDatabase>,
): IdentityEventLog & IdentityEventReader {
  return {
    async record(event) {
      await db
        .insertInto("identity_event")
        .values({
          kind: event.kind,
          at: event.at,
          entente_id: event.ententeId,
          sub: event.sub,
          member_id: event.memberId,
          client_id: event.clientId,
          source_id: event.sourceId,
          code: event.code,
          request_id: event.requestId,
          ip: event.ip,
          details: JSON.stringify(event.details),
        })
        .execute();
    },

    async listEvents(ententeId, q) {
      const limit = Math.min(Math.max(Math.trunc(q.limit), 1), 200);
      let query = db.selectFrom("identity_event").selectAll().where("entente_id", "=", ententeId);
      if (q.kind !== null) query = query.where("kind", "=", q.kind);
      if (q.memberId !== null) query = query.where("member_id", "=", q.memberId);
      if (q.sub !== null) query = query.where("sub", "=", q.sub);
      if (q.clientId !== null) query = query.where("client_id", "=", q.clientId);
      if (q.from !== null) query = query.where("at", ">=", q.from);
      if (q.to !== null) query = query.where("at", "<", q.to);
      if (q.before !== null && /^\d{1,18}$/u.test(q.before)) {
        const cursor = await db
          .selectFrom("identity_event")
          .select(["at", "id"])
          .where("id", "=", BigInt(q.before))
          // Another entente's event is no cursor: it answers as an unknown id (no timestamp oracle).
          .where("entente_id", "=", ententeId)
          .executeTakeFirst();
        if (cursor !== undefined) {
          query = query.where((eb) =>
            eb.or([eb("at", "<", cursor.at), eb.and([eb("at", "=", cursor.at), eb("id", "<", cursor.id)])]),
          );
        }
      }
      const rows = await query
        .orderBy("at", "desc")
        .orderBy("id", "desc")
        .limit(limit + 1)
        .execute();
      const events = rows.slice(0, limit).map(toEntry);
      return { events, nextBefore: rows.length > limit ? (events.at(-1)?.id ?? null) : null };
    },
  };
}

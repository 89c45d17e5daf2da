import { randomUUID } from "node:crypto";
import { type Kysely, type Selectable, sql } from "kysely";
import { recordAudit } from "../../platform/db/record-audit.ts";
import type { Actor } from "../../shared/actor.ts";
import { localized } from "../../shared/errors.ts";
import type { IncidentStore } from "../app/status-ports.ts";
import type { Impact, Incident, IncidentFields, IncidentKind, IncidentUpdate } from "../domain/incident.ts";
import { EntenteError } from "../errors.ts";
import type { WorkplaceIncidentTable } from "./status-tables.ts";
import type { WorkplaceDatabase } from "./tables.ts";

function toIncident(row: Selectable<WorkplaceIncidentTable>, updates: readonly IncidentUpdate[]): Incident {
  return {
    id: row.id,
    ententeId: row.entente_id,
    kind: row.kind as IncidentKind,
    title: row.title,
    impact: row.impact as Impact,
    status: row.status,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    clientIds: row.client_ids,
    memberIds: row.member_ids,
    createdAt: row.created_at,
    updates,
    rowVersion: row.row_version,
  };
}

const INCIDENT = localized("l'incident", "the incident");

/** Incidents and their timelines in `workplace_incident` and `workplace_incident_update`; writes are audited. */
export function createIncidentStore(db: Kysely<WorkplaceDatabase>): IncidentStore {
  const withUpdates = async (rows: Selectable<WorkplaceIncidentTable>[]): Promise<Incident[]> => {
    if (rows.length === 0) return [];
    const updates = await db
      .selectFrom("workplace_incident_update")
      .selectAll()
      .where(
        "incident_id",
        "in",
        rows.map((r) => r.id),
      )
      .orderBy("at", "desc")
      .orderBy("id", "desc")
      .execute();
    return rows.map((row) =>
      toIncident(
        row,
        updates
          .filter((u) => u.incident_id === row.id)
          .map((u) => ({ at: u.at, status: u.status, message: u.message, author: u.author })),
      ),
    );
  };
  const find = async (ententeId: string, id: string) => {
    const row = await db
      .selectFrom("workplace_incident")
      .selectAll()
      .where("entente_id", "=", ententeId)
      .where("id", "=", id)
      .executeTakeFirst();
    return row === undefined ? null : ((await withUpdates([row]))[0] ?? null);
  };
  return {
    async list(ententeId, since) {
      const rows = await db
        .selectFrom("workplace_incident")
        .selectAll()
        .where("entente_id", "=", ententeId)
        .where((eb) => eb.or([eb("ends_at", "is", null), eb("ends_at", ">=", since)]))
        .orderBy("starts_at", "desc")
        .orderBy("id")
        .limit(200)
        .execute();
      return withUpdates(rows);
    },
    find,
    create: (ententeId, fields, first, now, actor) =>
      createIncident(db, find, { ententeId, fields, first, now, actor }),
    addUpdate: (ententeId, id, update, endsAt, expectedVersion, actor) =>
      addUpdate(db, find, { ententeId, id, update, endsAt, expectedVersion, actor }),
  };
}

type Finder = (ententeId: string, id: string) => Promise<Incident | null>;

/** Inserts an incident with its first update and its audit event, in one transaction. */
async function createIncident(
  db: Kysely<WorkplaceDatabase>,
  find: Finder,
  a: {
    ententeId: string;
    fields: IncidentFields;
    first: IncidentUpdate;
    now: Date;
    actor: Actor;
  },
): Promise<Incident> {
  const { ententeId, fields, first, now, actor } = a;
  const id = randomUUID();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("workplace_incident")
      .values({
        id,
        entente_id: ententeId,
        kind: fields.kind,
        title: fields.title,
        impact: fields.impact,
        status: fields.status,
        starts_at: fields.startsAt,
        ends_at: fields.endsAt,
        client_ids: JSON.stringify(fields.clientIds),
        member_ids: JSON.stringify(fields.memberIds),
        created_at: now,
      })
      .execute();
    await trx
      .insertInto("workplace_incident_update")
      .values({ incident_id: id, ...first })
      .execute();
    await recordAudit(trx, {
      actor,
      ententeId,
      action: "create",
      entity: "workplace_incident",
      entityId: id,
      after: fields,
    });
  });
  const created = await find(ententeId, id);
  if (created === null) throw new EntenteError("workplace.not_found", { what: "incident", id });
  return created;
}

/** Adds an update if the incident's version is still `expectedVersion`, with its audit event. */
async function addUpdate(
  db: Kysely<WorkplaceDatabase>,
  find: Finder,
  a: {
    ententeId: string;
    id: string;
    update: IncidentUpdate;
    endsAt: Date | null | undefined;
    expectedVersion: number;
    actor: Actor;
  },
): Promise<Incident> {
  const { ententeId, id, update, endsAt, expectedVersion, actor } = a;
  await db.transaction().execute(async (trx) => {
    const changed = await trx
      .updateTable("workplace_incident")
      .set({
        status: update.status,
        row_version: sql`row_version + 1`,
        ...(endsAt === undefined ? {} : { ends_at: endsAt }),
      })
      .where("entente_id", "=", ententeId)
      .where("id", "=", id)
      .where("row_version", "=", expectedVersion)
      .executeTakeFirst();
    if (changed.numUpdatedRows === 0n) {
      const row = await trx
        .selectFrom("workplace_incident")
        .select("row_version")
        .where("entente_id", "=", ententeId)
        .where("id", "=", id)
        .executeTakeFirst();
      if (row === undefined) throw new EntenteError("workplace.not_found", { what: "incident", id });
      throw new EntenteError("conflict.stale_version", {
        what: INCIDENT,
        expected: expectedVersion,
        actual: row.row_version,
      });
    }
    await trx
      .insertInto("workplace_incident_update")
      .values({ incident_id: id, ...update })
      .execute();
    await recordAudit(trx, {
      actor,
      ententeId,
      action: "update",
      entity: "workplace_incident",
      entityId: id,
      after: update,
    });
  });
  const updated = await find(ententeId, id);
  if (updated === null) throw new EntenteError("workplace.not_found", { what: "incident", id });
  return updated;
}

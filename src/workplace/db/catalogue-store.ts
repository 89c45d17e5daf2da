import type { Kysely, Selectable, Transaction } from "kysely";
import { recordAudit } from "../../platform/db/record-audit.ts";
import { runVersionedUpdate } from "../../platform/db/versioned-update.ts";
import { localized } from "../../shared/errors.ts";
import type { CatalogueStore } from "../app/ports.ts";
import type { CatalogueEntry, CatalogueFields, Maturity, ServiceKind } from "../domain/catalogue-entry.ts";
import { EntenteError } from "../errors.ts";
import type { WorkplaceDatabase, WorkplaceServiceTable } from "./tables.ts";

type Row = Omit<Selectable<WorkplaceServiceTable>, "logo"> & { name: string; enabled: boolean };

const COLUMNS = [
  "s.client_id",
  "s.entente_id",
  "s.kind",
  "s.description",
  "s.url",
  "s.maturity",
  "s.documentation_url",
  "s.support_url",
  "s.display_order",
  "s.logo_type",
  "s.service_key_hash",
  "s.row_version",
  "s.created_at",
  "c.name",
  "c.enabled",
] as const;

function toEntry(row: Row): CatalogueEntry {
  return {
    clientId: row.client_id,
    ententeId: row.entente_id,
    name: row.name,
    enabled: row.enabled,
    kind: row.kind as ServiceKind,
    description: row.description,
    url: row.url,
    maturity: row.maturity as Maturity,
    documentationUrl: row.documentation_url,
    supportUrl: row.support_url,
    displayOrder: row.display_order,
    logoType: row.logo_type,
    hasServiceKey: row.service_key_hash !== null,
    rowVersion: row.row_version,
  };
}

const columnsOf = (fields: CatalogueFields) => ({
  kind: fields.kind,
  description: fields.description,
  url: fields.url,
  maturity: fields.maturity,
  documentation_url: fields.documentationUrl,
  support_url: fields.supportUrl,
  display_order: fields.displayOrder,
});

const SERVICE = localized("le service", "the service");

type Db = Kysely<WorkplaceDatabase>;
type AuditActor = { readonly id: string; readonly label: string };

const selectEntries = (db: Db | Transaction<WorkplaceDatabase>) =>
  db
    .selectFrom("workplace_service as s")
    .innerJoin("service_client as c", "c.client_id", "s.client_id")
    .select(COLUMNS);

async function findEntry(db: Db | Transaction<WorkplaceDatabase>, ententeId: string, clientId: string) {
  const row = await selectEntries(db)
    .where("s.entente_id", "=", ententeId)
    .where("s.client_id", "=", clientId)
    .executeTakeFirst();
  return row === undefined ? null : toEntry(row);
}

async function createEntry(
  db: Db,
  ententeId: string,
  clientId: string,
  fields: CatalogueFields,
  actor: AuditActor,
) {
  await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto("workplace_service")
      .values({ client_id: clientId, entente_id: ententeId, ...columnsOf(fields) })
      .onConflict((oc) => oc.column("client_id").doNothing())
      .executeTakeFirst();
    if (inserted.numInsertedOrUpdatedRows === 0n) {
      throw new EntenteError("workplace.already_in_catalogue", { id: clientId });
    }
    await recordAudit(trx, {
      actor,
      ententeId,
      action: "create",
      entity: "workplace_service",
      entityId: clientId,
      after: fields,
    });
  });
  const created = await findEntry(db, ententeId, clientId);
  if (created === null) throw new EntenteError("workplace.not_found", { what: "service", id: clientId });
  return created;
}

function updateEntry(
  db: Db,
  key: { readonly ententeId: string; readonly clientId: string },
  fields: CatalogueFields,
  expectedVersion: number,
  actor: AuditActor,
) {
  return runVersionedUpdate(db, {
    what: SERVICE,
    id: key.clientId,
    expectedVersion,
    audit: { actor, ententeId: key.ententeId, entity: "workplace_service" },
    load: async (trx) => (await findEntry(trx, key.ententeId, key.clientId)) ?? undefined,
    update: async (trx) =>
      (
        await trx
          .updateTable("workplace_service")
          .set({ ...columnsOf(fields), row_version: expectedVersion + 1 })
          .where("client_id", "=", key.clientId)
          .where("row_version", "=", expectedVersion)
          .executeTakeFirst()
      ).numUpdatedRows,
  });
}

/** Updates one entry's columns (logo, key hash) and records `action`. @throws `workplace.not_found`. */
async function setColumns(
  db: Db,
  key: { readonly ententeId: string; readonly clientId: string },
  set: { logo?: Uint8Array | null; logo_type?: string | null; service_key_hash?: string },
  audit: { readonly action: string; readonly actor: AuditActor; readonly after: unknown },
) {
  await db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable("workplace_service")
      .set((eb) => ({ ...set, row_version: eb("row_version", "+", 1) }))
      .where("entente_id", "=", key.ententeId)
      .where("client_id", "=", key.clientId)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n)
      throw new EntenteError("workplace.not_found", { what: "service", id: key.clientId });
    await recordAudit(trx, {
      actor: audit.actor,
      ententeId: key.ententeId,
      action: audit.action,
      entity: "workplace_service",
      entityId: key.clientId,
      after: audit.after,
    });
  });
}

async function logoOf(db: Db, clientId: string) {
  const row = await db
    .selectFrom("workplace_service as s")
    .innerJoin("service_client as c", "c.client_id", "s.client_id")
    .select(["c.name", "s.logo", "s.logo_type"])
    .where("s.client_id", "=", clientId)
    .executeTakeFirst();
  if (row === undefined) return null;
  const logo = row.logo === null || row.logo_type === null ? null : { bytes: row.logo, type: row.logo_type };
  return { name: row.name, logo };
}

/**
 * The catalogue in `workplace_service`, joined with identity's `service_client` (read only) for
 * the name and the enabled flag: one object, the catalogue entry adding to the client. Writes
 * record an audit event in their transaction; the logo bytes and the key hash never go to the
 * audit trail. Changing the logo bumps the row version (the logo's address changes with it).
 */
export function createCatalogueStore(db: Db): CatalogueStore {
  return {
    list: async (ententeId) =>
      (await selectEntries(db).where("s.entente_id", "=", ententeId).execute()).map(toEntry),
    find: (ententeId, clientId) => findEntry(db, ententeId, clientId),
    async findClient(ententeId, clientId) {
      const row = await db
        .selectFrom("service_client")
        .select("name")
        .where("entente_id", "=", ententeId)
        .where("client_id", "=", clientId)
        .executeTakeFirst();
      return row ?? null;
    },
    create: (ententeId, clientId, fields, actor) => createEntry(db, ententeId, clientId, fields, actor),
    update: (ententeId, clientId, fields, expectedVersion, actor) =>
      updateEntry(db, { ententeId, clientId }, fields, expectedVersion, actor),
    setLogo: (ententeId, clientId, logo, actor) =>
      setColumns(
        db,
        { ententeId, clientId },
        { logo: logo?.bytes ?? null, logo_type: logo?.type ?? null },
        {
          action: "set-logo",
          actor,
          after: { logoType: logo?.type ?? null, bytes: logo?.bytes.length ?? 0 },
        },
      ),
    logoOf: (clientId) => logoOf(db, clientId),
    setServiceKeyHash: (ententeId, clientId, hash, actor) =>
      setColumns(
        db,
        { ententeId, clientId },
        { service_key_hash: hash },
        { action: "rotate-service-key", actor, after: null },
      ),
    async findByServiceKeyHash(hash) {
      const row = await selectEntries(db).where("s.service_key_hash", "=", hash).executeTakeFirst();
      return row === undefined ? null : toEntry(row);
    },
  };
}

import { type Kysely, type Selectable, sql } from "kysely";
import { recordAudit } from "../../platform/db/record-audit.ts";
import type { ConnectorRecord } from "../app/connector.ts";
import type { ConnectorStore } from "../app/engine-ports.ts";
import type { ProvisioningConnectorTable, ProvisioningTables } from "./tables.ts";

/** Connectors on PostgreSQL/PGlite. */
export function createConnectorStore(db: Kysely<ProvisioningTables>): ConnectorStore {
  return {
    async list(ententeId) {
      const rows = await db
        .selectFrom("provisioning_connector")
        .selectAll()
        .where("entente_id", "=", ententeId)
        .orderBy("created_at")
        .orderBy("id")
        .execute();
      return rows.map(toRecord);
    },
    async find(connectorId) {
      const row = await db
        .selectFrom("provisioning_connector")
        .selectAll()
        .where("id", "=", connectorId)
        .executeTakeFirst();
      return row === undefined ? null : toRecord(row);
    },
    async insert(record, at) {
      await db
        .insertInto("provisioning_connector")
        .values({
          id: record.id,
          entente_id: record.ententeId,
          kind: record.kind,
          label: record.label,
          client_id: record.clientId,
          settings: JSON.stringify(record.settings),
          secret: record.secret,
          member_ids: record.memberIds === null ? null : JSON.stringify(record.memberIds),
          enabled: record.enabled,
          created_at: at,
        })
        .execute();
    },
    remove: (ententeId, connectorId, actor, at) => removeConnector(db, ententeId, connectorId, actor, at),
    async unknownMembers(ententeId, memberIds) {
      if (memberIds.length === 0) return [];
      const { rows } = await sql<{ id: string }>`
        SELECT id FROM member WHERE entente_id = ${ententeId}
          AND id IN (${sql.join([...memberIds])})`.execute(db);
      const known = new Set(rows.map((r) => r.id));
      return [...new Set(memberIds)].filter((id) => !known.has(id));
    },
    async hasService(ententeId, clientId) {
      const { rows } = await sql<{ client_id: string }>`
        SELECT client_id FROM service_client WHERE entente_id = ${ententeId}
          AND client_id = ${clientId}`.execute(db);
      return rows.length > 0;
    },
  };
}

/**
 * The connector gone with its deliveries (pending ones included: the secretariat removes it, its
 * tool gets nothing more) and its resync jobs (both `ON DELETE CASCADE`), audited with the counts.
 */
function removeConnector(
  db: Kysely<ProvisioningTables>,
  ...[ententeId, connectorId, actor, at]: Parameters<ConnectorStore["remove"]>
) {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom("provisioning_connector")
      .select(["id", "kind", "label"])
      .where("id", "=", connectorId)
      .where("entente_id", "=", ententeId)
      .forUpdate()
      .executeTakeFirst();
    if (row === undefined) return null;
    const counts = await trx
      .selectFrom("provisioning_delivery")
      .select(["state", (eb) => eb.fn.countAll<string>().as("n")])
      .where("connector_id", "=", connectorId)
      .where("state", "in", ["pending", "failed"])
      .groupBy("state")
      .execute();
    const count = (state: string) => Number(counts.find((c) => c.state === state)?.n ?? 0);
    const dropped = { pending: count("pending"), failed: count("failed") };
    await trx.deleteFrom("provisioning_connector").where("id", "=", connectorId).execute();
    await recordAudit(trx, {
      actor,
      ententeId,
      action: "provisioning.connector.remove",
      entity: "provisioning_connector",
      entityId: connectorId,
      before: { kind: row.kind, label: row.label },
      after: { droppedDeliveries: dropped, at: at.toISOString() },
    });
    return dropped;
  });
}

function toRecord(row: Selectable<ProvisioningConnectorTable>): ConnectorRecord {
  return {
    id: row.id,
    ententeId: row.entente_id,
    kind: row.kind,
    label: row.label,
    clientId: row.client_id,
    settings: row.settings,
    secret: row.secret,
    memberIds: row.member_ids,
    enabled: row.enabled,
  };
}

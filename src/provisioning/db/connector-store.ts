import type { Kysely, Selectable } from "kysely";
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
  };
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

import { type Kysely, sql } from "kysely";
import type { UsageStore } from "../app/ports.ts";
import type { WorkplaceDatabase } from "./tables.ts";

/** Usage reported by the services (`workplace_usage`), one row per report line. */
export function createUsageStore(db: Kysely<WorkplaceDatabase>): UsageStore {
  return {
    async record(lines, at) {
      if (lines.length === 0) return;
      await db
        .insertInto("workplace_usage")
        .values(
          lines.map((line) => ({
            client_id: line.clientId,
            entente_id: line.ententeId,
            member_id: line.memberId,
            account_type: line.accountType,
            account_id: line.accountId,
            account_email: line.accountEmail,
            metrics: JSON.stringify(line.metrics),
            reported_at: at,
          })),
        )
        .execute();
    },
    async latestStorageUsed(clientId, memberId, account) {
      let query = db
        .selectFrom("workplace_usage")
        .select(sql<string | null>`metrics ->> 'storage_used'`.as("used"))
        .where("client_id", "=", clientId)
        .where("member_id", "=", memberId)
        .where("account_type", "=", account === null ? "organization" : "user");
      if (account !== null) {
        query =
          "sub" in account
            ? query.where("account_id", "=", account.sub)
            : query.where((eb) => eb(eb.fn("lower", ["account_email"]), "=", account.email.toLowerCase()));
      }
      const row = await query.orderBy("reported_at", "desc").orderBy("id", "desc").executeTakeFirst();
      return row?.used == null ? null : Number(row.used);
    },
  };
}

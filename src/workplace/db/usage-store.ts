import { type Kysely, sql } from "kysely";
import type { UsageStore } from "../app/ports.ts";
import type { WorkplaceDatabase } from "./tables.ts";

/** Decimal text of a reported integer metric as an exact bigint (null: absent or not an integer). */
function integerOf(text: string | null): bigint | null {
  return text !== null && /^\d{1,30}$/.test(text) ? BigInt(text) : null;
}

/**
 * The measure of each member from its report rows, newest first: its latest organisation line,
 * else the sum of each account's latest line (an account: its id, else its email in lower case).
 */
export function measureOf(
  rows: readonly { member_id: string; account_type: string; account: string | null; used: string | null }[],
): Map<string, bigint> {
  const organisation = new Map<string, bigint>();
  const accounts = new Map<string, Map<string, bigint>>();
  for (const row of rows) {
    const value = integerOf(row.used);
    if (value === null) continue;
    if (row.account_type === "organization") {
      if (!organisation.has(row.member_id)) organisation.set(row.member_id, value);
      continue;
    }
    const byAccount = accounts.get(row.member_id) ?? new Map<string, bigint>();
    accounts.set(row.member_id, byAccount);
    const account = row.account ?? "";
    if (!byAccount.has(account)) byAccount.set(account, value);
  }
  const measured = new Map(organisation);
  for (const [member, byAccount] of accounts) {
    if (!measured.has(member))
      measured.set(
        member,
        [...byAccount.values()].reduce((a, b) => a + b, 0n),
      );
  }
  return measured;
}

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
    async measuredByMember(ententeId, clientId, metric, since, until) {
      const rows = await db
        .selectFrom("workplace_usage")
        .select([
          "member_id",
          "account_type",
          sql<string | null>`coalesce(account_id, lower(account_email))`.as("account"),
          sql<string | null>`metrics ->> ${metric}`.as("used"),
        ])
        .where("entente_id", "=", ententeId)
        .where("client_id", "=", clientId)
        .where("reported_at", ">=", since)
        .where("reported_at", "<", until)
        .orderBy("reported_at", "desc")
        .orderBy("id", "desc")
        .execute();
      return measureOf(rows);
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

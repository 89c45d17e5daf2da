import type { Kysely } from "kysely";
import type { AccountRecord, AccountStore } from "../app/ports.ts";
import type { AccessDatabase, AccountTable } from "./tables.ts";

type AccountRow = Omit<AccountTable, "id" | "created_at"> & {
  id: bigint;
  created_at: Date;
};

function toRecord(row: AccountRow): AccountRecord {
  return {
    id: String(row.id),
    email: row.email,
    displayName: row.display_name,
    passwordHash: row.password_hash,
    role: row.role,
    ententeId: row.entente_id,
    memberId: row.member_id,
    missionId: row.mission_id,
  };
}

/** Local accounts. Emails are stored and looked up lower-cased. */
export function createAccountStore(db: Kysely<AccessDatabase>): AccountStore {
  return {
    async findByEmail(email) {
      const row = await db
        .selectFrom("account")
        .selectAll()
        .where("email", "=", email.trim().toLowerCase())
        .executeTakeFirst();
      return row === undefined ? null : toRecord(row);
    },
    async findById(id) {
      if (!/^\d+$/.test(id)) return null;
      const row = await db.selectFrom("account").selectAll().where("id", "=", BigInt(id)).executeTakeFirst();
      return row === undefined ? null : toRecord(row);
    },
    async create(account) {
      const row = await db
        .insertInto("account")
        .values({
          email: account.email.trim().toLowerCase(),
          display_name: account.displayName,
          password_hash: account.passwordHash,
          role: account.role,
          entente_id: account.ententeId,
          member_id: account.memberId,
          mission_id: account.missionId,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toRecord(row);
    },
    async count() {
      const row = await db
        .selectFrom("account")
        .select((eb) => eb.fn.countAll<string>().as("n"))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}

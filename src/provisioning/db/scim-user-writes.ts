import type { Kysely } from "kysely";
import type { ScimStore } from "../app/ports.ts";
import { appendPersonChanges } from "./append-person-changes.ts";
import { foldUserName, isUuid, toUser, userColumns, withGroupsIn } from "./scim-user-rows.ts";
import type { ProvisioningTables } from "./tables.ts";

/**
 * The User writes of the SCIM store: each in one transaction with the person's provisioning
 * events, so that a change and its events are kept together or not at all. `userName` is unique
 * per member in its folded form (the table's unique key); `version` guards concurrent writes.
 */
export function createScimUserWrites(
  db: Kysely<ProvisioningTables>,
): Pick<ScimStore, "insertUser" | "updateUser" | "deleteUser"> {
  return {
    insertUser: (scope, id, user, changes) =>
      db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto("scim_user")
          .values({
            id,
            entente_id: scope.ententeId,
            member_id: scope.memberId,
            ...userColumns(user),
            created_at: user.at,
          })
          .onConflict((oc) => oc.columns(["entente_id", "member_id", "user_name_key"]).doNothing())
          .returningAll()
          .executeTakeFirst();
        if (row === undefined) return null;
        await appendPersonChanges(trx, scope, changes, user.at);
        return toUser(row, []);
      }),
    updateUser: (scope, id, version, user, changes) =>
      db.transaction().execute(async (trx) => {
        const clash = await trx
          .selectFrom("scim_user")
          .select("id")
          .where("entente_id", "=", scope.ententeId)
          .where("member_id", "=", scope.memberId)
          .where("user_name_key", "=", foldUserName(user.userName))
          .where("id", "<>", id)
          .executeTakeFirst();
        if (clash !== undefined) return "taken" as const;
        const row = await trx
          .updateTable("scim_user")
          .set({ ...userColumns(user), version: version + 1 })
          .where("id", "=", id)
          .where("entente_id", "=", scope.ententeId)
          .where("member_id", "=", scope.memberId)
          .where("version", "=", version)
          .returningAll()
          .executeTakeFirst();
        if (row === undefined)
          return (await trx.selectFrom("scim_user").select("id").where("id", "=", id).executeTakeFirst()) ===
            undefined
            ? null
            : ("stale" as const);
        await appendPersonChanges(trx, scope, changes, user.at);
        const [updated] = await withGroupsIn(trx, [row]);
        return updated ?? null;
      }),
    deleteUser: (scope, id, changes, at) =>
      db.transaction().execute(async (trx) => {
        if (!isUuid(id)) return false;
        const result = await trx
          .deleteFrom("scim_user")
          .where("id", "=", id)
          .where("entente_id", "=", scope.ententeId)
          .where("member_id", "=", scope.memberId)
          .executeTakeFirst();
        if (result.numDeletedRows === 0n) return false;
        await appendPersonChanges(trx, scope, changes, at);
        return true;
      }),
  };
}

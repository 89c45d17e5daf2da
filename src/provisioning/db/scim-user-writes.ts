import { type Kysely, type Selectable, sql } from "kysely";
import type { PersonChange, ScimScope, ScimStore, StoredUser, UserWrite } from "../app/ports.ts";
import { appendPersonChanges } from "./append-person-changes.ts";
import { foldUserName, isUuid, toUser, userColumns, withGroupsIn } from "./scim-user-rows.ts";
import type { ProvisioningTables, ScimUserTable } from "./tables.ts";

/**
 * The User writes of the SCIM store: each in one transaction with the person's provisioning
 * events, so that a change and its events are kept together or not at all. `userName` is unique
 * per member in its folded form, and so are `externalId` and the person (`sub`): the table's
 * unique keys (0080, 0179); `version` guards concurrent writes.
 */
export function createScimUserWrites(
  db: Kysely<ProvisioningTables>,
): Pick<ScimStore, "insertUser" | "updateUser" | "deleteUser"> {
  return {
    insertUser: (scope, id, user, changes) => insertUser(db, scope, id, user, changes),
    updateUser: (scope, id, version, user, changes) =>
      db.transaction().execute(async (trx) => {
        const clash = await trx
          .selectFrom("scim_user")
          .select("id")
          .where("entente_id", "=", scope.ententeId)
          .where("member_id", "=", scope.memberId)
          .where((eb) =>
            eb.or([
              eb("user_name_key", "=", foldUserName(user.userName)),
              ...(user.externalId === null ? [] : [eb("external_id", "=", user.externalId)]),
              ...(user.sub === null ? [] : [eb("sub", "=", user.sub)]),
            ]),
          )
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

/**
 * A new User with the person's changes. A create's one change (issue 12, performance): the User,
 * its event and the event's deliveries in one statement, atomic without a transaction's two round
 * trips; a userName already taken (another create at the same time) inserts nothing of the three.
 * Several changes, or a change that catalogued services govern: one transaction, the events in
 * their order (`appendPersonChanges`).
 */
async function insertUser(
  db: Kysely<ProvisioningTables>,
  scope: ScimScope,
  id: string,
  user: UserWrite,
  changes: readonly PersonChange[],
): Promise<StoredUser | null> {
  const insert = db
    .insertInto("scim_user")
    .values({
      id,
      entente_id: scope.ententeId,
      member_id: scope.memberId,
      ...userColumns(user),
      created_at: user.at,
    })
    .onConflict((oc) => oc.doNothing()) // userName, externalId or person taken (0080, 0179)
    .returningAll();
  const [change, ...more] = changes;
  // Governed services (subscriptions) read and write the ledger: the transaction's path.
  if (change === undefined || more.length > 0 || (change.services?.length ?? 0) > 0)
    return db.transaction().execute(async (trx) => {
      const row = await trx.executeQuery(insert.compile()).then((r) => r.rows[0]);
      if (row === undefined) return null;
      await appendPersonChanges(trx, scope, changes, user.at);
      return toUser(row, []);
    });
  const { rows } = await sql<Selectable<ScimUserTable>>`
    WITH u AS (${insert}),
    event AS (
      INSERT INTO provisioning_event (entente_id, member_id, sub, kind, payload, created_at)
      SELECT u.entente_id, u.member_id, ${change.sub}, ${change.kind},
        ${JSON.stringify(change.payload)}::jsonb, ${user.at}::timestamptz
      FROM u
      RETURNING id),
    delivery AS (
      INSERT INTO provisioning_delivery (event_id, connector_id, sub, state, next_attempt_at)
      SELECT event.id, c.id, ${change.sub}, 'pending', ${user.at}::timestamptz
      FROM event, provisioning_connector c
      WHERE c.entente_id = ${scope.ententeId} AND c.enabled
        AND (c.member_ids IS NULL OR c.member_ids ? ${scope.memberId}))
    SELECT * FROM u`.execute(db);
  const [row] = rows;
  return row === undefined ? null : toUser(row, []);
}

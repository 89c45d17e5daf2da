import type { Kysely, Selectable } from "kysely";
import type { GroupWrite, ResourceRef, ScimScope, ScimStore, StoredGroup } from "../app/ports.ts";
import { isUuid } from "./scim-user-rows.ts";
import type { ProvisioningTables, ScimGroupTable } from "./tables.ts";

type GroupQueries = Pick<
  ScimStore,
  "findGroup" | "findGroupsBy" | "listGroups" | "insertGroup" | "updateGroup" | "deleteGroup"
>;

/** The Groups part of the SCIM store (see createScimStore), limited to the scope's member. */
export function createScimGroupQueries(db: Kysely<ProvisioningTables>): GroupQueries {
  const groups = (scope: ScimScope) =>
    db
      .selectFrom("scim_group")
      .selectAll()
      .where("entente_id", "=", scope.ententeId)
      .where("member_id", "=", scope.memberId);
  return {
    async findGroup(scope, id) {
      if (!isUuid(id)) return null;
      const [group] = await withMembers(db, await groups(scope).where("id", "=", id).execute());
      return group ?? null;
    },
    async findGroupsBy(scope, attribute, value) {
      if (attribute === "id" && !isUuid(value)) return [];
      const column = ({ displayName: "display_name", externalId: "external_id", id: "id" } as const)[
        attribute
      ];
      return withMembers(
        db,
        await groups(scope).where(column, "=", value).orderBy("created_at").orderBy("id").execute(),
      );
    },
    listGroups: async (scope) =>
      withMembers(db, await groups(scope).orderBy("created_at").orderBy("id").execute()),
    insertGroup: (scope, id, group) =>
      db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto("scim_group")
          .values({
            id,
            entente_id: scope.ententeId,
            member_id: scope.memberId,
            ...groupColumns(group),
            created_at: group.at,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await writeMembers(trx, id, group.memberIds);
        const [stored] = await withMembers(trx, [row]);
        return stored as StoredGroup;
      }),
    updateGroup: (scope, id, version, group) =>
      db.transaction().execute(async (trx) => {
        const row = await trx
          .updateTable("scim_group")
          .set({ ...groupColumns(group), version: version + 1 })
          .where("id", "=", id)
          .where("entente_id", "=", scope.ententeId)
          .where("member_id", "=", scope.memberId)
          .where("version", "=", version)
          .returningAll()
          .executeTakeFirst();
        if (row === undefined) {
          const exists = await trx
            .selectFrom("scim_group")
            .select("id")
            .where("id", "=", id)
            .executeTakeFirst();
          return exists === undefined ? null : "stale";
        }
        await trx.deleteFrom("scim_group_member").where("group_id", "=", id).execute();
        await writeMembers(trx, id, group.memberIds);
        const [stored] = await withMembers(trx, [row]);
        return stored ?? null;
      }),
    async deleteGroup(scope, id) {
      if (!isUuid(id)) return false;
      const result = await db
        .deleteFrom("scim_group")
        .where("id", "=", id)
        .where("entente_id", "=", scope.ententeId)
        .where("member_id", "=", scope.memberId)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}

async function writeMembers(trx: Kysely<ProvisioningTables>, groupId: string, userIds: readonly string[]) {
  if (userIds.length === 0) return;
  await trx
    .insertInto("scim_group_member")
    .values(userIds.map((userId) => ({ group_id: groupId, user_id: userId })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

async function withMembers(
  db: Kysely<ProvisioningTables>,
  rows: Selectable<ScimGroupTable>[],
): Promise<StoredGroup[]> {
  const ids = rows.map((r) => r.id);
  const members =
    ids.length === 0
      ? []
      : await db
          .selectFrom("scim_group_member as m")
          .innerJoin("scim_user as u", "u.id", "m.user_id")
          .select(["m.group_id", "u.id", "u.user_name"])
          .where("m.group_id", "in", ids)
          .orderBy("u.user_name")
          .execute();
  const byGroup = new Map<string, ResourceRef[]>();
  for (const m of members)
    byGroup.set(m.group_id, [...(byGroup.get(m.group_id) ?? []), { value: m.id, display: m.user_name }]);
  return rows.map((row) => ({
    id: row.id,
    displayName: row.display_name,
    externalId: row.external_id,
    attributes: row.resource,
    version: row.version,
    created: row.created_at,
    lastModified: row.updated_at,
    members: byGroup.get(row.id) ?? [],
  }));
}

function groupColumns(group: GroupWrite) {
  return {
    display_name: group.displayName,
    external_id: group.externalId,
    resource: JSON.stringify(group.attributes),
    updated_at: group.at,
  };
}

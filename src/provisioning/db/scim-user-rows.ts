import type { Kysely, Selectable } from "kysely";
import type { ResourceRef, StoredUser, UserWrite } from "../app/ports.ts";
import type { ProvisioningTables, ScimUserTable } from "./tables.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A SCIM id is a UUID: any other value names nothing (and never reaches a uuid column). */
export const isUuid = (id: string) => UUID.test(id);

/** userName folded as RFC 7643 compares it (caseExact=false): NFC, lowercase. */
export const foldUserName = (userName: string) => userName.normalize("NFC").toLowerCase();

export async function withGroupsIn(
  db: Kysely<ProvisioningTables>,
  rows: Selectable<ScimUserTable>[],
): Promise<StoredUser[]> {
  const byUser = await groupsOfUsers(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => toUser(row, byUser.get(row.id) ?? []));
}

/** The Groups each User is in (value: the Group's id, display: its name), by name. */
async function groupsOfUsers(
  db: Kysely<ProvisioningTables>,
  userIds: readonly string[],
): Promise<Map<string, ResourceRef[]>> {
  const byUser = new Map<string, ResourceRef[]>();
  if (userIds.length === 0) return byUser;
  const rows = await db
    .selectFrom("scim_group_member as m")
    .innerJoin("scim_group as g", "g.id", "m.group_id")
    .select(["m.user_id", "g.id", "g.display_name"])
    .where("m.user_id", "in", userIds)
    .orderBy("g.display_name")
    .execute();
  for (const row of rows) {
    const list = byUser.get(row.user_id) ?? [];
    list.push({ value: row.id, display: row.display_name });
    byUser.set(row.user_id, list);
  }
  return byUser;
}

export function userColumns(user: UserWrite) {
  return {
    user_name: user.userName,
    user_name_key: foldUserName(user.userName),
    external_id: user.externalId,
    active: user.active,
    resource: JSON.stringify(user.attributes),
    sub: user.sub,
    updated_at: user.at,
  };
}

export function toUser(row: Selectable<ScimUserTable>, groups: readonly ResourceRef[]): StoredUser {
  return {
    id: row.id,
    userName: row.user_name,
    externalId: row.external_id,
    active: row.active,
    attributes: row.resource,
    sub: row.sub,
    version: row.version,
    created: row.created_at,
    lastModified: row.updated_at,
    groups,
  };
}

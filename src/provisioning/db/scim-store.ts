import type { Kysely, Selectable } from "kysely";
import type { ScimScope, ScimStore } from "../app/ports.ts";
import { createScimGroupQueries } from "./scim-group-queries.ts";
import { foldUserName, isUuid, withGroupsIn } from "./scim-user-rows.ts";
import { createScimUserWrites } from "./scim-user-writes.ts";
import type { ProvisioningTables, ScimUserTable } from "./tables.ts";

/**
 * The SCIM Users and Groups of every member on PostgreSQL/PGlite; every query is limited to the
 * scope's entente and member, so that one member never reads or changes another's resources.
 */
export function createScimStore(db: Kysely<ProvisioningTables>): ScimStore {
  const groups = createScimGroupQueries(db);
  const users = (scope: ScimScope) =>
    db
      .selectFrom("scim_user")
      .selectAll()
      .where("entente_id", "=", scope.ententeId)
      .where("member_id", "=", scope.memberId);
  const withGroups = (rows: Selectable<ScimUserTable>[]) => withGroupsIn(db, rows);
  return {
    async findUser(scope, id) {
      if (!isUuid(id)) return null;
      const [user] = await withGroups(await users(scope).where("id", "=", id).execute());
      return user ?? null;
    },
    async findUsersBy(scope, attribute, value) {
      if (attribute === "id" && !isUuid(value)) return [];
      const query =
        attribute === "userName"
          ? users(scope).where("user_name_key", "=", foldUserName(value))
          : users(scope).where(attribute === "id" ? "id" : "external_id", "=", value);
      return withGroups(await query.orderBy("created_at").orderBy("id").execute());
    },
    listUsers: async (scope) => withGroups(await users(scope).orderBy("created_at").orderBy("id").execute()),
    ...createScimUserWrites(db),
    ...groups,
    async existingUserIds(scope, ids) {
      const valid = ids.filter(isUuid);
      if (valid.length === 0) return new Set();
      const rows = await users(scope).clearSelect().select("id").where("id", "in", valid).execute();
      return new Set(rows.map((r) => r.id));
    },
  };
}

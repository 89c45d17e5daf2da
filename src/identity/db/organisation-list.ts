import type { Kysely } from "kysely";
import type { OrganisationChoice } from "../domain/organisation-choice.ts";
import type { IdentityDatabase } from "./tables.ts";

/**
 * The organisations of the sign-in page's list: every member of `ententeId` (the service's
 * entente, never another's) with at least one enabled source, by member position; each member's
 * enabled sources oldest first.
 */
export async function listOrganisations(
  db: Kysely<IdentityDatabase>,
  ententeId: string,
): Promise<OrganisationChoice[]> {
  const rows = await db
    .selectFrom("identity_source as s")
    .innerJoin("member as m", (j) =>
      j.onRef("m.entente_id", "=", "s.entente_id").onRef("m.id", "=", "s.member_id"),
    )
    .innerJoin("entente as e", "e.id", "s.entente_id")
    .select([
      "s.id",
      "s.label",
      "s.kind",
      "s.entente_id",
      "e.name as entente_name",
      "s.member_id",
      "m.name as member_name",
    ])
    .where("s.enabled", "=", true)
    .where("s.entente_id", "=", ententeId)
    .orderBy("e.name")
    .orderBy("s.entente_id")
    .orderBy("m.position")
    .orderBy("s.created_at")
    .orderBy("s.id")
    .execute();
  const choices = new Map<
    string,
    OrganisationChoice & { sources: OrganisationChoice["sources"][number][] }
  >();
  for (const row of rows) {
    const key = `${row.entente_id}\u0000${row.member_id}`;
    let choice = choices.get(key);
    if (choice === undefined) {
      choice = {
        ententeId: row.entente_id,
        ententeName: row.entente_name,
        memberId: row.member_id,
        memberName: row.member_name,
        sources: [],
      };
      choices.set(key, choice);
    }
    choice.sources.push({ id: row.id, label: row.label, kind: row.kind });
  }
  return [...choices.values()];
}

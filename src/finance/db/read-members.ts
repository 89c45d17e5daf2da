import type { Kysely } from "kysely";
import type { MemberRecord } from "../app/ports/member-store.ts";
import type { PublicAccountant } from "../domain/entente.ts";
import type { FinanceDatabase } from "./tables.ts";

/** The entente's members, in the entente's order (`db` may be a transaction). */
export async function readMembers(db: Kysely<FinanceDatabase>, ententeId: string): Promise<MemberRecord[]> {
  const rows = await db
    .selectFrom("member")
    .selectAll()
    .where("entente_id", "=", ententeId)
    .orderBy("position")
    .execute();
  return rows.map((m) => ({
    id: m.id,
    name: m.name,
    kind: m.kind,
    siren: m.siren,
    siret: m.siret,
    assembly: m.assembly,
    from: m.from_year,
    to: m.to_year,
    accountant: m.accountant === null ? null : (JSON.parse(m.accountant) as PublicAccountant),
    rowVersion: m.row_version,
  }));
}

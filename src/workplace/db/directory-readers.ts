import type { Kysely } from "kysely";
import type { AffiliationReader, MemberReader, MemberRef } from "../app/ports.ts";
import type { WorkplaceDatabase } from "./tables.ts";

const MEMBER_COLUMNS = [
  "entente_id",
  "id",
  "name",
  "kind",
  "siren",
  "siret",
  "from_year",
  "to_year",
] as const;

const toMember = (row: {
  entente_id: string;
  id: string;
  name: string;
  kind: string;
  siren: string | null;
  siret: string | null;
  from_year: number | null;
  to_year: number | null;
}): MemberRef => ({
  ententeId: row.entente_id,
  id: row.id,
  name: row.name,
  kind: row.kind,
  siren: row.siren,
  siret: row.siret,
  fromYear: row.from_year,
  toYear: row.to_year,
});

/**
 * Finance's members, read (never written), by id or by identifier: a SIRET finds the member with
 * that SIRET, or one registered by SIREN only whose SIREN starts it (a SIRET is the SIREN and a
 * 5-digit establishment number, INSEE); a SIREN finds the member with it or whose SIRET starts with it.
 */
export function createMemberReader(db: Kysely<WorkplaceDatabase>): MemberReader {
  return {
    async findByIdentifier(identifier) {
      const query = db.selectFrom("member").select(MEMBER_COLUMNS);
      const rows =
        "siret" in identifier
          ? await query
              .where((eb) =>
                eb.or([
                  eb("siret", "=", identifier.siret),
                  eb.and([eb("siret", "is", null), eb("siren", "=", identifier.siret.slice(0, 9))]),
                ]),
              )
              .execute()
          : await query
              .where((eb) =>
                eb.or([eb("siren", "=", identifier.siren), eb("siret", "like", `${identifier.siren}_____`)]),
              )
              .execute();
      return rows
        .map(toMember)
        .sort((a, b) => a.ententeId.localeCompare(b.ententeId) || a.id.localeCompare(b.id));
    },
    async find(ententeId, memberId) {
      const row = await db
        .selectFrom("member")
        .select(MEMBER_COLUMNS)
        .where("entente_id", "=", ententeId)
        .where("id", "=", memberId)
        .executeTakeFirst();
      return row === undefined ? null : toMember(row);
    },
  };
}

/**
 * Identity's persons' affiliations, read (never written): by `sub`, or by email compared
 * case-insensitively; one that came through a suspended (disabled) source, or that the member's
 * directory deprovisioned (SCIM `active: false` or DELETE), lets nobody in, as at sign-in
 * (identity's `activeOnly`), so it is not found.
 */
export function createAffiliationReader(db: Kysely<WorkplaceDatabase>): AffiliationReader {
  return {
    async find(ententeId, memberId, account) {
      let query = db
        .selectFrom("person_affiliation")
        .select(["role", "groups"])
        .where("entente_id", "=", ententeId)
        .where("member_id", "=", memberId)
        .where("deprovisioned_at", "is", null)
        .where((eb) =>
          eb.or([
            eb("source_id", "is", null),
            eb.exists(
              eb
                .selectFrom("identity_source as s")
                .select("s.id")
                .whereRef("s.id", "=", "person_affiliation.source_id")
                .where("s.enabled", "=", true),
            ),
          ]),
        );
      query =
        "sub" in account
          ? query.where("sub", "=", account.sub)
          : query.where((eb) => eb(eb.fn("lower", ["email"]), "=", account.email.toLowerCase()));
      const row = await query.orderBy("sub").executeTakeFirst();
      return row === undefined ? null : { role: row.role, groups: row.groups };
    },
  };
}

/** An entente's name (finance's `entente`, read); null: no such entente. */
export function createEntenteNameReader(db: Kysely<WorkplaceDatabase>): {
  name(ententeId: string): Promise<string | null>;
} {
  return {
    async name(ententeId) {
      const row = await db
        .selectFrom("entente")
        .select("name")
        .where("id", "=", ententeId)
        .executeTakeFirst();
      return row?.name ?? null;
    },
  };
}

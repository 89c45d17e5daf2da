import type { Kysely, Selectable } from "kysely";
import type {
  AttributeMapping,
  LdapSettings,
  OidcSourceSettings,
  SamlSourceSettings,
  SourceRecord,
  SourceSettings,
} from "../domain/identity-source.ts";
import type { Affiliation, PersonRecord, PersonRole } from "../domain/person.ts";
import type { IdentityDatabase, IdentitySourceTable } from "./tables.ts";

/** Rows of the identity directory mapped to the records of src/identity/domain, in one place. */

/** The kind's own settings as stored in `identity_source.settings`. */
export function settingsColumn(settings: SourceSettings): string {
  switch (settings.kind) {
    case "ldap":
      return JSON.stringify({ ldap: settings.ldap });
    case "oidc":
      return JSON.stringify({ oidc: settings.oidc });
    case "saml":
      return JSON.stringify({ saml: settings.saml });
    case "local":
      return "{}";
  }
}

function toSettings(row: Selectable<IdentitySourceTable>): SourceSettings {
  // Written by `settingsColumn` only, from input the API validated.
  const s = row.settings as { ldap: LdapSettings; oidc: OidcSourceSettings; saml: SamlSourceSettings };
  switch (row.kind) {
    case "ldap":
      return { kind: "ldap", ldap: s.ldap };
    case "oidc":
      return { kind: "oidc", oidc: s.oidc };
    case "saml":
      return { kind: "saml", saml: s.saml };
    case "local":
      return { kind: "local" };
  }
}

/** An `identity_source` row as the domain's record (its secret included: the API drops it). */
export function toSourceRecord(row: Selectable<IdentitySourceTable>): SourceRecord {
  return {
    ...toSettings(row),
    id: row.id,
    ententeId: row.entente_id,
    memberId: row.member_id,
    label: row.label,
    enabled: row.enabled,
    mapping: row.mapping as unknown as AttributeMapping,
    secret: row.secret,
    rowVersion: row.row_version,
  };
}

/** An affiliation as `selectAffiliations` reads it, with its member's name and numbers. */
export interface AffiliationRow {
  sub: string;
  entente_id: string;
  member_id: string;
  member_name: string;
  siren: string | null;
  siret: string | null;
  role: PersonRole;
  email: string;
  email_verified: boolean;
  uid: string;
  groups: string[];
  source_id: string | null;
  declared_by: string | null;
  last_seen_at: Date | null;
}

/** An affiliation row as the domain's `Affiliation`. */
export function toAffiliation(row: AffiliationRow): Affiliation {
  return {
    ententeId: row.entente_id,
    memberId: row.member_id,
    memberName: row.member_name,
    siren: row.siren,
    siret: row.siret,
    role: row.role,
    email: row.email,
    emailVerified: row.email_verified,
    uid: row.uid,
    groups: row.groups,
  };
}

/**
 * Affiliations of persons with their member's name and SIREN/SIRET, most recently seen first
 * (declared ones, never seen, last), then by entente and member. `activeOnly`: without those
 * that came through a suspended (disabled) source — they let nobody in (issue 10 item 5) — nor
 * those the member's directory deprovisioned (SCIM `active: false` or DELETE, 0183); the
 * secretariat still sees them.
 */
export function selectAffiliations(
  db: Kysely<IdentityDatabase>,
  subs: readonly string[],
  ententeId: string | null,
  options: { readonly activeOnly?: boolean } = {},
) {
  let query = db
    .selectFrom("person_affiliation as a")
    .innerJoin("member as m", (j) =>
      j.onRef("m.entente_id", "=", "a.entente_id").onRef("m.id", "=", "a.member_id"),
    )
    .select([
      "a.sub",
      "a.entente_id",
      "a.member_id",
      "m.name as member_name",
      "m.siren",
      "m.siret",
      "a.role",
      "a.email",
      "a.email_verified",
      "a.uid",
      "a.groups",
      "a.source_id",
      "a.declared_by",
      "a.last_seen_at",
    ])
    .where("a.sub", "in", subs.length === 0 ? [""] : [...subs]);
  if (ententeId !== null) query = query.where("a.entente_id", "=", ententeId);
  if (options.activeOnly === true) {
    query = query
      .where("a.deprovisioned_at", "is", null)
      .where((eb) =>
        eb.or([
          eb("a.source_id", "is", null),
          eb.exists(
            eb
              .selectFrom("identity_source as s")
              .select("s.id")
              .whereRef("s.id", "=", "a.source_id")
              .where("s.enabled", "=", true),
          ),
        ]),
      );
  }
  return query
    .orderBy("a.last_seen_at", (o) => o.desc().nullsLast())
    .orderBy("a.entente_id")
    .orderBy("m.position")
    .execute() as Promise<AffiliationRow[]>;
}

/** A person with every affiliation (all ententes) but those of suspended sources, or null. */
export async function readPersonRecord(
  db: Kysely<IdentityDatabase>,
  sub: string,
): Promise<PersonRecord | null> {
  const person = await db.selectFrom("person").selectAll().where("sub", "=", sub).executeTakeFirst();
  if (person === undefined) return null;
  const affiliations = await selectAffiliations(db, [sub], null, { activeOnly: true });
  return {
    sub: person.sub,
    givenName: person.given_name,
    familyName: person.family_name,
    usualName: person.usual_name,
    affiliations: affiliations.map(toAffiliation),
  };
}

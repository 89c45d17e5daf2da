import { type Kysely, sql } from "kysely";
import type { SignedInIdentity } from "../app/ports.ts";
import type { SourceRecord } from "../domain/identity-source.ts";
import type { PersonRecord } from "../domain/person.ts";
import { normalizeEmail } from "../domain/pivot-identity.ts";
import type { UpstreamIdentity } from "../domain/upstream-identity.ts";
import { selectAffiliations, toAffiliation } from "./identity-rows.ts";
import type { IdentityDatabase } from "./tables.ts";

/**
 * `DirectoryStore.savePerson` on PostgreSQL/PGlite, one statement (`savePersonLink`):
 * - a person is found by (source, upstream id) only, so a source that renames or re-cases an
 *   attribute, or changes an email, never changes `sub`;
 * - two first sign-ins of the same person at once give one `sub` (the link's primary key and
 *   `INSERT … ON CONFLICT DO UPDATE … RETURNING sub`: the second waits for the first and gets its
 *   `sub`; its candidate person row is deleted just after, and the names written again);
 * - the person's names are the ones of the latest sign-in; the source refreshes the affiliation to
 *   its member (email, uid, groups, role); declared affiliations stay as the secretariat wrote them.
 */
export async function savePerson(
  db: Kysely<IdentityDatabase>,
  source: SourceRecord,
  identity: UpstreamIdentity,
  person: SignedInIdentity,
  options: { readonly now: Date; readonly newId: () => string },
): Promise<PersonRecord> {
  const sub = await savePersonLink(db, source, identity, person, options);
  // The names are the ones just written: only the affiliations (every entente) are read again.
  const affiliations = await selectAffiliations(db, [sub], null, { activeOnly: true });
  return {
    sub,
    givenName: person.givenName,
    familyName: person.familyName,
    usualName: person.usualName,
    affiliations: affiliations.map(toAffiliation),
  };
}

/**
 * The write of `savePerson` alone, after the same rules; returns the `sub` (provisioning needs
 * nothing more: it reads no affiliation back). One statement (issue 12, performance: atomic
 * without a transaction's round trips): the link refreshed, or a new person and its link; the
 * names of a person already linked; the affiliation. Only when another first sign-in of the
 * same person won the link meanwhile, two more: the unused candidate person deleted, the names
 * written on the winner's person (the statement's snapshot did not see it).
 */
export async function savePersonLink(
  db: Kysely<IdentityDatabase>,
  source: SourceRecord,
  identity: UpstreamIdentity,
  person: SignedInIdentity,
  options: {
    readonly now: Date;
    readonly newId: () => string;
    /**
     * The member's directory (SCIM) says whether the person is deprovisioned (its User
     * `active: false`): true marks the affiliation (kept from the first time), false clears it;
     * absent (a sign-in) leaves it as the directory last said.
     */
    readonly deprovisioned?: boolean;
  },
): Promise<string> {
  const { now } = options;
  const deprovisionedAt = options.deprovisioned === true ? now : null;
  const deprovisioned =
    options.deprovisioned === undefined
      ? sql``
      : options.deprovisioned
        ? sql`, deprovisioned_at = COALESCE(person_affiliation.deprovisioned_at, EXCLUDED.deprovisioned_at)`
        : sql`, deprovisioned_at = NULL`;
  const email = normalizeEmail(person.email);
  const attributes = JSON.stringify({ ...person, email });
  const candidate = options.newId();
  const names = sql`given_name = ${person.givenName}, family_name = ${person.familyName},
    usual_name = ${person.usualName}, updated_at = ${now}::timestamptz`;
  const { rows } = await sql<{ sub: string; how: "refreshed" | "linked" }>`
    WITH refreshed AS (
      UPDATE person_link SET attributes = ${attributes}::jsonb, last_seen_at = ${now}::timestamptz
      WHERE source_id = ${source.id} AND upstream_id = ${identity.upstreamId}
      RETURNING sub),
    new_person AS (
      INSERT INTO person (sub, given_name, family_name, usual_name, created_at, updated_at)
      SELECT ${candidate}, ${person.givenName}, ${person.familyName}, ${person.usualName},
        ${now}::timestamptz, ${now}::timestamptz
      WHERE NOT EXISTS (SELECT 1 FROM refreshed)
      RETURNING sub),
    new_link AS (
      INSERT INTO person_link (source_id, upstream_id, sub, attributes, first_seen_at, last_seen_at)
      SELECT ${source.id}, ${identity.upstreamId}, sub, ${attributes}::jsonb, ${now}::timestamptz,
        ${now}::timestamptz
      FROM new_person
      ON CONFLICT (source_id, upstream_id)
        DO UPDATE SET attributes = EXCLUDED.attributes, last_seen_at = EXCLUDED.last_seen_at
      RETURNING sub),
    linked AS (
      SELECT sub, 'refreshed' AS how FROM refreshed UNION ALL SELECT sub, 'linked' AS how FROM new_link),
    renamed AS (
      UPDATE person SET ${names} WHERE sub IN (SELECT sub FROM refreshed) RETURNING sub),
    affiliated AS (
      INSERT INTO person_affiliation
        (sub, entente_id, member_id, role, source_id, email, email_verified, uid, groups, last_seen_at,
         deprovisioned_at)
      SELECT sub, ${source.ententeId}, ${source.memberId}, ${person.role}, ${source.id}, ${email},
        ${person.emailVerified}::boolean, ${person.uid}, ${JSON.stringify(person.groups)}::jsonb,
        ${now}::timestamptz, ${deprovisionedAt}::timestamptz
      FROM linked
      ON CONFLICT (sub, entente_id, member_id) DO UPDATE SET role = EXCLUDED.role,
        source_id = EXCLUDED.source_id, email = EXCLUDED.email, email_verified = EXCLUDED.email_verified,
        uid = EXCLUDED.uid, groups = EXCLUDED.groups, last_seen_at = EXCLUDED.last_seen_at${deprovisioned}
      RETURNING sub)
    SELECT sub, how FROM linked`.execute(db);
  const [linked] = rows;
  if (linked === undefined) throw new Error(`person_link of ${source.id} not written`);
  if (linked.how === "linked" && linked.sub !== candidate) {
    // Another first sign-in of the same person linked it first: its sub wins, the candidate was never given out.
    await db.deleteFrom("person").where("sub", "=", candidate).execute();
    await sql`UPDATE person SET ${names} WHERE sub = ${linked.sub}`.execute(db);
  }
  return linked.sub;
}

import type { Kysely } from "kysely";
import type { SignedInIdentity } from "../app/ports.ts";
import type { SourceRecord } from "../domain/identity-source.ts";
import type { PersonRecord } from "../domain/person.ts";
import { normalizeEmail } from "../domain/pivot-identity.ts";
import type { UpstreamIdentity } from "../domain/upstream-identity.ts";
import { selectAffiliations, toAffiliation } from "./identity-rows.ts";
import type { IdentityDatabase } from "./tables.ts";

/**
 * `DirectoryStore.savePerson` on PostgreSQL/PGlite, one transaction:
 * - a person is found by (source, upstream id) only, so a source that renames or re-cases an
 *   attribute, or changes an email, never changes `sub`;
 * - two first sign-ins of the same person at once give one `sub` (the link's primary key and
 *   `INSERT … ON CONFLICT DO UPDATE … RETURNING sub`: the second waits for the first and gets its
 *   `sub`; its candidate person row is deleted before commit);
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
 * The write of `savePerson` alone, one transaction, after the same rules; returns the `sub`
 * (provisioning needs nothing more: it reads no affiliation back). A person the link has just
 * created already has the names (no second UPDATE).
 */
export async function savePersonLink(
  db: Kysely<IdentityDatabase>,
  source: SourceRecord,
  identity: UpstreamIdentity,
  person: SignedInIdentity,
  options: { readonly now: Date; readonly newId: () => string },
): Promise<string> {
  const { now } = options;
  const email = normalizeEmail(person.email);
  const attributes = JSON.stringify({ ...person, email });
  return db.transaction().execute(async (trx) => {
    const link = await linkPerson(trx, source, identity, person, { ...options, attributes });
    if (!link.created)
      await trx
        .updateTable("person")
        .set({
          given_name: person.givenName,
          family_name: person.familyName,
          usual_name: person.usualName,
          updated_at: now,
        })
        .where("sub", "=", link.sub)
        .execute();
    const values = {
      role: person.role,
      source_id: source.id,
      email,
      email_verified: person.emailVerified,
      uid: person.uid,
      groups: JSON.stringify(person.groups),
      last_seen_at: now,
    };
    await trx
      .insertInto("person_affiliation")
      .values({ sub: link.sub, entente_id: source.ententeId, member_id: source.memberId, ...values })
      .onConflict((oc) => oc.columns(["sub", "entente_id", "member_id"]).doUpdateSet(values))
      .execute();
    return link.sub;
  });
}

/** The `sub` linked to (source, upstream id): the link refreshed, or a new person and link. */
async function linkPerson(
  trx: Kysely<IdentityDatabase>,
  source: SourceRecord,
  identity: UpstreamIdentity,
  person: SignedInIdentity,
  options: { readonly now: Date; readonly newId: () => string; readonly attributes: string },
): Promise<{ readonly sub: string; readonly created: boolean }> {
  const { now, attributes } = options;
  const existing = await trx
    .updateTable("person_link")
    .set({ attributes, last_seen_at: now })
    .where("source_id", "=", source.id)
    .where("upstream_id", "=", identity.upstreamId)
    .returning("sub")
    .executeTakeFirst();
  if (existing !== undefined) return { sub: existing.sub, created: false };
  const candidate = options.newId();
  const names = {
    given_name: person.givenName,
    family_name: person.familyName,
    usual_name: person.usualName,
  };
  await trx
    .insertInto("person")
    .values({ sub: candidate, ...names, created_at: now, updated_at: now })
    .execute();
  const linked = await trx
    .insertInto("person_link")
    .values({
      source_id: source.id,
      upstream_id: identity.upstreamId,
      sub: candidate,
      attributes,
      first_seen_at: now,
      last_seen_at: now,
    })
    .onConflict((oc) =>
      oc.columns(["source_id", "upstream_id"]).doUpdateSet({ attributes, last_seen_at: now }),
    )
    .returning("sub")
    .executeTakeFirstOrThrow();
  // Another sign-in of the same person linked it first: its sub wins, the candidate was never given out.
  if (linked.sub !== candidate) await trx.deleteFrom("person").where("sub", "=", candidate).execute();
  return { sub: linked.sub, created: linked.sub === candidate };
}

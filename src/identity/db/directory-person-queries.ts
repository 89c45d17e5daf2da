import { type Kysely, sql } from "kysely";
import type { PersonQuery } from "../app/admin/identity-admin-ports.ts";
import type { DirectoryPerson } from "../domain/person.ts";
import { selectAffiliations, toAffiliation } from "./identity-rows.ts";
import type { IdentityDatabase } from "./tables.ts";

/** `%` and `_` typed by a person are searched for as themselves. */
const likePattern = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/gu, (c) => `\\${c}`)}%`;

/** The persons `subs` (in that order) with their affiliations and links in one entente. */
export async function readDirectoryPersons(
  db: Kysely<IdentityDatabase>,
  ententeId: string,
  subs: readonly string[],
): Promise<DirectoryPerson[]> {
  if (subs.length === 0) return [];
  const persons = await db
    .selectFrom("person")
    .selectAll()
    .where("sub", "in", [...subs])
    .execute();
  const affiliations = await selectAffiliations(db, subs, ententeId);
  const links = await db
    .selectFrom("person_link as l")
    .innerJoin("identity_source as s", "s.id", "l.source_id")
    .select(["l.sub", "l.source_id", "s.label", "l.upstream_id", "l.last_seen_at"])
    .where("l.sub", "in", [...subs])
    .where("s.entente_id", "=", ententeId)
    .orderBy("l.last_seen_at", "desc")
    .execute();
  const bySub = new Map(persons.map((p) => [p.sub, p]));
  return subs.flatMap((sub): DirectoryPerson[] => {
    const p = bySub.get(sub);
    if (p === undefined) return [];
    return [
      {
        sub,
        givenName: p.given_name,
        familyName: p.family_name,
        usualName: p.usual_name,
        affiliations: affiliations
          .filter((a) => a.sub === sub)
          .map((a) => ({
            ...toAffiliation(a),
            sourceId: a.source_id,
            declaredBy: a.declared_by,
            lastSeenAt: a.last_seen_at,
          })),
        links: links
          .filter((l) => l.sub === sub)
          .map((l) => ({
            sourceId: l.source_id,
            sourceLabel: l.label,
            upstreamId: l.upstream_id,
            lastSeenAt: l.last_seen_at,
          })),
      },
    ];
  });
}

/** One person of the entente, or null when they have no affiliation there. */
export async function readDirectoryPerson(
  db: Kysely<IdentityDatabase>,
  ententeId: string,
  sub: string,
): Promise<DirectoryPerson | null> {
  const [person] = await readDirectoryPersons(db, ententeId, [sub]);
  return person === undefined || person.affiliations.length === 0 ? null : person;
}

/**
 * A page of the persons with an affiliation in the entente (to `query.memberId` when given),
 * matching `query.search` (case-insensitive, in the names, the email and the uid), by family,
 * given name, sub; and how many match in all.
 */
export async function searchDirectoryPersons(
  db: Kysely<IdentityDatabase>,
  ententeId: string,
  query: PersonQuery,
): Promise<{ persons: DirectoryPerson[]; total: number }> {
  let matching = db.selectFrom("person as p").where((eb) =>
    eb.exists(
      eb
        .selectFrom("person_affiliation as a")
        .select("a.sub")
        .whereRef("a.sub", "=", "p.sub")
        .where("a.entente_id", "=", ententeId)
        .$if(query.memberId !== null, (q) => q.where("a.member_id", "=", query.memberId as string)),
    ),
  );
  const search = query.search?.trim() ?? "";
  if (search !== "") {
    const pattern = likePattern(search.normalize("NFC"));
    matching = matching.where((eb) =>
      eb.or([
        eb(sql`lower(p.given_name || ' ' || p.family_name || ' ' || p.usual_name)`, "like", pattern),
        eb.exists(
          eb
            .selectFrom("person_affiliation as f")
            .select("f.sub")
            .whereRef("f.sub", "=", "p.sub")
            .where("f.entente_id", "=", ententeId)
            .where((w) =>
              w.or([w(sql`lower(f.email)`, "like", pattern), w(sql`lower(f.uid)`, "like", pattern)]),
            ),
        ),
      ]),
    );
  }
  const total = await matching.select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
  const page = await matching
    .select("p.sub")
    .orderBy("p.family_name")
    .orderBy("p.given_name")
    .orderBy("p.sub")
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  const persons = await readDirectoryPersons(
    db,
    ententeId,
    page.map((r) => r.sub),
  );
  return { persons, total: Number(total.n) };
}

import { randomUUID } from "node:crypto";
import type { Kysely, Selectable } from "kysely";
import type { Clock } from "../../shared/clock.ts";
import type {
  IdentityRouting,
  OrganisationChoice,
  PersonDirectory,
  PersonRecord,
  SignInRoute,
  SourceRecord,
} from "../app/ports.ts";
import { emailDomain, normalizeEmail } from "../domain/pivot-identity.ts";
import { readPersonRecord, selectAffiliations, toAffiliation, toSourceRecord } from "./identity-rows.ts";
import type { IdentityDatabase } from "./tables.ts";

export interface IdentityDirectoryOptions {
  readonly clock?: Clock;
  /** New `sub` values and source ids; default: random UUIDs (never reused, never derived from an attribute). */
  readonly newId?: () => string;
}

/**
 * The pivot directory and the sign-in routing on PostgreSQL/PGlite: `PersonDirectory` and
 * `IdentityRouting` of src/app/identity/ports.ts.
 *
 * Rules kept here:
 * - a person is found by (source, upstream id) only, so a source that renames or re-cases an
 *   attribute, or changes an email, never changes `sub`;
 * - `resolvePerson` is one transaction; two first sign-ins of the same person at once give one
 *   `sub` (the link's primary key and `INSERT … ON CONFLICT DO UPDATE … RETURNING sub`: the second
 *   waits for the first and gets its `sub`; its candidate person row is deleted before commit);
 * - a registered address that forces a role for the source's member wins over the mapping's role;
 * - the person's names are the ones of the latest sign-in; each source refreshes the affiliation
 *   to its member (email, uid, groups, role); declared affiliations stay as the secretariat wrote them.
 */
export function createIdentityDirectoryStore(
  db: Kysely<IdentityDatabase>,
  options: IdentityDirectoryOptions = {},
): PersonDirectory & IdentityRouting {
  const clock = options.clock ?? { now: () => new Date() };
  const newId = options.newId ?? randomUUID;

  async function findSource(sourceId: string): Promise<SourceRecord | null> {
    const row = await db
      .selectFrom("identity_source")
      .selectAll()
      .where("id", "=", sourceId)
      .executeTakeFirst();
    return row === undefined ? null : toSourceRecord(row);
  }

  async function firstSourceOf(ententeId: string, memberId: string): Promise<SourceRecord | null> {
    const row = await db
      .selectFrom("identity_source")
      .selectAll()
      .where("entente_id", "=", ententeId)
      .where("member_id", "=", memberId)
      .orderBy("enabled", "desc")
      .orderBy("created_at")
      .orderBy("id")
      .executeTakeFirst();
    return row === undefined ? null : toSourceRecord(row);
  }

  return {
    async resolvePerson(source, identity, normalized): Promise<PersonRecord> {
      const now = clock.now();
      const email = normalizeEmail(normalized.email);
      const attributes = JSON.stringify({ ...normalized, email });
      const names = await db.transaction().execute(async (trx) => {
        const existing = await trx
          .updateTable("person_link")
          .set({ attributes, last_seen_at: now })
          .where("source_id", "=", source.id)
          .where("upstream_id", "=", identity.upstreamId)
          .returning("sub")
          .executeTakeFirst();
        let found = existing?.sub;
        if (found === undefined) {
          const candidate = newId();
          const names = {
            given_name: normalized.givenName,
            family_name: normalized.familyName,
            usual_name: normalized.usualName,
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
          found = linked.sub;
        }
        const person = await trx
          .updateTable("person")
          .set({
            given_name: normalized.givenName,
            family_name: normalized.familyName,
            usual_name: normalized.usualName,
            updated_at: now,
          })
          .where("sub", "=", found)
          .returning(["sub", "given_name", "family_name", "usual_name"])
          .executeTakeFirstOrThrow();
        const registered = await trx
          .selectFrom("registered_address")
          .select("role")
          .where("email", "=", email)
          .where("entente_id", "=", source.ententeId)
          .where("member_id", "=", source.memberId)
          .executeTakeFirst();
        const role = registered?.role ?? normalized.role;
        const values = {
          role,
          source_id: source.id,
          email,
          uid: normalized.uid,
          groups: JSON.stringify(normalized.groups),
          last_seen_at: now,
        };
        await trx
          .insertInto("person_affiliation")
          .values({ sub: found, entente_id: source.ententeId, member_id: source.memberId, ...values })
          .onConflict((oc) => oc.columns(["sub", "entente_id", "member_id"]).doUpdateSet(values))
          .execute();
        return person;
      });
      // The names come back from the UPDATE: only the affiliations (every entente) are read again.
      const affiliations = await selectAffiliations(db, [names.sub], null);
      return {
        sub: names.sub,
        givenName: names.given_name,
        familyName: names.family_name,
        usualName: names.usual_name,
        affiliations: affiliations.map(toAffiliation),
      };
    },

    findPerson: (sub) => readPersonRecord(db, sub),

    async recordGrantAffiliation(grantId, sub, memberId) {
      await db
        .insertInto("grant_affiliation")
        .values({ grant_id: grantId, sub, member_id: memberId, created_at: clock.now() })
        .onConflict((oc) => oc.column("grant_id").doUpdateSet({ sub, member_id: memberId }))
        .execute();
    },

    async grantAffiliation(grantId) {
      const row = await db
        .selectFrom("grant_affiliation")
        .select("member_id")
        .where("grant_id", "=", grantId)
        .executeTakeFirst();
      return row?.member_id ?? null;
    },

    async routeEmail(rawEmail): Promise<SignInRoute | null> {
      const email = normalizeEmail(rawEmail);
      const registered = await db
        .selectFrom("registered_address as r")
        .innerJoin("member as m", (j) =>
          j.onRef("m.entente_id", "=", "r.entente_id").onRef("m.id", "=", "r.member_id"),
        )
        .innerJoin("identity_source as s", "s.id", "r.source_id")
        .selectAll("s")
        .select(["r.role as route_role", "m.name as member_name"])
        .where("r.email", "=", email)
        .executeTakeFirst();
      if (registered !== undefined) {
        const { route_role, member_name, ...source } = registered;
        return {
          ententeId: source.entente_id,
          memberId: source.member_id,
          memberName: member_name,
          source: toSourceRecord(source),
          via: "registered-address",
          role: route_role,
        };
      }
      const domain = emailDomain(email);
      if (domain === null) return null;
      // The domain's own source comes with it (one query); else the member's first source.
      const owned = await db
        .selectFrom("member_email_domain as d")
        .innerJoin("member as m", (j) =>
          j.onRef("m.entente_id", "=", "d.entente_id").onRef("m.id", "=", "d.member_id"),
        )
        .leftJoin("identity_source as s", "s.id", "d.source_id")
        .selectAll("s")
        .select([
          "d.entente_id as domain_entente_id",
          "d.member_id as domain_member_id",
          "m.name as member_name",
        ])
        .where("d.domain", "=", domain)
        .executeTakeFirst();
      if (owned === undefined) return null;
      const { domain_entente_id, domain_member_id, member_name, ...joined } = owned;
      const chosen =
        joined.id === null ? null : toSourceRecord(joined as Selectable<IdentityDatabase["identity_source"]>);
      const source = chosen ?? (await firstSourceOf(domain_entente_id, domain_member_id));
      if (source === null) return null;
      return {
        ententeId: domain_entente_id,
        memberId: domain_member_id,
        memberName: member_name,
        source,
        via: "domain",
        role: null,
      };
    },

    async listOrganisations(): Promise<OrganisationChoice[]> {
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
    },

    findSource,

    async mayAssertEmail(ententeId, memberId, rawEmail) {
      const email = normalizeEmail(rawEmail);
      const domain = emailDomain(email);
      // The member's domain first (every agent), then a registered address (an élu's own): one query for most sign-ins.
      if (domain !== null) {
        const owned = await db
          .selectFrom("member_email_domain")
          .select("domain")
          .where("domain", "=", domain)
          .where("entente_id", "=", ententeId)
          .where("member_id", "=", memberId)
          .executeTakeFirst();
        if (owned !== undefined) return true;
      }
      const registered = await db
        .selectFrom("registered_address")
        .select("email")
        .where("email", "=", email)
        .where("entente_id", "=", ententeId)
        .where("member_id", "=", memberId)
        .executeTakeFirst();
      return registered !== undefined;
    },
  };
}

import { randomUUID } from "node:crypto";
import { type Kysely, sql, type Transaction } from "kysely";
import { recordAudit } from "../../platform/db/record-audit.ts";
import { throwStaleOrMissing } from "../../platform/db/stale-version.ts";
import type { Clock } from "../../shared/clock.ts";
import type {
  DirectoryPerson,
  IdentityDirectoryAdmin,
  MemberDomainRecord,
  RegisteredAddressRecord,
} from "../app/admin/identity-admin-ports.ts";
import type { SourceRecord } from "../app/ports.ts";
import { isDomainName, isEmailAddress, normalizeEmail } from "../domain/pivot-identity.ts";
import { EntenteError, localized } from "../errors.ts";
import { selectAffiliations, settingsColumn, toAffiliation, toSourceRecord } from "./identity-rows.ts";
import type { IdentityDatabase } from "./tables.ts";

type Db = Kysely<IdentityDatabase> | Transaction<IdentityDatabase>;

const MEMBER = localized("membre", "member");
const DOMAIN = localized("domaine", "domain");
const ADDRESS = localized("adresse enregistrée", "registered address");
const PERSON = localized("personne", "person");
const DECLARED = localized("rattachement déclaré", "declared affiliation");

/** A source as the audit trail keeps it: without its secret, only whether it has one. */
function auditedSource(source: SourceRecord) {
  const { secret, ...rest } = source;
  return { ...rest, hasSecret: secret !== null };
}

async function memberName(db: Db, ententeId: string, memberId: string): Promise<string> {
  const row = await db
    .selectFrom("member")
    .select("name")
    .where("entente_id", "=", ententeId)
    .where("id", "=", memberId)
    .executeTakeFirst();
  if (row === undefined) throw new EntenteError("identity.not_found", { what: MEMBER, id: memberId });
  return row.name;
}

/** The source must exist in the entente and belong to `memberId`. */
async function assertSourceOfMember(db: Db, ententeId: string, memberId: string, sourceId: string) {
  const row = await db
    .selectFrom("identity_source")
    .select("member_id")
    .where("entente_id", "=", ententeId)
    .where("id", "=", sourceId)
    .executeTakeFirst();
  if (row === undefined) throw new EntenteError("identity.source_not_found", { id: sourceId });
  if (row.member_id !== memberId) {
    throw new EntenteError("identity.source_invalid", {
      field: "sourceId",
      expected: localized(
        `la source « ${sourceId} » n'est pas une source de ce membre`,
        `the source "${sourceId}" is not a source of this member`,
      ),
    });
  }
}

/** `%` and `_` typed by a person are searched for as themselves. */
const likePattern = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/gu, (c) => `\\${c}`)}%`;

/**
 * The administration of the identity directory (`IdentityDirectoryAdmin`): sources, member
 * domains, registered addresses, persons and their declared affiliations. Every write is one
 * transaction with its audit event (sources audited without their secret). Source ids are random
 * UUIDs. Domains and addresses are stored lowercased; a domain and an address are unique across
 * the whole instance.
 */
export function createIdentityAdminStore(
  db: Kysely<IdentityDatabase>,
  options: { readonly clock?: Clock; readonly newId?: () => string } = {},
): IdentityDirectoryAdmin {
  const clock = options.clock ?? { now: () => new Date() };
  const newId = options.newId ?? randomUUID;

  async function readSource(trx: Db, ententeId: string, sourceId: string): Promise<SourceRecord | null> {
    const row = await trx
      .selectFrom("identity_source")
      .selectAll()
      .where("entente_id", "=", ententeId)
      .where("id", "=", sourceId)
      .executeTakeFirst();
    return row === undefined ? null : toSourceRecord(row);
  }

  async function listDomains(trx: Db, ententeId: string, memberId: string | null, domain: string | null) {
    let query = trx
      .selectFrom("member_email_domain as d")
      .innerJoin("member as m", (j) =>
        j.onRef("m.entente_id", "=", "d.entente_id").onRef("m.id", "=", "d.member_id"),
      )
      .select(["d.domain", "d.entente_id", "d.member_id", "m.name as member_name", "d.source_id"])
      .where("d.entente_id", "=", ententeId);
    if (memberId !== null) query = query.where("d.member_id", "=", memberId);
    if (domain !== null) query = query.where("d.domain", "=", domain);
    const rows = await query.orderBy("m.position").orderBy("d.domain").execute();
    return rows.map(
      (r): MemberDomainRecord => ({
        domain: r.domain,
        ententeId: r.entente_id,
        memberId: r.member_id,
        memberName: r.member_name,
        sourceId: r.source_id,
      }),
    );
  }

  async function listAddresses(trx: Db, ententeId: string, memberId: string | null, email: string | null) {
    let query = trx
      .selectFrom("registered_address as r")
      .innerJoin("member as m", (j) =>
        j.onRef("m.entente_id", "=", "r.entente_id").onRef("m.id", "=", "r.member_id"),
      )
      .select([
        "r.email",
        "r.entente_id",
        "r.member_id",
        "m.name as member_name",
        "r.source_id",
        "r.role",
        "r.note",
      ])
      .where("r.entente_id", "=", ententeId);
    if (memberId !== null) query = query.where("r.member_id", "=", memberId);
    if (email !== null) query = query.where("r.email", "=", email);
    const rows = await query.orderBy("m.position").orderBy("r.email").execute();
    return rows.map(
      (r): RegisteredAddressRecord => ({
        email: r.email,
        ententeId: r.entente_id,
        memberId: r.member_id,
        memberName: r.member_name,
        sourceId: r.source_id,
        role: r.role,
        note: r.note,
      }),
    );
  }

  async function readPersons(
    trx: Db,
    ententeId: string,
    subs: readonly string[],
  ): Promise<DirectoryPerson[]> {
    if (subs.length === 0) return [];
    const persons = await trx
      .selectFrom("person")
      .selectAll()
      .where("sub", "in", [...subs])
      .execute();
    const affiliations = await selectAffiliations(trx as Kysely<IdentityDatabase>, subs, ententeId);
    const links = await trx
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

  async function getPerson(trx: Db, ententeId: string, sub: string): Promise<DirectoryPerson | null> {
    const [person] = await readPersons(trx, ententeId, [sub]);
    return person === undefined || person.affiliations.length === 0 ? null : person;
  }

  return {
    async listSources(ententeId, memberId) {
      let query = db.selectFrom("identity_source").selectAll().where("entente_id", "=", ententeId);
      if (memberId !== null) query = query.where("member_id", "=", memberId);
      const rows = await query.orderBy("member_id").orderBy("created_at").orderBy("id").execute();
      return rows.map(toSourceRecord);
    },

    getSource: (ententeId, sourceId) => readSource(db, ententeId, sourceId),

    createSource(ententeId, input, actor) {
      return db.transaction().execute(async (trx) => {
        await memberName(trx, ententeId, input.memberId);
        const id = newId();
        await trx
          .insertInto("identity_source")
          .values({
            id,
            entente_id: ententeId,
            member_id: input.memberId,
            kind: input.kind,
            label: input.label,
            settings: settingsColumn(input),
            mapping: JSON.stringify(input.mapping),
            secret: input.secret ?? null,
            enabled: input.enabled,
            created_at: clock.now(),
          })
          .execute();
        const created = (await readSource(trx, ententeId, id)) as SourceRecord;
        await recordAudit(trx, {
          actor,
          ententeId,
          action: "identity.source.create",
          entity: "identity_source",
          entityId: id,
          after: auditedSource(created),
        });
        return created;
      });
    },

    updateSource(ententeId, sourceId, input, expectedRowVersion, actor) {
      return db.transaction().execute(async (trx) => {
        const before = await readSource(trx, ententeId, sourceId);
        if (before === null) throw new EntenteError("identity.source_not_found", { id: sourceId });
        for (const field of ["kind", "memberId"] as const) {
          if (before[field] !== input[field]) {
            throw new EntenteError("identity.source_invalid", {
              field,
              expected: localized(
                `ne peut pas changer (« ${before[field]} ») : les identifiants pivot des personnes en dépendent ; créez une autre source`,
                `cannot change ("${before[field]}"): the persons' pivot ids depend on it; create another source`,
              ),
            });
          }
        }
        const updated = await trx
          .updateTable("identity_source")
          .set((eb) => ({
            label: input.label,
            settings: settingsColumn(input),
            mapping: JSON.stringify(input.mapping),
            enabled: input.enabled,
            ...(input.secret === undefined ? {} : { secret: input.secret }),
            row_version: eb("row_version", "+", 1),
          }))
          .where("id", "=", sourceId)
          .where("row_version", "=", expectedRowVersion)
          .returning("id")
          .executeTakeFirst();
        if (updated === undefined) {
          throwStaleOrMissing(
            { fr: "source d'identité", en: "identity source" },
            sourceId,
            expectedRowVersion,
            before.rowVersion,
          );
        }
        const after = (await readSource(trx, ententeId, sourceId)) as SourceRecord;
        await recordAudit(trx, {
          actor,
          ententeId,
          action: "identity.source.update",
          entity: "identity_source",
          entityId: sourceId,
          before: auditedSource(before),
          after: auditedSource(after),
        });
        return after;
      });
    },

    deleteSource(ententeId, sourceId, actor) {
      return db.transaction().execute(async (trx) => {
        const before = await readSource(trx, ententeId, sourceId);
        if (before === null) throw new EntenteError("identity.source_not_found", { id: sourceId });
        const links = await trx
          .selectFrom("person_link")
          .select((eb) => eb.fn.countAll<string>().as("n"))
          .where("source_id", "=", sourceId)
          .executeTakeFirstOrThrow();
        if (Number(links.n) > 0) {
          throw new EntenteError("identity.source_in_use", { source: before.label, count: Number(links.n) });
        }
        await trx.deleteFrom("identity_source").where("id", "=", sourceId).execute();
        await recordAudit(trx, {
          actor,
          ententeId,
          action: "identity.source.delete",
          entity: "identity_source",
          entityId: sourceId,
          before: auditedSource(before),
        });
      });
    },

    listDomains: (ententeId, memberId) => listDomains(db, ententeId, memberId, null),

    async addDomain(ententeId, input, actor) {
      const domain = normalizeEmail(input.domain).replace(/\.$/u, "");
      if (!isDomainName(domain)) {
        throw new EntenteError("identity.source_invalid", {
          field: "domain",
          expected: localized("un nom de domaine comme commune.fr", "a domain name such as town.fr"),
        });
      }
      return db.transaction().execute(async (trx) => {
        await memberName(trx, ententeId, input.memberId);
        if (input.sourceId !== null)
          await assertSourceOfMember(trx, ententeId, input.memberId, input.sourceId);
        const inserted = await trx
          .insertInto("member_email_domain")
          .values({
            domain,
            entente_id: ententeId,
            member_id: input.memberId,
            source_id: input.sourceId,
            created_at: clock.now(),
          })
          .onConflict((oc) => oc.column("domain").doNothing())
          .returning("domain")
          .executeTakeFirst();
        if (inserted === undefined) {
          const owner = await trx
            .selectFrom("member_email_domain as d")
            .innerJoin("member as m", (j) =>
              j.onRef("m.entente_id", "=", "d.entente_id").onRef("m.id", "=", "d.member_id"),
            )
            .select(["m.name", "d.entente_id"])
            .where("d.domain", "=", domain)
            .executeTakeFirstOrThrow();
          // Another entente's member is not named: ententes do not learn of each other.
          const member =
            owner.entente_id === ententeId
              ? owner.name
              : localized("une autre organisation", "another organisation");
          throw new EntenteError("identity.domain_taken", { domain, member });
        }
        const [record] = await listDomains(trx, ententeId, null, domain);
        await recordAudit(trx, {
          actor,
          ententeId,
          action: "identity.domain.add",
          entity: "member_email_domain",
          entityId: domain,
          after: record,
        });
        return record as MemberDomainRecord;
      });
    },

    async removeDomain(ententeId, rawDomain, actor) {
      const domain = rawDomain.trim().toLowerCase();
      return db.transaction().execute(async (trx) => {
        const [before] = await listDomains(trx, ententeId, null, domain);
        if (before === undefined) throw new EntenteError("identity.not_found", { what: DOMAIN, id: domain });
        await trx.deleteFrom("member_email_domain").where("domain", "=", domain).execute();
        await recordAudit(trx, {
          actor,
          ententeId,
          action: "identity.domain.remove",
          entity: "member_email_domain",
          entityId: domain,
          before,
        });
      });
    },

    listRegisteredAddresses: (ententeId, memberId) => listAddresses(db, ententeId, memberId, null),

    async registerAddress(ententeId, input, actor) {
      const email = normalizeEmail(input.email);
      if (!isEmailAddress(email)) throw new EntenteError("identity.email_invalid");
      return db.transaction().execute(async (trx) => {
        await memberName(trx, ententeId, input.memberId);
        await assertSourceOfMember(trx, ententeId, input.memberId, input.sourceId);
        const inserted = await trx
          .insertInto("registered_address")
          .values({
            email,
            entente_id: ententeId,
            member_id: input.memberId,
            source_id: input.sourceId,
            role: input.role,
            note: input.note,
            created_at: clock.now(),
          })
          .onConflict((oc) => oc.column("email").doNothing())
          .returning("email")
          .executeTakeFirst();
        if (inserted === undefined) {
          const owner = await trx
            .selectFrom("registered_address as r")
            .innerJoin("member as m", (j) =>
              j.onRef("m.entente_id", "=", "r.entente_id").onRef("m.id", "=", "r.member_id"),
            )
            .select(["m.name", "r.entente_id"])
            .where("r.email", "=", email)
            .executeTakeFirstOrThrow();
          const member =
            owner.entente_id === ententeId
              ? owner.name
              : localized("une autre organisation", "another organisation");
          throw new EntenteError("identity.address_taken", { email, member });
        }
        const [record] = await listAddresses(trx, ententeId, null, email);
        await recordAudit(trx, {
          actor,
          ententeId,
          action: "identity.address.register",
          entity: "registered_address",
          entityId: email,
          after: record,
        });
        return record as RegisteredAddressRecord;
      });
    },

    async removeRegisteredAddress(ententeId, rawEmail, actor) {
      const email = normalizeEmail(rawEmail);
      return db.transaction().execute(async (trx) => {
        const [before] = await listAddresses(trx, ententeId, null, email);
        if (before === undefined) throw new EntenteError("identity.not_found", { what: ADDRESS, id: email });
        await trx.deleteFrom("registered_address").where("email", "=", email).execute();
        await recordAudit(trx, {
          actor,
          ententeId,
          action: "identity.address.remove",
          entity: "registered_address",
          entityId: email,
          before,
        });
      });
    },

    async listPersons(ententeId, query) {
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
      return {
        persons: await readPersons(
          db,
          ententeId,
          page.map((r) => r.sub),
        ),
        total: Number(total.n),
      };
    },

    getPerson: (ententeId, sub) => getPerson(db, ententeId, sub),

    declareAffiliation(ententeId, sub, input, actor) {
      return db.transaction().execute(async (trx) => {
        const before = await getPerson(trx, ententeId, sub);
        const exists = await trx.selectFrom("person").select("sub").where("sub", "=", sub).executeTakeFirst();
        if (exists === undefined) throw new EntenteError("identity.not_found", { what: PERSON, id: sub });
        await memberName(trx, ententeId, input.memberId);
        const latest = await trx
          .selectFrom("person_affiliation")
          .select(["email", "uid"])
          .where("sub", "=", sub)
          .orderBy("last_seen_at", (o) => o.desc().nullsLast())
          .executeTakeFirst();
        const email = input.email === null ? latest?.email : normalizeEmail(input.email);
        if (email === undefined || !isEmailAddress(email)) throw new EntenteError("identity.email_invalid");
        const values = {
          role: input.role,
          email,
          uid: latest?.uid ?? email,
          groups: JSON.stringify(input.groups),
          declared_by: actor.id,
        };
        await trx
          .insertInto("person_affiliation")
          .values({
            sub,
            entente_id: ententeId,
            member_id: input.memberId,
            source_id: null,
            last_seen_at: null,
            ...values,
          })
          .onConflict((oc) => oc.columns(["sub", "entente_id", "member_id"]).doUpdateSet(values))
          .execute();
        const after = (await getPerson(trx, ententeId, sub)) as DirectoryPerson;
        await recordAudit(trx, {
          actor,
          ententeId,
          action: "identity.affiliation.declare",
          entity: "person",
          entityId: sub,
          before: before?.affiliations ?? [],
          after: after.affiliations,
        });
        return after;
      });
    },

    removeDeclaredAffiliation(ententeId, sub, memberId, actor) {
      return db.transaction().execute(async (trx) => {
        const removed = await trx
          .deleteFrom("person_affiliation")
          .where("sub", "=", sub)
          .where("entente_id", "=", ententeId)
          .where("member_id", "=", memberId)
          .where("source_id", "is", null)
          .returningAll()
          .executeTakeFirst();
        if (removed === undefined) {
          throw new EntenteError("identity.not_found", { what: DECLARED, id: `${sub} / ${memberId}` });
        }
        const after = await getPerson(trx, ententeId, sub);
        await recordAudit(trx, {
          actor,
          ententeId,
          action: "identity.affiliation.remove",
          entity: "person",
          entityId: sub,
          before: { memberId, role: removed.role, email: removed.email },
        });
        return after;
      });
    },
  };
}

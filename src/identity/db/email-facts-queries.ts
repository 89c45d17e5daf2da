import type { Kysely, Selectable } from "kysely";
import type { EmailFacts } from "../domain/route-email.ts";
import { toSourceRecord } from "./identity-rows.ts";
import type { IdentityDatabase, IdentitySourceTable } from "./tables.ts";

/**
 * The facts of one email address the routing decides on (`EmailFacts`, src/identity/domain/route-email.ts),
 * read in two queries run together. `email` and `domain` are already normalised.
 */
export async function findEmailFacts(
  db: Kysely<IdentityDatabase>,
  email: string,
  domain: string | null,
): Promise<EmailFacts> {
  const [registered, owner] = await Promise.all([
    findRegisteredAddress(db, email),
    domain === null ? null : findDomainOwner(db, domain),
  ]);
  return { registered, domain: owner };
}

/** The address registered as `email`, with its member's name and its source, or null. */
export async function findRegisteredAddress(
  db: Kysely<IdentityDatabase>,
  email: string,
): Promise<EmailFacts["registered"]> {
  const row = await db
    .selectFrom("registered_address as r")
    .innerJoin("member as m", (j) =>
      j.onRef("m.entente_id", "=", "r.entente_id").onRef("m.id", "=", "r.member_id"),
    )
    .innerJoin("identity_source as s", "s.id", "r.source_id")
    .selectAll("s")
    .select([
      "r.role as route_role",
      "m.name as member_name",
      "r.entente_id as r_entente_id",
      "r.member_id as r_member_id",
    ])
    .where("r.email", "=", email)
    .executeTakeFirst();
  if (row === undefined) return null;
  const { route_role, member_name, r_entente_id, r_member_id, ...source } = row;
  return {
    ententeId: r_entente_id,
    memberId: r_member_id,
    memberName: member_name,
    role: route_role,
    source: toSourceRecord(source),
  };
}

/**
 * The member owning `domain`, with the domain's own source and every source of the member
 * (oldest first), in one query; null when no member owns it.
 */
async function findDomainOwner(db: Kysely<IdentityDatabase>, domain: string): Promise<EmailFacts["domain"]> {
  const rows = await db
    .selectFrom("member_email_domain as d")
    .innerJoin("member as m", (j) =>
      j.onRef("m.entente_id", "=", "d.entente_id").onRef("m.id", "=", "d.member_id"),
    )
    .leftJoin("identity_source as s", (j) =>
      j.on((eb) =>
        eb.or([
          eb("s.id", "=", eb.ref("d.source_id")),
          eb.and([
            eb("s.entente_id", "=", eb.ref("d.entente_id")),
            eb("s.member_id", "=", eb.ref("d.member_id")),
          ]),
        ]),
      ),
    )
    .selectAll("s")
    .select([
      "d.entente_id as domain_entente_id",
      "d.member_id as domain_member_id",
      "d.source_id as domain_source_id",
      "m.name as member_name",
    ])
    .where("d.domain", "=", domain)
    .orderBy("s.created_at")
    .orderBy("s.id")
    .execute();
  const first = rows[0];
  if (first === undefined) return null;
  const sources = rows.flatMap(
    ({ domain_entente_id, domain_member_id, domain_source_id, member_name, ...s }) =>
      s.id === null ? [] : [toSourceRecord(s as Selectable<IdentitySourceTable>)],
  );
  return {
    ententeId: first.domain_entente_id,
    memberId: first.domain_member_id,
    memberName: first.member_name,
    domainSource: sources.find((s) => s.id === first.domain_source_id) ?? null,
    memberSources: sources.filter(
      (s) => s.ententeId === first.domain_entente_id && s.memberId === first.domain_member_id,
    ),
  };
}

import type { Kysely } from "kysely";
import { recordAudit } from "../../platform/db/record-audit.ts";
import type { PersonAdminStore } from "../app/admin/identity-admin-ports.ts";
import type { DirectoryPerson } from "../domain/person.ts";
import { emailDomain } from "../domain/pivot-identity.ts";
import { readDirectoryPerson, searchDirectoryPersons } from "./directory-person-queries.ts";
import { findEmailFacts } from "./email-facts-queries.ts";
import type { IdentityDatabase } from "./tables.ts";

/**
 * Persons as the administration reads and completes them (`PersonAdminStore`): the directory's
 * pages, the affiliations the secretariat declares and removes (one transaction each, audited
 * with the affiliations before and after).
 */
export function createPersonAdminStore(db: Kysely<IdentityDatabase>): PersonAdminStore {
  return {
    listPersons: (ententeId, query) => searchDirectoryPersons(db, ententeId, query),
    getPerson: (ententeId, sub) => readDirectoryPerson(db, ententeId, sub),
    sourceContacts: (ententeId, sub) =>
      db
        .selectFrom("person_affiliation")
        .select(["email", "uid"])
        .where("sub", "=", sub)
        .where("entente_id", "=", ententeId)
        .where("source_id", "is not", null)
        .orderBy("last_seen_at", (o) => o.desc().nullsLast())
        .orderBy("member_id")
        .execute(),
    emailFacts: (email) => findEmailFacts(db, email, emailDomain(email)),
    declareAffiliation(ententeId, sub, input, actor) {
      return db.transaction().execute(async (trx) => {
        const before = await readDirectoryPerson(trx, ententeId, sub);
        const values = {
          role: input.role,
          email: input.email,
          uid: input.uid,
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
        const after = (await readDirectoryPerson(trx, ententeId, sub)) as DirectoryPerson;
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
        if (removed === undefined) return { removed: false, person: null };
        const person = await readDirectoryPerson(trx, ententeId, sub);
        await recordAudit(trx, {
          actor,
          ententeId,
          action: "identity.affiliation.remove",
          entity: "person",
          entityId: sub,
          before: { memberId, role: removed.role, email: removed.email },
        });
        return { removed: true, person };
      });
    },
  };
}

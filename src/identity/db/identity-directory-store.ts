import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Clock } from "../../shared/clock.ts";
import type { DirectoryStore } from "../app/ports.ts";
import type { SourceRecord } from "../domain/identity-source.ts";
import { findEmailFacts, findRegisteredAddress } from "./email-facts-queries.ts";
import { readPersonRecord, toSourceRecord } from "./identity-rows.ts";
import { listOrganisations } from "./organisation-list.ts";
import { savePerson } from "./save-person.ts";
import type { IdentityDatabase } from "./tables.ts";

/** What the directory store is made with (a fixed clock and ids in tests). */
export interface IdentityDirectoryOptions {
  readonly clock?: Clock;
  /** New `sub` values; default: random UUIDs (never reused, never derived from an attribute). */
  readonly newId?: () => string;
}

/**
 * The pivot directory as the sign-in reads and writes it (`DirectoryStore`) on PostgreSQL/PGlite:
 * persons and their links (`savePerson`), the grants' affiliations, the facts of an email
 * address, the organisation list, the sources. The sign-in's rules over it are
 * `createIdentityDirectory` (src/identity/app).
 */
export function createIdentityDirectoryStore(
  db: Kysely<IdentityDatabase>,
  options: IdentityDirectoryOptions = {},
): DirectoryStore {
  const clock = options.clock ?? { now: () => new Date() };
  const newId = options.newId ?? randomUUID;
  return {
    findEmailFacts: (email, domain) => findEmailFacts(db, email, domain),
    findRegisteredAddress: (email) => findRegisteredAddress(db, email),
    savePerson: (source, identity, person) =>
      savePerson(db, source, identity, person, { now: clock.now(), newId }),
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
    listOrganisations: (ententeId) => listOrganisations(db, ententeId),
    async findSource(sourceId): Promise<SourceRecord | null> {
      const row = await db
        .selectFrom("identity_source")
        .selectAll()
        .where("id", "=", sourceId)
        .executeTakeFirst();
      return row === undefined ? null : toSourceRecord(row);
    },
  };
}

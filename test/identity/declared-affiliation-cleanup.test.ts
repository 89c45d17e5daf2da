import assert from "node:assert/strict";
import { before, it } from "node:test";
import { createIdentityDirectory } from "../../src/identity/app/identity-directory.ts";
import { createIdentityAdminStore } from "../../src/identity/db/identity-admin-store.ts";
import { createIdentityDirectoryStore } from "../../src/identity/db/identity-directory-store.ts";
import { SqlFileMigrationProvider } from "../../src/platform/db/migrate.ts";
import { describeOnDatabases } from "../helpers/databases.ts";
import { ACTOR, importTwoEntentes, LDAP_SOURCE, normalized, upstream } from "./directory-fixtures.ts";

// Migration 0010 (issue 10, item 1): the declared affiliations an entente gave another entente's
// person before the fix are removed and audited; the rest stays.

const MIGRATION = "0010_cross_entente_declared_affiliations";

describeOnDatabases("migration 0010: declared affiliations of another entente's persons", (get) => {
  let sub = "";

  before(async () => {
    const { db } = get();
    await importTwoEntentes(get());
    const admin = createIdentityAdminStore(db);
    const source = await admin.createSource("lyon", LDAP_SOURCE, ACTOR);
    const directory = createIdentityDirectory(createIdentityDirectoryStore(db));
    sub = (await directory.resolvePerson(source, upstream(source.id, "uuid-0010"), normalized())).sub;
    // Legitimate: Lyon declares its own person for another of its members.
    await admin.declareAffiliation(
      "lyon",
      sub,
      { memberId: "metropole", role: "agent", email: null, groups: [] },
      ACTOR,
    );
    // What the hole allowed: "autre" declared Lyon's person, with an address of its choice.
    await db
      .insertInto("person_affiliation")
      .values({
        sub,
        entente_id: "autre",
        member_id: "ville-lyon",
        role: "elu",
        source_id: null,
        declared_by: "secretariat@autre.test",
        email: "maire@tiers.test",
        uid: "maire",
        groups: "[]",
        last_seen_at: null,
      })
      .execute();
  });

  it("removes the other entente's declaration, audits it, keeps the rest; running again changes nothing", async () => {
    const { db } = get();
    const migration = (await new SqlFileMigrationProvider().getMigrations())[MIGRATION];
    assert.ok(migration, `${MIGRATION} exists`);
    await migration.up(db);
    await migration.up(db);
    const left = await db
      .selectFrom("person_affiliation")
      .select(["entente_id", "member_id", "source_id"])
      .where("sub", "=", sub)
      .orderBy("entente_id")
      .orderBy("member_id")
      .execute();
    assert.deepEqual(
      left.map((a) => `${a.entente_id}/${a.member_id}/${a.source_id === null ? "declared" : "source"}`),
      ["lyon/metropole/declared", "lyon/ville-lyon/source"],
    );
    const audit = await db
      .selectFrom("audit_event")
      .select(["entente_id", "action", "entity_id", "before"])
      .where("actor", "like", "migration 0010%")
      .execute();
    assert.equal(audit.length, 1);
    assert.deepEqual(
      {
        ...audit[0],
        before: typeof audit[0]?.before === "string" ? JSON.parse(audit[0].before) : audit[0]?.before,
      },
      {
        entente_id: "autre",
        action: "identity.affiliation.remove",
        entity_id: sub,
        before: { memberId: "ville-lyon", role: "elu", email: "maire@tiers.test" },
      },
    );
  });
});

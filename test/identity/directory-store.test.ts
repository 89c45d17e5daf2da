import assert from "node:assert/strict";
import { before, it } from "node:test";
import type { IdentityDirectoryAdmin } from "../../src/identity/app/admin/identity-admin-ports.ts";
import { createIdentityDirectory } from "../../src/identity/app/identity-directory.ts";
import type { IdentityRouting, PersonDirectory } from "../../src/identity/app/ports.ts";
import { createIdentityAdminStore } from "../../src/identity/db/identity-admin-store.ts";
import { createIdentityDirectoryStore } from "../../src/identity/db/identity-directory-store.ts";
import type { SourceRecord } from "../../src/identity/domain/identity-source.ts";
import { EntenteError } from "../../src/shared/errors.ts";
import { describeOnDatabases } from "../helpers/databases.ts";
import {
  ACTOR,
  importTwoEntentes,
  LDAP_SOURCE,
  normalized,
  SAML_SOURCE,
  upstream,
} from "./directory-fixtures.ts";

const isCode = (code: string) => (e: unknown) => e instanceof EntenteError && e.code === code;

describeOnDatabases("identity directory: persons and routing", (get) => {
  let directory: PersonDirectory & IdentityRouting;
  let admin: IdentityDirectoryAdmin;
  let ldap: SourceRecord;
  let saml: SourceRecord;
  let otherEntente: SourceRecord;

  before(async () => {
    await importTwoEntentes(get());
    directory = createIdentityDirectory(createIdentityDirectoryStore(get().db));
    admin = createIdentityAdminStore(get().db);
    ldap = await admin.createSource("lyon", LDAP_SOURCE, ACTOR);
    saml = await admin.createSource("lyon", SAML_SOURCE, ACTOR);
    otherEntente = await admin.createSource("autre", { ...LDAP_SOURCE, label: "Autre annuaire" }, ACTOR);
    await admin.addDomain(
      "lyon",
      { domain: "Ville-Lyon.test", memberId: "ville-lyon", sourceId: null },
      ACTOR,
    );
    await admin.addDomain(
      "lyon",
      { domain: "grandlyon.test", memberId: "metropole", sourceId: saml.id },
      ACTOR,
    );
  });

  it("a first sign-in creates a person with a random sub and the source's affiliation", async () => {
    const person = await directory.resolvePerson(ldap, upstream(ldap.id, "uuid-eloise"), normalized());
    assert.match(person.sub, /^[0-9a-f-]{36}$/);
    assert.equal(person.givenName, "Éloïse");
    assert.deepEqual(
      person.affiliations.map((a) => [
        a.ententeId,
        a.memberId,
        a.memberName,
        a.role,
        a.email,
        a.uid,
        a.groups,
      ]),
      [["lyon", "ville-lyon", "Ville de Lyon", "agent", "eloise.martin@ville-lyon.test", "emartin", ["DSI"]]],
    );
    assert.deepEqual(await directory.findPerson(person.sub), person);
  });

  it("renamed, re-cased attributes or a new email never change sub; names and affiliation are refreshed", async () => {
    const first = await directory.resolvePerson(
      ldap,
      upstream(ldap.id, "uuid-paul"),
      normalized({ givenName: "Paul" }),
    );
    const again = await directory.resolvePerson(
      ldap,
      upstream(ldap.id, "uuid-paul"),
      normalized({ givenName: "PAUL", familyName: "DURAND", email: "P.Durand@Ville-Lyon.test", groups: [] }),
    );
    assert.equal(again.sub, first.sub);
    assert.equal(again.givenName, "PAUL");
    assert.equal(again.affiliations[0]?.email, "p.durand@ville-lyon.test");
    assert.deepEqual(again.affiliations[0]?.groups, []);
  });

  it("the same upstream id at another source is another person (keyed on the source too)", async () => {
    const a = await directory.resolvePerson(ldap, upstream(ldap.id, "shared-id"), normalized());
    const b = await directory.resolvePerson(saml, upstream(saml.id, "shared-id"), normalized());
    assert.notEqual(a.sub, b.sub);
  });

  it("two first sign-ins of the same person at once give one sub and one person", async () => {
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        directory.resolvePerson(ldap, upstream(ldap.id, "uuid-concurrent"), normalized({ uid: "conc" })),
      ),
    );
    assert.equal(new Set(results.map((p) => p.sub)).size, 1);
    const persons = await get()
      .db.selectFrom("person_affiliation")
      .select("sub")
      .where("uid", "=", "conc")
      .execute();
    assert.equal(persons.length, 1);
    const orphans = await get()
      .db.selectFrom("person")
      .select("sub")
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom("person_link").select("sub").whereRef("person_link.sub", "=", "person.sub"))),
      )
      .execute();
    assert.deepEqual(orphans, []);
  });

  it("an address registered with role élu forces the role of the affiliation", async () => {
    await admin.registerAddress(
      "lyon",
      {
        email: "Maire.Adjoint@Gmail.test",
        memberId: "ville-lyon",
        sourceId: ldap.id,
        role: "elu",
        note: "élu",
      },
      ACTOR,
    );
    const person = await directory.resolvePerson(
      ldap,
      upstream(ldap.id, "uuid-elu"),
      normalized({ email: "maire.adjoint@gmail.test", role: "agent" }),
    );
    assert.equal(person.affiliations[0]?.role, "elu");
  });

  it("routes a registered address first, then the domain (its source, or the member's first source)", async () => {
    const registered = await directory.routeEmail(" MAIRE.adjoint@gmail.test ");
    assert.equal(registered?.via, "registered-address");
    assert.equal(registered?.role, "elu");
    assert.equal(registered?.source.id, ldap.id);
    assert.equal(registered?.memberName, "Ville de Lyon");

    const byDomain = await directory.routeEmail("agent@VILLE-LYON.test");
    assert.deepEqual(
      byDomain && [byDomain.via, byDomain.ententeId, byDomain.memberId, byDomain.source.id, byDomain.role],
      ["domain", "lyon", "ville-lyon", ldap.id, null],
    );
    assert.equal((await directory.routeEmail("x@grandlyon.test"))?.source.id, saml.id);
    assert.equal(await directory.routeEmail("x@unknown.test"), null);
    assert.equal(await directory.routeEmail("not-an-email"), null);
    // The secret is part of the record the flow reads (the API never returns it).
    assert.equal(byDomain?.source.secret, "bind-password");
  });

  it("routes to a disabled source (the flow says it is suspended)", async () => {
    const disabled = await admin.createSource(
      "lyon",
      { ...LDAP_SOURCE, memberId: "sitiv", label: "SITIV", enabled: false },
      ACTOR,
    );
    await admin.addDomain("lyon", { domain: "sitiv.test", memberId: "sitiv", sourceId: null }, ACTOR);
    const route = await directory.routeEmail("a@sitiv.test");
    assert.equal(route?.source.id, disabled.id);
    assert.equal(route?.source.enabled, false);
  });

  it("lists the organisations of one entente only, with enabled sources (issue 10: never another entente's)", async () => {
    const keysOf = async (ententeId: string) =>
      (await directory.listOrganisations(ententeId)).map(
        (o) => `${o.ententeId}/${o.memberId}:${o.sources.map((s) => s.label).join("+")}`,
      );
    const lyon = await keysOf("lyon");
    assert.ok(lyon.includes("lyon/ville-lyon:Annuaire de la Ville"));
    assert.ok(lyon.includes("lyon/metropole:IdP de la Métropole"));
    assert.ok(!lyon.some((k) => k.startsWith("autre/")), "another entente's members are not listed");
    assert.ok(!lyon.some((k) => k.startsWith("lyon/sitiv")), "SITIV's only source is disabled");
    assert.deepEqual(await keysOf("autre"), ["autre/ville-lyon:Autre annuaire"]);
    assert.deepEqual(await keysOf("nope"), []);
  });

  it("a source may assert emails of its member's domains and registered addresses only", async () => {
    assert.equal(await directory.mayAssertEmail(ldap, "A@ville-lyon.test"), true);
    assert.equal(await directory.mayAssertEmail(ldap, "maire.adjoint@gmail.test"), true);
    assert.equal(await directory.mayAssertEmail(saml, "a@ville-lyon.test"), false);
    assert.equal(await directory.mayAssertEmail(saml, "maire.adjoint@gmail.test"), false);
    assert.equal(await directory.mayAssertEmail(otherEntente, "a@ville-lyon.test"), false);
    assert.equal(await directory.mayAssertEmail(ldap, "a@sub.ville-lyon.test"), false);
  });

  it("records and reads the member of a grant", async () => {
    const person = await directory.resolvePerson(ldap, upstream(ldap.id, "uuid-eloise"), normalized());
    await directory.recordGrantAffiliation("grant-1", person.sub, "ville-lyon");
    assert.equal(await directory.grantAffiliation("grant-1"), "ville-lyon");
    assert.equal(await directory.grantAffiliation("grant-unknown"), null);
  });

  it("a person of several members: a declared affiliation is kept across sign-ins", async () => {
    const person = await directory.resolvePerson(
      ldap,
      upstream(ldap.id, "uuid-shared"),
      normalized({ uid: "shared" }),
    );
    await admin.declareAffiliation(
      "lyon",
      person.sub,
      { memberId: "sitiv", role: "agent", email: null, groups: ["Secrétariat"] },
      ACTOR,
    );
    const again = await directory.resolvePerson(
      ldap,
      upstream(ldap.id, "uuid-shared"),
      normalized({ uid: "shared" }),
    );
    assert.deepEqual(again.affiliations.map((a) => a.memberId).sort(), ["sitiv", "ville-lyon"]);
    const sitiv = again.affiliations.find((a) => a.memberId === "sitiv");
    assert.equal(sitiv?.email, "eloise.martin@ville-lyon.test");
    assert.deepEqual(sitiv?.groups, ["Secrétariat"]);
  });

  it("an address registered for another member is not the domain owner's to assert (issue 10, item 7)", async () => {
    await admin.registerAddress(
      "lyon",
      { email: "Maire@Ville-Lyon.test", memberId: "metropole", sourceId: saml.id, role: "elu", note: null },
      ACTOR,
    );
    assert.equal(await directory.mayAssertEmail(ldap, "maire@ville-lyon.test"), false);
    assert.equal(await directory.mayAssertEmail(saml, "maire@ville-lyon.test"), true);
    // Another source of the registered member is someone else too: only the registered source asserts it.
    const otherOfMetropole = await admin.createSource("lyon", { ...SAML_SOURCE, label: "IdP bis" }, ACTOR);
    assert.equal(await directory.mayAssertEmail(otherOfMetropole, "maire@ville-lyon.test"), false);
    await admin.deleteSource("lyon", otherOfMetropole.id, ACTOR);
    assert.equal(await directory.mayAssertEmail(ldap, "adjoint@ville-lyon.test"), true);
    assert.equal((await directory.routeEmail("maire@ville-lyon.test"))?.memberId, "metropole");
  });

  it("shared consumer domains: refused as member domains; one stored before the rule is nobody's", async () => {
    for (const domain of ["Gmail.com", "orange.fr", "yahoo.co.uk", "mail.free.fr"]) {
      await assert.rejects(
        admin.addDomain("lyon", { domain, memberId: "ville-lyon", sourceId: null }, ACTOR),
        isCode("identity.domain_shared"),
        domain,
      );
    }
    const configured = createIdentityAdminStore(get().db, { sharedMailDomains: ["webmail.test"] });
    await assert.rejects(
      configured.addDomain("lyon", { domain: "webmail.test", memberId: "ville-lyon", sourceId: null }, ACTOR),
      isCode("identity.domain_shared"),
    );
    // Given to a member before the rule (written straight to the table, as an old database has it).
    await get()
      .db.insertInto("member_email_domain")
      .values({ domain: "wanadoo.fr", entente_id: "lyon", member_id: "ville-lyon", source_id: null })
      .execute();
    assert.equal(await directory.routeEmail("jean.dupont@wanadoo.fr"), null);
    assert.equal(await directory.mayAssertEmail(ldap, "jean.dupont@wanadoo.fr"), false);
    await get().db.deleteFrom("member_email_domain").where("domain", "=", "wanadoo.fr").execute();
  });

  it("another entente's source is untouched by this one's routing", async () => {
    assert.equal((await directory.findSource(otherEntente.id))?.ententeId, "autre");
    assert.equal(await directory.findSource("nope"), null);
    await assert.rejects(
      admin.addDomain("autre", { domain: "ville-lyon.test", memberId: "ville-lyon", sourceId: null }, ACTOR),
      (e: unknown) =>
        isCode("identity.domain_taken")(e) && !JSON.stringify((e as EntenteError).details).includes("Ville"),
    );
  });
});

import assert from "node:assert/strict";
import { before, it } from "node:test";
import type { IdentityDirectoryAdmin } from "../../src/identity/app/admin/identity-admin-ports.ts";
import { createIdentityDirectory } from "../../src/identity/app/identity-directory.ts";
import type { PersonDirectory } from "../../src/identity/app/ports.ts";
import { createIdentityAdminStore } from "../../src/identity/db/identity-admin-store.ts";
import { createIdentityDirectoryStore } from "../../src/identity/db/identity-directory-store.ts";
import { createIdentityEventStore } from "../../src/identity/db/identity-event-store.ts";
import type { IdentityEvent } from "../../src/identity/domain/identity-event.ts";
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

describeOnDatabases("identity directory: administration and sign-in log", (get) => {
  let admin: IdentityDirectoryAdmin;
  let directory: PersonDirectory;
  let ldap: SourceRecord;

  before(async () => {
    await importTwoEntentes(get());
    admin = createIdentityAdminStore(get().db);
    directory = createIdentityDirectory(createIdentityDirectoryStore(get().db));
    ldap = await admin.createSource("lyon", LDAP_SOURCE, ACTOR);
  });

  it("sources: create, update with row_version, secret kept when absent, cleared when null", async () => {
    assert.equal(ldap.rowVersion, 1);
    assert.equal(ldap.kind, "ldap");
    const { secret: _ignored, ...withoutSecret } = { ...LDAP_SOURCE, label: "Annuaire (renommé)" };
    const updated = await admin.updateSource("lyon", ldap.id, withoutSecret, 1, ACTOR);
    assert.equal(updated.rowVersion, 2);
    assert.equal(updated.label, "Annuaire (renommé)");
    assert.equal(updated.secret, "bind-password");
    await assert.rejects(
      admin.updateSource("lyon", ldap.id, withoutSecret, 1, ACTOR),
      isCode("conflict.stale_version"),
    );
    const cleared = await admin.updateSource("lyon", ldap.id, { ...withoutSecret, secret: null }, 2, ACTOR);
    assert.equal(cleared.secret, null);
    ldap = await admin.updateSource("lyon", ldap.id, LDAP_SOURCE, 3, ACTOR);
    assert.equal(ldap.secret, "bind-password");
  });

  it("sources: kind and member cannot change; another entente's source is not found", async () => {
    await assert.rejects(
      admin.updateSource("lyon", ldap.id, { ...SAML_SOURCE, memberId: "ville-lyon" }, ldap.rowVersion, ACTOR),
      isCode("identity.source_invalid"),
    );
    await assert.rejects(
      admin.updateSource("lyon", ldap.id, { ...LDAP_SOURCE, memberId: "sitiv" }, ldap.rowVersion, ACTOR),
      isCode("identity.source_invalid"),
    );
    await assert.rejects(
      admin.updateSource("autre", ldap.id, LDAP_SOURCE, 1, ACTOR),
      isCode("identity.source_not_found"),
    );
    assert.equal(await admin.getSource("autre", ldap.id), null);
    await assert.rejects(
      admin.createSource("lyon", { ...LDAP_SOURCE, memberId: "nobody" }, ACTOR),
      isCode("identity.not_found"),
    );
  });

  it("the audit trail records source changes without the secret", async () => {
    const rows = await get()
      .db.selectFrom("audit_event")
      .select(["action", "before", "after"])
      .where("entity", "=", "identity_source")
      .execute();
    assert.ok(rows.length >= 4);
    assert.ok(!JSON.stringify(rows).includes("bind-password"));
    assert.ok(JSON.stringify(rows).includes('"hasSecret":true'));
  });

  it("sources: a binary identifier with a text encoding is refused on create and update (issue 10, item 8)", async () => {
    const withId = (idAttribute: string, idEncoding: "text" | "guid" | "sid" | "base64") =>
      LDAP_SOURCE.kind === "ldap"
        ? { ...LDAP_SOURCE, ldap: { ...LDAP_SOURCE.ldap, idAttribute, idEncoding } }
        : LDAP_SOURCE;
    for (const [attribute, encoding] of [
      ["objectGUID", "text"],
      ["objectSid", "text"],
      ["objectSid", "guid"],
    ] as const) {
      await assert.rejects(
        admin.createSource("lyon", withId(attribute, encoding), ACTOR),
        (e: unknown) =>
          isCode("identity.source_invalid")(e) && (e as EntenteError).details.field === "ldap.idEncoding",
        `${attribute} ${encoding}`,
      );
    }
    const ad = await admin.createSource("lyon", { ...withId("objectGUID", "guid"), label: "AD" }, ACTOR);
    await assert.rejects(
      admin.updateSource(
        "lyon",
        ad.id,
        { ...withId("objectGUID", "text"), label: "AD" },
        ad.rowVersion,
        ACTOR,
      ),
      isCode("identity.source_invalid"),
    );
    assert.deepEqual(await admin.getSource("lyon", ad.id), ad, "unchanged");
    await admin.deleteSource("lyon", ad.id, ACTOR);
  });

  it("sources: a source persons signed in through cannot be deleted; an unused one can", async () => {
    const unused = await admin.createSource("lyon", { ...SAML_SOURCE, label: "À supprimer" }, ACTOR);
    await admin.deleteSource("lyon", unused.id, ACTOR);
    assert.equal(await admin.getSource("lyon", unused.id), null);
    await directory.resolvePerson(ldap, upstream(ldap.id, "uuid-in-use"), normalized());
    await assert.rejects(admin.deleteSource("lyon", ldap.id, ACTOR), isCode("identity.source_in_use"));
    await assert.rejects(admin.deleteSource("autre", ldap.id, ACTOR), isCode("identity.source_not_found"));
  });

  it("domains: lowercased, one member across the instance, source of the same member, valid names", async () => {
    const added = await admin.addDomain(
      "lyon",
      { domain: " Mairie.Test ", memberId: "ville-lyon", sourceId: ldap.id },
      ACTOR,
    );
    assert.deepEqual(added, {
      domain: "mairie.test",
      ententeId: "lyon",
      memberId: "ville-lyon",
      memberName: "Ville de Lyon",
      sourceId: ldap.id,
    });
    await assert.rejects(
      admin.addDomain("lyon", { domain: "MAIRIE.test", memberId: "metropole", sourceId: null }, ACTOR),
      (e: unknown) =>
        isCode("identity.domain_taken")(e) && (e as EntenteError).details.member === "Ville de Lyon",
    );
    await assert.rejects(
      admin.addDomain("lyon", { domain: "metropole.test", memberId: "metropole", sourceId: ldap.id }, ACTOR),
      isCode("identity.source_invalid"),
    );
    for (const bad of ["", "no dot", "a@b.fr", "localhost"]) {
      await assert.rejects(
        admin.addDomain("lyon", { domain: bad, memberId: "metropole", sourceId: null }, ACTOR),
        isCode("identity.source_invalid"),
        bad,
      );
    }
    assert.deepEqual(
      (await admin.listDomains("lyon", "ville-lyon")).map((d) => d.domain),
      ["mairie.test"],
    );
    assert.deepEqual(await admin.listDomains("autre", null), []);
    await assert.rejects(admin.removeDomain("autre", "mairie.test", ACTOR), isCode("identity.not_found"));
    await admin.removeDomain("lyon", "MAIRIE.TEST", ACTOR);
    assert.deepEqual(await admin.listDomains("lyon", null), []);
  });

  it("registered addresses: lowercased, unique, source of the member, valid email", async () => {
    const address = await admin.registerAddress(
      "lyon",
      { email: "Jean.Elu@Perso.test", memberId: "ville-lyon", sourceId: ldap.id, role: "elu", note: null },
      ACTOR,
    );
    assert.equal(address.email, "jean.elu@perso.test");
    await assert.rejects(
      admin.registerAddress(
        "lyon",
        { email: "jean.elu@perso.test", memberId: "ville-lyon", sourceId: ldap.id, role: null, note: null },
        ACTOR,
      ),
      isCode("identity.address_taken"),
    );
    await assert.rejects(
      admin.registerAddress(
        "lyon",
        { email: "x@perso.test", memberId: "metropole", sourceId: ldap.id, role: null, note: null },
        ACTOR,
      ),
      isCode("identity.source_invalid"),
    );
    await assert.rejects(
      admin.registerAddress(
        "lyon",
        { email: "not an email", memberId: "ville-lyon", sourceId: ldap.id, role: null, note: null },
        ACTOR,
      ),
      isCode("identity.email_invalid"),
    );
    assert.equal((await admin.listRegisteredAddresses("lyon", null)).length, 1);
    assert.equal((await admin.listRegisteredAddresses("lyon", "metropole")).length, 0);
    await assert.rejects(
      admin.removeRegisteredAddress("autre", "jean.elu@perso.test", ACTOR),
      isCode("identity.not_found"),
    );
    await admin.removeRegisteredAddress("lyon", "JEAN.ELU@perso.test", ACTOR);
    assert.equal((await admin.listRegisteredAddresses("lyon", null)).length, 0);
  });

  it("persons: search by name, email or uid (case-insensitive, % taken literally), paged, per member", async () => {
    for (const [id, given, family, uid] of [
      ["p1", "Amélie", "Bernard", "abernard"],
      ["p2", "Bruno", "Chassagne", "bchassagne"],
      ["p3", "Chloé", "100%", "cpercent"],
    ] as const) {
      await directory.resolvePerson(
        ldap,
        upstream(ldap.id, id),
        normalized({ givenName: given, familyName: family, uid, email: `${uid}@ville-lyon.test` }),
      );
    }
    const all = await admin.listPersons("lyon", { memberId: null, search: null, limit: 2, offset: 0 });
    assert.equal(all.total, 4);
    assert.deepEqual(
      all.persons.map((p) => p.familyName),
      ["100%", "Bernard"],
    );
    const byName = await admin.listPersons("lyon", {
      memberId: null,
      search: "amélie",
      limit: 10,
      offset: 0,
    });
    assert.deepEqual(
      byName.persons.map((p) => p.affiliations[0]?.uid),
      ["abernard"],
    );
    const byEmail = await admin.listPersons("lyon", {
      memberId: null,
      search: "BCHASSAGNE@",
      limit: 10,
      offset: 0,
    });
    assert.equal(byEmail.total, 1);
    const literal = await admin.listPersons("lyon", { memberId: null, search: "0%", limit: 10, offset: 0 });
    assert.deepEqual(
      literal.persons.map((p) => p.familyName),
      ["100%"],
    );
    assert.equal(
      (await admin.listPersons("lyon", { memberId: "metropole", search: null, limit: 10, offset: 0 })).total,
      0,
    );
    assert.equal(
      (await admin.listPersons("autre", { memberId: null, search: null, limit: 10, offset: 0 })).total,
      0,
    );
    const person = all.persons[1];
    assert.ok(person);
    assert.deepEqual(
      person.links.map((l) => [l.sourceId, l.upstreamId]),
      [[ldap.id, "p1"]],
    );
    assert.equal(await admin.getPerson("autre", person.sub), null);
  });

  it("persons: declare and remove an extra affiliation; a source's one is not removable", async () => {
    const [person] = (
      await admin.listPersons("lyon", { memberId: null, search: "Bruno", limit: 1, offset: 0 })
    ).persons;
    assert.ok(person);
    const bruno = { memberId: "metropole", role: "elu", email: "Bruno@GrandLyon.test", groups: [] } as const;
    // A domain the member does not own is refused (issue 10, item 1), then accepted once it does.
    await assert.rejects(
      admin.declareAffiliation("lyon", person.sub, bruno, ACTOR),
      isCode("identity.email_not_owned"),
    );
    await admin.addDomain("lyon", { domain: "grandlyon.test", memberId: "metropole", sourceId: null }, ACTOR);
    const declared = await admin.declareAffiliation(
      "lyon",
      person.sub,
      { memberId: "metropole", role: "elu", email: "Bruno@GrandLyon.test", groups: [] },
      ACTOR,
    );
    const metropole = declared.affiliations.find((a) => a.memberId === "metropole");
    assert.deepEqual(
      metropole && [metropole.role, metropole.email, metropole.declaredBy, metropole.sourceId],
      ["elu", "bruno@grandlyon.test", ACTOR.id, null],
    );
    await assert.rejects(
      admin.declareAffiliation(
        "lyon",
        "nobody",
        { memberId: "metropole", role: "agent", email: null, groups: [] },
        ACTOR,
      ),
      isCode("identity.not_found"),
    );
    await assert.rejects(
      admin.declareAffiliation(
        "lyon",
        person.sub,
        { memberId: "nope", role: "agent", email: null, groups: [] },
        ACTOR,
      ),
      isCode("identity.not_found"),
    );
    await assert.rejects(
      admin.removeDeclaredAffiliation("lyon", person.sub, "ville-lyon", ACTOR),
      isCode("identity.not_found"),
    );
    const after = await admin.removeDeclaredAffiliation("lyon", person.sub, "metropole", ACTOR);
    assert.deepEqual(
      after?.affiliations.map((a) => a.memberId),
      ["ville-lyon"],
    );
  });

  it("sign-in log: records events, lists them newest first with filters and stable pages", async () => {
    const events = createIdentityEventStore(get().db);
    const base: IdentityEvent = {
      kind: "sign_in",
      at: new Date("2026-03-01T10:00:00Z"),
      ententeId: "lyon",
      sub: "s1",
      memberId: "ville-lyon",
      clientId: "svc_a",
      sourceId: ldap.id,
      code: null,
      requestId: "req-1",
      ip: "127.0.0.1",
      details: { acr: "urn:entente:acr:1fa" },
    };
    for (let i = 0; i < 5; i += 1) await events.record({ ...base, requestId: `req-${i}` });
    await events.record({
      ...base,
      kind: "sign_in_refused",
      code: "identity.service_refused",
      at: new Date("2026-03-02T00:00:00Z"),
    });
    await events.record({ ...base, memberId: "metropole", sub: "s2", at: new Date("2026-02-01T00:00:00Z") });
    await events.record({ ...base, ententeId: "autre" });
    const q = {
      kind: null,
      memberId: null,
      sub: null,
      clientId: null,
      from: null,
      to: null,
      before: null,
      limit: 3,
    };

    const page1 = await events.listEvents("lyon", q);
    assert.deepEqual(
      page1.events.map((e) => e.kind),
      ["sign_in_refused", "sign_in", "sign_in"],
    );
    assert.ok(page1.nextBefore);
    const page2 = await events.listEvents("lyon", { ...q, before: page1.nextBefore });
    const page3 = await events.listEvents("lyon", { ...q, before: page2.nextBefore });
    assert.equal(page3.nextBefore, null);
    const ids = [...page1.events, ...page2.events, ...page3.events].map((e) => e.id);
    assert.equal(ids.length, 7);
    assert.equal(new Set(ids).size, 7);
    assert.deepEqual(page1.events[0]?.details, { acr: "urn:entente:acr:1fa" });

    assert.equal(
      (await events.listEvents("lyon", { ...q, limit: 50, kind: "sign_in_refused" })).events.length,
      1,
    );
    assert.equal(
      (await events.listEvents("lyon", { ...q, limit: 50, memberId: "metropole" })).events.length,
      1,
    );
    assert.equal((await events.listEvents("lyon", { ...q, limit: 50, sub: "s2" })).events.length, 1);
    assert.equal((await events.listEvents("lyon", { ...q, limit: 50, clientId: "svc_b" })).events.length, 0);
    const march = await events.listEvents("lyon", {
      ...q,
      limit: 50,
      from: new Date("2026-03-01T00:00:00Z"),
      to: new Date("2026-03-02T00:00:00Z"),
    });
    assert.equal(march.events.length, 5);
    assert.equal((await events.listEvents("autre", { ...q, limit: 50 })).events.length, 1);
  });
});

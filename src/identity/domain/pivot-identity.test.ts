import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { EntenteError } from "../errors.ts";
import type { AttributeMapping as PivotAttributeMapping } from "./identity-source.ts";
import {
  emailDomain,
  firstRdnValue,
  isDomainName,
  isEmailAddress,
  normalizeGroups,
  normalizeIdentity,
  normalizeText,
} from "./pivot-identity.ts";

const LDAP: PivotAttributeMapping = {
  givenName: "givenName",
  familyName: "sn",
  usualName: "usualName",
  email: "mail",
  uid: "uid",
  groups: "memberOf",
  role: { attribute: "employeeType", eluValues: ["Élu", "elected"] },
};

const AGENT = {
  givenname: ["  Éloïse\u00a0 Marie "],
  SN: ["DE LA  FONTAINE"],
  MAIL: ["", " E.Fontaine@Lyon.FR "],
  uid: ["efontaine", "other"],
  memberOf: [
    "cn=DSI,ou=groups,dc=lyon,dc=fr",
    "dsi",
    "cn=Agents\\, titulaires,ou=groups,dc=lyon,dc=fr",
    "Agents",
  ],
  employeeType: ["agent"],
};

describe("normalizeIdentity", () => {
  it("looks attributes up case-insensitively, normalises whitespace, keeps names' case and accents", () => {
    assert.deepEqual(normalizeIdentity(AGENT, LDAP, "Annuaire de Lyon"), {
      givenName: "Éloïse Marie",
      familyName: "DE LA FONTAINE",
      usualName: "DE LA FONTAINE",
      email: "e.fontaine@lyon.fr",
      emailVerified: true,
      uid: "efontaine",
      groups: ["Agents", "Agents, titulaires", "DSI"],
      role: "agent",
    });
  });

  it("keeps an email the source says it has not verified unverified (email_verified), whatever its case", () => {
    const verified = (values: string[] | undefined) =>
      normalizeIdentity(values === undefined ? AGENT : { ...AGENT, Email_Verified: values }, LDAP, "x")
        .emailVerified;
    assert.equal(verified(undefined), true, "no statement: the member owns the domain");
    assert.equal(verified(["true"]), true);
    assert.equal(verified(["TRUE"]), true);
    for (const no of [["false"], ["False"], ["0"], ["false", "true"]])
      assert.equal(verified(no), false, String(no));
  });

  it("puts decomposed accents in NFC", () => {
    const out = normalizeIdentity({ ...AGENT, givenname: ["E\u0301lise"] }, LDAP, "x");
    assert.equal(out.givenName, "\u00c9lise");
  });

  it("takes the usual name when given", () => {
    assert.equal(normalizeIdentity({ ...AGENT, usualname: ["Martin"] }, LDAP, "x").usualName, "Martin");
  });

  it("decides the role from the attribute, case-insensitively, DN or not", () => {
    assert.equal(normalizeIdentity({ ...AGENT, employeeType: ["ÉLU"] }, LDAP, "x").role, "elu");
    assert.equal(
      normalizeIdentity({ ...AGENT, employeeType: ["cn=Elected,ou=roles,dc=x"] }, LDAP, "x").role,
      "elu",
    );
    assert.equal(normalizeIdentity({ ...AGENT, employeeType: [] }, LDAP, "x").role, "agent");
    const fixed = { ...LDAP, role: { fixed: "elu" as const } };
    assert.equal(normalizeIdentity(AGENT, fixed, "x").role, "elu");
  });

  it("gives no groups when the mapping has none", () => {
    assert.deepEqual(normalizeIdentity(AGENT, { ...LDAP, groups: null }, "x").groups, []);
  });

  const missing: { claim: string; attributes: Record<string, string[]>; attribute: string }[] = [
    { claim: "given_name", attributes: { ...AGENT, givenname: [" ", ""] }, attribute: "givenName" },
    { claim: "family_name", attributes: { ...AGENT, SN: [] }, attribute: "sn" },
    { claim: "email", attributes: { ...AGENT, MAIL: [] }, attribute: "mail" },
    { claim: "uid", attributes: { givenname: ["a"], sn: ["b"], mail: ["a@b.fr"] }, attribute: "uid" },
  ];
  for (const c of missing) {
    it(`throws identity.attribute_missing when ${c.claim} is missing`, () => {
      assert.throws(
        () => normalizeIdentity(c.attributes, LDAP, "Annuaire de Lyon"),
        (e: unknown) =>
          e instanceof EntenteError &&
          e.code === "identity.attribute_missing" &&
          e.details.source === "Annuaire de Lyon" &&
          e.details.attribute === c.attribute &&
          e.details.claim === c.claim,
      );
    });
  }

  it("refuses an email that is not an address", () => {
    for (const bad of ["efontaine", "a@b", "a b@lyon.fr", "@lyon.fr", "a@@lyon.fr"]) {
      assert.throws(
        () => normalizeIdentity({ ...AGENT, MAIL: [bad] }, LDAP, "x"),
        (e: unknown) => e instanceof EntenteError && e.code === "identity.upstream_rejected",
        bad,
      );
    }
  });

  const text = fc.string({ unit: "grapheme", maxLength: 12 });
  const nonEmpty = text.filter((s) => normalizeText(s) !== "");
  const localPart = fc.stringMatching(/^[a-zA-Z0-9._-]{1,10}$/);
  const domain = fc.stringMatching(/^[a-zA-Z0-9-]{1,8}\.[a-zA-Z]{2,4}$/);
  const group = fc.oneof(
    nonEmpty,
    fc.stringMatching(/^[a-zé=,+\\ ]{1,12}$/),
    fc
      .tuple(fc.stringMatching(/^[A-Za-zé ]{1,8}$/), fc.constantFrom("ou=groups,dc=lyon,dc=fr", "dc=x"))
      .map(([cn, rest]) => `cn=${cn},${rest}`),
  );
  const attributesArb = fc.record({
    givenName: fc.array(nonEmpty, { minLength: 1, maxLength: 3 }),
    sn: fc.array(nonEmpty, { minLength: 1, maxLength: 3 }),
    mail: fc.tuple(localPart, domain).map(([l, d]) => [`${l}@${d}`]),
    uid: fc.array(nonEmpty, { minLength: 1, maxLength: 2 }),
    memberOf: fc.array(group, { maxLength: 5 }),
    employeeType: fc.array(fc.constantFrom("agent", "élu", "ELECTED", "cn=Élu,dc=x"), { maxLength: 2 }),
  });

  it("is idempotent: normalising a normalised identity changes nothing", () => {
    fc.assert(
      fc.property(attributesArb, (attributes) => {
        const once = normalizeIdentity(attributes, LDAP, "x");
        const again = normalizeIdentity(
          {
            givenName: [once.givenName],
            sn: [once.familyName],
            usualName: [once.usualName],
            mail: [once.email],
            uid: [once.uid],
            memberOf: once.groups,
            employeeType: [once.role === "elu" ? "élu" : "agent"],
          },
          LDAP,
          "x",
        );
        assert.deepEqual(again, once);
      }),
    );
  });

  it("does not depend on the order of groups nor on the case of attribute names", () => {
    fc.assert(
      fc.property(attributesArb, (attributes) => {
        const reordered = {
          ...Object.fromEntries(Object.entries(attributes).map(([k, v]) => [k.toUpperCase(), v])),
          MEMBEROF: [...attributes.memberOf].reverse(),
        };
        assert.deepEqual(normalizeIdentity(reordered, LDAP, "x"), normalizeIdentity(attributes, LDAP, "x"));
      }),
    );
  });
});

describe("normalizeGroups and firstRdnValue", () => {
  it("reduces DNs with escapes to their first RDN value", () => {
    assert.equal(firstRdnValue("CN=Service \\2C DSI,OU=Groups,DC=ad,DC=lyon"), "Service , DSI");
    assert.equal(firstRdnValue("cn=\\C3\\89lus+sn=x,dc=x"), "Élus");
    assert.equal(firstRdnValue("Élus municipaux"), "Élus municipaux");
    assert.equal(firstRdnValue("1.3.6.1.4.1.1466.0=#04024869,dc=x"), "#04024869");
    assert.equal(firstRdnValue("cn=Élus"), "cn=Élus", "one RDN: a plain name");
    assert.equal(firstRdnValue("a=b=c\\,d,e"), "a=b=c\\,d,e", "a part without type: not a DN");
    assert.equal(firstRdnValue("a=b=c\\,d=e,f=g"), "c", "reduced until it is no DN (idempotent)");
  });

  it("deduplicates case-insensitively, keeps the spelling that sorts first, and sorts", () => {
    assert.deepEqual(normalizeGroups(["élus", "Élus", "cn=élus,dc=x", "DSI", " ", "agents"]), [
      "agents",
      "DSI",
      "Élus",
    ]);
    assert.deepEqual(normalizeGroups(["b", "B", "a"]), ["a", "B"]);
  });
});

describe("emailDomain, isEmailAddress and isDomainName", () => {
  it("accepts domain names and refuses others", () => {
    for (const ok of ["lyon.fr", "mairie-lyon.fr", "xn--chteau-bva.fr", "château.fr", "a.b.c.fr"])
      assert.equal(isDomainName(ok), true, ok);
    for (const bad of [
      "",
      "localhost",
      "a@b.fr",
      "no dot",
      "-lyon.fr",
      "lyon-.fr",
      "lyon..fr",
      ".fr",
      "lyon.1",
    ])
      assert.equal(isDomainName(bad), false, bad);
  });
  it("gives the lowercased domain", () => {
    assert.equal(emailDomain("Jean.Dupont@Mairie-Lyon.FR"), "mairie-lyon.fr");
    assert.equal(emailDomain("a@lyon.fr."), "lyon.fr");
    assert.equal(emailDomain("no-at-sign"), null);
    assert.equal(emailDomain("trailing@"), null);
  });
  it("accepts addresses and refuses others", () => {
    assert.equal(isEmailAddress("prenom.nom@commune.fr"), true);
    assert.equal(isEmailAddress("prenom.nom@commune"), false);
    assert.equal(isEmailAddress(`${"a".repeat(250)}@b.fr`), false);
  });
});

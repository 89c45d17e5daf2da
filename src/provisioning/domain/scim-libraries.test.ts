import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { scimPatch } from "scim-patch";
import { filter as libraryFilter, parse } from "scim2-parse-filter";
import { coerceResource } from "./scim-coerce.ts";
import { ScimProtocolError } from "./scim-error.ts";
import { matchesFilter, parseScimFilter, singleEquality } from "./scim-filter.ts";
import { applyPatch, readPatchRequest } from "./scim-patch-request.ts";
import { ENTERPRISE_SCHEMA, PATCH_SCHEMA, USER_SCHEMA } from "./scim-schemas.ts";

// The hard cases of the two libraries, checked before relying on them (docs/provisioning.md):
// each test shows what the library does alone, then what Entente does with it.
const user = {
  schemas: [USER_SCHEMA],
  id: "u1",
  externalId: "Oid-1",
  userName: "Jeanne.Martin@Ville-Lyon.fr",
  active: true,
  emails: [{ type: "work", value: "Jeanne.Martin@Ville-Lyon.fr", primary: true }],
  meta: { resourceType: "User", created: "2026-03-02T09:00:00.000Z" },
};

describe("scim2-parse-filter: parsing kept, evaluation ours (caseExact per RFC 7643)", () => {
  it("the library compares userName case-sensitively; Entente does not", () => {
    const query = parse('userName eq "jeanne.martin@ville-lyon.fr"');
    assert.equal(libraryFilter(query)(user), false);
    assert.equal(matchesFilter("User", query, user), true);
  });

  it("externalId and id stay case-exact", () => {
    assert.equal(matchesFilter("User", parseScimFilter('externalId eq "oid-1"'), user), false);
    assert.equal(matchesFilter("User", parseScimFilter('externalId eq "Oid-1"'), user), true);
  });

  it("reads attribute names case-insensitively, URN-qualified paths, value paths and dates", () => {
    const table: [string, boolean][] = [
      ['USERNAME sw "jeanne"', true],
      [`${USER_SCHEMA}:userName co "MARTIN"`, true],
      ['emails[type eq "WORK" and value ew "lyon.fr"]', true],
      ['emails.value eq "jeanne.martin@ville-lyon.fr"', true],
      ["active eq false", false],
      ['meta.created gt "2026-03-01T00:00:00Z"', true],
      ["not (userName pr) or title pr", false],
      [`${ENTERPRISE_SCHEMA}:department pr`, false],
    ];
    for (const [text, expected] of table)
      assert.equal(matchesFilter("User", parseScimFilter(text), user), expected, text);
  });

  it("refuses a malformed filter with invalidFilter, naming it", () => {
    assert.throws(
      () => parseScimFilter('userName eq "x" and'),
      (error: unknown) =>
        error instanceof ScimProtocolError &&
        error.scimType === "invalidFilter" &&
        /userName eq/.test(error.message),
    );
  });

  it("recognises the single equalities clients send before a create", () => {
    assert.deepEqual(singleEquality(parseScimFilter('UserName eq "a@b.fr"')), {
      attribute: "userName",
      value: "a@b.fr",
    });
    assert.equal(singleEquality(parseScimFilter('userName eq "a" or userName eq "b"')), null);
  });
});

describe("scim-patch: applied, then coerced to the schema", () => {
  it("the library stores Entra's string 'False' as a (truthy) string; Entente stores false", () => {
    const operations = [{ op: "Replace" as const, path: "active", value: "False" }];
    const patched = scimPatch(
      { ...structuredClone(user), meta: { created: new Date(), lastModified: new Date() } },
      operations,
    );
    assert.equal((patched as Record<string, unknown>).active, "False");
    const ours = coerceResource(
      "User",
      applyPatch(user, readPatchRequest("User", { schemas: [PATCH_SCHEMA], Operations: operations })),
    );
    assert.equal(ours.active, false);
  });

  it("removes a member by filter, replaces members with [], and applies a no-path value object", () => {
    const group = { schemas: [], displayName: "g", members: [{ value: "a" }, { value: "b" }] };
    const request = (Operations: unknown[]) =>
      readPatchRequest("Group", { schemas: [PATCH_SCHEMA], Operations });
    assert.deepEqual(applyPatch(group, request([{ op: "remove", path: 'members[value eq "a"]' }])).members, [
      { value: "b" },
    ]);
    assert.deepEqual(applyPatch(group, request([{ op: "replace", path: "members", value: [] }])).members, []);
    assert.equal(
      applyPatch(group, request([{ op: "Replace", value: { displayName: "h" } }])).displayName,
      "h",
    );
  });

  it("adds the value when a replace's filter selects nothing (Entra ID sends replace for a missing work email)", () => {
    const request = readPatchRequest("User", {
      schemas: [PATCH_SCHEMA],
      Operations: [{ op: "replace", path: 'emails[type eq "work"].value', value: "x@y.fr" }],
    });
    assert.deepEqual(applyPatch({ ...user, emails: [] }, request).emails, [
      { type: "work", value: "x@y.fr" },
    ]);
  });

  it("answers noTarget when a remove's filter selects nothing to remove from", () => {
    const request = readPatchRequest("User", {
      schemas: [PATCH_SCHEMA],
      Operations: [{ op: "remove", path: 'emails[type eq "home"].value' }],
    });
    assert.throws(
      () => applyPatch({ ...user, emails: [] }, request),
      (error: unknown) => error instanceof ScimProtocolError && error.status === 400,
    );
  });
});

describe("coerceResource: the clients' habits brought to the schema", () => {
  it("canonical names, nested extension keys, a bare manager id, read-only attributes dropped", () => {
    const coerced = coerceResource("User", {
      USERNAME: "a@b.fr",
      Active: "TRUE",
      emails: { value: "a@b.fr" },
      id: "forged",
      groups: [{ value: "g" }],
      [`${ENTERPRISE_SCHEMA}:manager`]: "boss",
      unknownThing: 1,
    });
    assert.deepEqual(coerced, {
      userName: "a@b.fr",
      active: true,
      emails: [{ value: "a@b.fr" }],
      [ENTERPRISE_SCHEMA]: { manager: { value: "boss" } },
      schemas: [USER_SCHEMA, ENTERPRISE_SCHEMA],
    });
  });

  it("refuses a value of the wrong type with invalidValue naming the attribute", () => {
    assert.throws(
      () => coerceResource("User", { userName: "a", name: { givenName: { x: 1 } } }),
      (error: unknown) =>
        error instanceof ScimProtocolError &&
        error.scimType === "invalidValue" &&
        /name\.givenName/.test(error.message),
    );
  });
});

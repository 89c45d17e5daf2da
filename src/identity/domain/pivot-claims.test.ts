import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Affiliation, PersonRecord } from "./person.ts";
import { pivotClaimsOf } from "./pivot-claims.ts";

const affiliation = {
  ententeId: "lyon",
  memberId: "sitiv",
  memberName: "SITIV",
  siren: null,
  siret: null,
  role: "agent",
  email: "a@sitiv.test",
  uid: "a",
  groups: [],
} as unknown as Affiliation;
const person = {
  sub: "s-1",
  givenName: "Éloïse",
  familyName: "Martin",
  usualName: "",
  affiliations: [affiliation],
} as unknown as PersonRecord;

describe("pivotClaimsOf", () => {
  it('omits a claim without a value instead of sending null or "" (OIDC Core §5.3.2)', () => {
    const claims = pivotClaimsOf(person, affiliation);
    for (const name of ["siren", "siret", "usual_name"]) assert.equal(name in claims, false, name);
    assert.equal(Object.values(claims).includes(null as never), false);
    assert.equal(claims.organization_id, "sitiv");
    assert.deepEqual(claims.groups, []);
    assert.deepEqual(Object.keys(pivotClaimsOf(person, null)).sort(), ["family_name", "given_name", "sub"]);
  });

  it("keeps the organisation's numbers when it has them", () => {
    const claims = pivotClaimsOf(person, { ...affiliation, siren: "200046977", siret: "20004697700019" });
    assert.equal(claims.siren, "200046977");
    assert.equal(claims.siret, "20004697700019");
  });
});

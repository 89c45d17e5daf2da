import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { affiliationOfExistingGrant, affiliationOfGrant, decideAffiliation } from "./affiliation-choice.ts";
import { grantedScopes } from "./granted-scopes.ts";
import type { Affiliation, PersonRecord } from "./person.ts";
import { mayReuseGrant } from "./service-access.ts";
import type { ServiceClientRecord } from "./service-client.ts";

const affiliation = (ententeId: string, memberId: string): Affiliation => ({
  ententeId,
  memberId,
  memberName: memberId,
  emailVerified: true,
  siren: null,
  siret: null,
  role: "agent",
  email: `a@${memberId}.fr`,
  uid: "a",
  groups: [],
});
const person = (...affiliations: Affiliation[]): PersonRecord => ({
  sub: "sub-1",
  givenName: "Alice",
  familyName: "Martin",
  usualName: "Martin",
  affiliations,
});

describe("the affiliation a sign-in and a grant act for", () => {
  it("decideAffiliation: several in the service's entente → choose, none → refused, one → that one", () => {
    const lyon = affiliation("e1", "lyon");
    const sitiv = affiliation("e1", "sitiv");
    assert.deepEqual(decideAffiliation(person(lyon, sitiv, affiliation("e2", "x")), "e1"), {
      kind: "choose",
      memberIds: ["lyon", "sitiv"],
    });
    assert.deepEqual(decideAffiliation(person(affiliation("e2", "x")), "e1"), { kind: "none" });
    assert.deepEqual(decideAffiliation(person(lyon, affiliation("e2", "x")), "e1"), {
      kind: "one",
      affiliation: lyon,
    });
  });

  it("affiliationOfGrant: the member recorded in the service's entente, else the only one, else none", () => {
    const alice = person(affiliation("e1", "lyon"), affiliation("e1", "sitiv"), affiliation("e2", "lyon"));
    assert.equal(affiliationOfGrant(alice, "lyon", "e2")?.ententeId, "e2");
    assert.equal(affiliationOfGrant(alice, "nope", "e1"), null);
    assert.equal(affiliationOfGrant(alice, null, "e1"), null, "several and none recorded: no guess");
    assert.equal(affiliationOfGrant(alice, null, "e2")?.memberId, "lyon");
  });

  it("mayReuseGrant: an enabled service of the affiliation's entente whose policy still lets it in", () => {
    const service = {
      enabled: true,
      ententeId: "e1",
      policy: { memberIds: ["lyon"], roles: null, groups: null },
    };
    const alice = person(affiliation("e1", "lyon"), affiliation("e1", "sitiv"));
    const of = (extra: object) => ({ ...service, ...extra }) as unknown as ServiceClientRecord;
    assert.equal(mayReuseGrant(of({}), alice, "lyon"), true);
    assert.equal(mayReuseGrant(of({}), alice, "sitiv"), false, "policy");
    assert.equal(mayReuseGrant(of({ enabled: false }), alice, "lyon"), false);
    assert.equal(mayReuseGrant(of({ ententeId: "e2" }), alice, "lyon"), false);
    assert.equal(mayReuseGrant(of({}), alice, null), false, "several, none recorded");
    assert.equal(mayReuseGrant(null, alice, "lyon"), false);
    assert.equal(affiliationOfExistingGrant(person(affiliation("e1", "lyon")), null)?.memberId, "lyon");
  });

  it("grantedScopes: asked among registered, openid always, each once", () => {
    assert.deepEqual(grantedScopes("email openid admin email", ["openid", "email"]), ["openid", "email"]);
    assert.deepEqual(grantedScopes("", []), ["openid"]);
  });
});

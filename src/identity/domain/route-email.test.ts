import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { SourceRecord } from "./identity-source.ts";
import { type EmailFacts, mayAssertEmail, roleAtSignIn, routeEmail } from "./route-email.ts";

function source(id: string, memberId: string, enabled = true): SourceRecord {
  return {
    kind: "local",
    id,
    ententeId: "lyon",
    memberId,
    label: id,
    enabled,
    mapping: {
      givenName: "givenName",
      familyName: "sn",
      usualName: null,
      email: "mail",
      uid: "uid",
      groups: null,
      role: { fixed: "agent" },
    },
    secret: null,
    rowVersion: 1,
  };
}

const ville = { ententeId: "lyon", memberId: "ville", memberName: "Ville de Lyon" };
const registered = (role: "elu" | null): EmailFacts["registered"] => ({
  ...ville,
  role,
  source: source("s-elus", "ville"),
});
const domain = (
  domainSource: SourceRecord | null,
  memberSources: readonly SourceRecord[],
): EmailFacts["domain"] => ({ ...ville, domainSource, memberSources });

describe("routeEmail", () => {
  it("a registered address first, with its source and the role it forces", () => {
    const route = routeEmail({
      registered: registered("elu"),
      domain: domain(null, [source("s-1", "ville")]),
    });
    assert.deepEqual(route && [route.via, route.source.id, route.role, route.memberName], [
      "registered-address",
      "s-elus",
      "elu",
      "Ville de Lyon",
    ]);
  });

  it("then the domain: its own source, else the member's first enabled source, else its first", () => {
    const [old, next] = [source("s-old", "ville", false), source("s-next", "ville")];
    assert.equal(routeEmail({ registered: null, domain: domain(next, [old, next]) })?.source.id, "s-next");
    assert.equal(routeEmail({ registered: null, domain: domain(null, [old, next]) })?.source.id, "s-next");
    assert.equal(routeEmail({ registered: null, domain: domain(null, [old]) })?.source.id, "s-old");
    assert.deepEqual(routeEmail({ registered: null, domain: domain(null, [next]) }), {
      ...ville,
      source: next,
      via: "domain",
      role: null,
    });
  });

  it("nowhere when neither is known, or the member has no source", () => {
    assert.equal(routeEmail({ registered: null, domain: null }), null);
    assert.equal(routeEmail({ registered: null, domain: domain(null, []) }), null);
  });
});

describe("mayAssertEmail and roleAtSignIn", () => {
  const ofVille = { ententeId: "lyon", memberId: "ville" };
  const ofOther = { ententeId: "autre", memberId: "ville" };

  it("a source asserts the emails of its member's domain and its member's registered addresses only", () => {
    assert.equal(mayAssertEmail({ registered: null, domain: domain(null, []) }, ofVille), true);
    assert.equal(mayAssertEmail({ registered: registered(null), domain: null }, ofVille), true);
    assert.equal(mayAssertEmail({ registered: null, domain: domain(null, []) }, ofOther), false);
    assert.equal(mayAssertEmail({ registered: null, domain: null }, ofVille), false);
  });

  it("an address registered for another member is not the domain owner's (registered addresses win)", () => {
    const forMetropole = {
      ...registered("elu"),
      ententeId: "lyon",
      memberId: "metropole",
    } as EmailFacts["registered"];
    const facts = { registered: forMetropole, domain: domain(null, []) };
    assert.equal(mayAssertEmail(facts, ofVille), false);
    assert.equal(mayAssertEmail(facts, { ententeId: "lyon", memberId: "metropole" }), true);
    // A source asserting it must be the registered one (s-elus), not another source of the member.
    assert.equal(mayAssertEmail(facts, { ententeId: "lyon", memberId: "metropole", id: "s-elus" }), true);
    assert.equal(mayAssertEmail(facts, { ententeId: "lyon", memberId: "metropole", id: "s-other" }), false);
    const elsewhere = { ...registered(null), ententeId: "autre" } as EmailFacts["registered"];
    assert.equal(mayAssertEmail({ registered: elsewhere, domain: domain(null, []) }, ofVille), false);
  });

  it("a registered address of the source's member that forces a role wins over the mapping", () => {
    assert.equal(roleAtSignIn(registered("elu"), ofVille, "agent"), "elu");
    assert.equal(roleAtSignIn(registered(null), ofVille, "agent"), "agent");
    assert.equal(roleAtSignIn(registered("elu"), ofOther, "agent"), "agent");
    assert.equal(roleAtSignIn(null, ofVille, "agent"), "agent");
  });
});

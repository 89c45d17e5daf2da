import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type Action, assertCan, canPerform, type Principal, type Role } from "./access-policy.ts";

const principal = (role: Role, extra: Partial<Principal> = {}): Principal => ({
  accountId: "1",
  email: "x@example.test",
  role,
  ententeId: "lyon",
  memberId: role === "finance" ? "ville-lyon" : null,
  missionId: role === "mission-lead" ? "identite" : null,
  ...extra,
});

const E = "lyon";
const actions: Action[] = [
  { kind: "read", ententeId: E },
  { kind: "read-drafts", ententeId: E },
  { kind: "edit-member", ententeId: E, memberId: "ville-lyon" },
  { kind: "edit-member", ententeId: E, memberId: "metropole" },
  { kind: "edit-key", ententeId: E },
  { kind: "manage-membership", ententeId: E },
  { kind: "edit-mission", ententeId: E },
  { kind: "edit-plan", ententeId: E, missionId: "identite" },
  { kind: "edit-plan", ententeId: E, missionId: "hebergement" },
  { kind: "edit-budget", ententeId: E },
  { kind: "manage-decisions", ententeId: E },
  { kind: "record-ratification", ententeId: E, memberId: "ville-lyon" },
  { kind: "record-ratification", ententeId: E, memberId: "metropole" },
  { kind: "issue-fund-calls", ententeId: E },
  { kind: "record-payment", ententeId: E, memberId: "ville-lyon" },
  { kind: "record-payment", ententeId: E, memberId: "sitiv" },
  { kind: "read-audit", ententeId: E },
  { kind: "manage-identity", ententeId: E },
  { kind: "read-identity", ententeId: E, memberId: null },
  { kind: "read-identity", ententeId: E, memberId: "ville-lyon" },
  { kind: "read-identity", ententeId: E, memberId: "metropole" },
];
const label = (a: Action) =>
  `${a.kind}${"memberId" in a ? `:${a.memberId}` : ""}${"missionId" in a ? `:${a.missionId}` : ""}`;

// The whole matrix, written out: every access decision is a row of this table.
const EXPECTED: Record<Role, string[]> = {
  secretariat: actions.map(label),
  finance: [
    "read",
    "edit-member:ville-lyon",
    "record-ratification:ville-lyon",
    "record-payment:ville-lyon",
    "read-identity:ville-lyon",
  ],
  "mission-lead": ["read", "edit-plan:identite"],
  reader: ["read"],
};

describe("access policy", () => {
  for (const role of Object.keys(EXPECTED) as Role[]) {
    it(`${role}: allowed exactly ${EXPECTED[role].join(", ")}`, () => {
      const allowed = actions.filter((a) => canPerform(principal(role), a)).map(label);
      assert.deepEqual(allowed, EXPECTED[role]);
    });
  }

  it("nothing crosses ententes, not even reading, for any role", () => {
    for (const role of Object.keys(EXPECTED) as Role[]) {
      for (const action of actions)
        assert.equal(canPerform(principal(role, { ententeId: "autre" }), action), false);
    }
  });

  it("assertCan: another entente looks like a missing one (404), a forbidden action is 403", () => {
    assert.throws(
      () => assertCan(principal("secretariat", { ententeId: "autre" }), { kind: "read", ententeId: E }),
      { code: "entente.not_found" },
    );
    assert.throws(() => assertCan(principal("reader"), { kind: "edit-budget", ententeId: E }), {
      code: "access.forbidden",
    });
    assert.doesNotThrow(() => assertCan(principal("secretariat"), { kind: "edit-budget", ententeId: E }));
  });

  it("an account with no entente may do nothing", () => {
    for (const action of actions)
      assert.equal(canPerform(principal("secretariat", { ententeId: null }), action), false);
  });
});

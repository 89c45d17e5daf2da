import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { type AccessRequester, decideServiceAccess } from "./service-access.ts";
import type { ServicePolicy as ServiceAccessPolicy } from "./service-client.ts";

const AGENT_LYON: AccessRequester = { memberId: "lyon", role: "agent", groups: ["DSI", "Élus"] };

describe("decideServiceAccess", () => {
  const cases: {
    name: string;
    policy: ServiceAccessPolicy;
    expected: ReturnType<typeof decideServiceAccess>;
  }[] = [
    {
      name: "no restriction",
      policy: { memberIds: null, roles: null, groups: null },
      expected: { allowed: true },
    },
    {
      name: "member listed",
      policy: { memberIds: ["sitiv", "lyon"], roles: null, groups: null },
      expected: { allowed: true },
    },
    {
      name: "member not listed",
      policy: { memberIds: ["sitiv"], roles: null, groups: null },
      expected: { allowed: false, reason: "member" },
    },
    {
      name: "empty member list lets nobody in",
      policy: { memberIds: [], roles: null, groups: null },
      expected: { allowed: false, reason: "member" },
    },
    {
      name: "role not listed",
      policy: { memberIds: null, roles: ["elu"], groups: null },
      expected: { allowed: false, reason: "role" },
    },
    {
      name: "role listed",
      policy: { memberIds: null, roles: ["agent", "elu"], groups: null },
      expected: { allowed: true },
    },
    {
      name: "group matched case-insensitively and after NFC",
      policy: { memberIds: null, roles: null, groups: ["e\u0301lus "] },
      expected: { allowed: true },
    },
    {
      name: "group not held",
      policy: { memberIds: null, roles: null, groups: ["finances"] },
      expected: { allowed: false, reason: "group" },
    },
    {
      name: "member is checked before role and group",
      policy: { memberIds: ["sitiv"], roles: ["elu"], groups: ["finances"] },
      expected: { allowed: false, reason: "member" },
    },
    {
      name: "role is checked before group",
      policy: { memberIds: ["lyon"], roles: ["elu"], groups: ["finances"] },
      expected: { allowed: false, reason: "role" },
    },
  ];
  for (const c of cases) {
    it(c.name, () => assert.deepEqual(decideServiceAccess(c.policy, AGENT_LYON), c.expected));
  }

  const role = fc.constantFrom<"agent" | "elu">("agent", "elu");
  const name = fc.constantFrom("lyon", "sitiv", "metropole", "DSI", "dsi", "Élus", "finances");
  const list = fc.option(fc.array(name, { maxLength: 4 }), { nil: null });
  const policyArb = fc.record({
    memberIds: list,
    roles: fc.option(fc.array(role, { maxLength: 2 }), { nil: null }),
    groups: list,
  });
  const requesterArb = fc.record({ memberId: name, role, groups: fc.array(name, { maxLength: 4 }) });

  it("is monotonic: widening the policy or adding groups to the person never refuses an allowed access", () => {
    fc.assert(
      fc.property(policyArb, requesterArb, name, role, name, name, (policy, requester, m, r, g, extra) => {
        if (!decideServiceAccess(policy, requester).allowed) return;
        const wider: ServiceAccessPolicy = {
          memberIds: policy.memberIds === null ? null : [...policy.memberIds, m],
          roles: policy.roles === null ? null : [...policy.roles, r],
          groups: policy.groups === null ? null : [...policy.groups, g],
        };
        assert.equal(decideServiceAccess(wider, requester).allowed, true);
        assert.equal(
          decideServiceAccess(policy, { ...requester, groups: [...requester.groups, extra] }).allowed,
          true,
        );
        assert.equal(decideServiceAccess({ ...policy, groups: null }, requester).allowed, true);
      }),
    );
  });

  it("is allowed exactly when every non-null restriction is met", () => {
    fc.assert(
      fc.property(policyArb, requesterArb, (policy, requester) => {
        const held = requester.groups.map((g) => g.toLowerCase());
        const expected =
          (policy.memberIds === null || policy.memberIds.includes(requester.memberId)) &&
          (policy.roles === null || policy.roles.includes(requester.role)) &&
          (policy.groups === null || policy.groups.some((g) => held.includes(g.toLowerCase())));
        assert.equal(decideServiceAccess(policy, requester).allowed, expected);
      }),
    );
  });
});

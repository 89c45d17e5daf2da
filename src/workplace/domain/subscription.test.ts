import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ValidationError } from "../errors.ts";
import { accountsRemaining } from "./migration-wave.ts";
import {
  decideSubscribedAccess,
  isInForce,
  type Subscription,
  type SubscriptionDraft,
  validateSubscription,
} from "./subscription.ts";

const DRAFT: SubscriptionDraft = {
  startsOn: "2023-01-01",
  endsOn: null,
  roles: null,
  groups: null,
  seats: { value: 120, unit: "accounts" },
  storagePerAccount: { value: 10, unit: "GiB" },
  storagePerMember: { value: 2, unit: "TB" },
};

function fieldsOf(error: unknown): string[] {
  assert.ok(error instanceof ValidationError);
  return error.issues.map((i) => String(i.details.field));
}

describe("validateSubscription", () => {
  it("turns quotas with units into exact integers (bytes, accounts)", () => {
    const fields = validateSubscription(DRAFT);
    assert.deepEqual(fields.quotas, {
      seats: 120,
      storagePerAccount: 10_737_418_240n,
      storagePerMember: 2_000_000_000_000n,
    });
  });

  const wrong: [string, Partial<SubscriptionDraft>, string[]][] = [
    ["an end before the start", { endsOn: "2022-12-31" }, ["endsOn"]],
    ["a day that does not exist", { startsOn: "2023-02-30" }, ["startsOn"]],
    ["a negative quota", { storagePerAccount: { value: -1, unit: "GiB" } }, ["storagePerAccount"]],
    ["a fractional quota", { storagePerMember: { value: 1.5, unit: "TB" } }, ["storagePerMember"]],
    ["an unknown unit", { storagePerAccount: { value: 1, unit: "Gb" } }, ["storagePerAccount"]],
    ["seats without their unit", { seats: { value: 3, unit: "GiB" } }, ["seats"]],
    ["an unknown role, an empty group", { roles: ["admin"], groups: [" "] }, ["roles", "groups"]],
    [
      "a wave ending before it starts, with negative accounts",
      {
        wave: {
          label: "Vague 1",
          plannedStart: "2023-01-01",
          plannedEnd: "2022-06-30",
          actualStart: null,
          actualEnd: null,
          accountsPlanned: -1,
          accountsMigrated: 0,
        },
      },
      ["wave.plannedEnd", "wave.accountsPlanned"],
    ],
  ];
  for (const [what, change, fields] of wrong) {
    it(`refuses ${what}, naming the field`, () => {
      assert.throws(
        () => validateSubscription({ ...DRAFT, ...change }),
        (error) => {
          assert.deepEqual(fieldsOf(error), fields);
          return true;
        },
      );
    });
  }
});

describe("migration waves", () => {
  const wave = {
    label: " Vague 1 — Métropole ",
    plannedStart: "2023-01-01",
    plannedEnd: "2023-06-30",
    actualStart: "2023-02-01",
    actualEnd: null,
    accountsPlanned: 1200,
    accountsMigrated: 450,
  };

  it("is kept with its subscription, label trimmed; the remaining accounts are computed", () => {
    const fields = validateSubscription({ ...DRAFT, wave });
    assert.equal(fields.wave?.label, "Vague 1 — Métropole");
    assert.equal(accountsRemaining(wave), 750);
    assert.equal(accountsRemaining({ accountsPlanned: 10, accountsMigrated: 12 }), 0);
  });
});

describe("the access policy of a catalogued service", () => {
  const subscription: Subscription = {
    clientId: "visio",
    ententeId: "lyon",
    memberId: "metropole",
    startsOn: "2023-01-01",
    endsOn: "2023-12-31",
    roles: ["agent"],
    groups: ["DSI"],
    quotas: { seats: null, storagePerAccount: null, storagePerMember: null },
    wave: null,
    rowVersion: 1,
  };
  const agent = { memberId: "metropole", role: "agent", groups: ["  dsi "] };

  it("is in force from its first to its last day included", () => {
    assert.equal(isInForce(subscription, "2022-12-31"), false);
    assert.equal(isInForce(subscription, "2023-01-01"), true);
    assert.equal(isInForce(subscription, "2023-12-31"), true);
    assert.equal(isInForce(subscription, "2024-01-01"), false);
  });

  it("lets in a person of the subscribed member with a named role and group", () => {
    assert.deepEqual(decideSubscribedAccess(subscription, agent, "2023-06-01"), { allowed: true });
  });

  it("refuses a member without a subscription in force, then a role, then a group", () => {
    const no = (reason: string) => ({ allowed: false, reason });
    assert.deepEqual(decideSubscribedAccess(null, agent, "2023-06-01"), no("not_subscribed"));
    assert.deepEqual(decideSubscribedAccess(subscription, agent, "2024-06-01"), no("not_subscribed"));
    assert.deepEqual(
      decideSubscribedAccess(subscription, { ...agent, memberId: "ville-lyon" }, "2023-06-01"),
      no("not_subscribed"),
    );
    assert.deepEqual(
      decideSubscribedAccess(subscription, { ...agent, role: "elu" }, "2023-06-01"),
      no("role"),
    );
    assert.deepEqual(
      decideSubscribedAccess(subscription, { ...agent, groups: [] }, "2023-06-01"),
      no("group"),
    );
  });
});

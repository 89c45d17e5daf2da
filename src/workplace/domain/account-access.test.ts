import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { decideAccountAccess, type EntitledAccount } from "./account-access.ts";
import type { Subscription } from "./subscription.ts";

const open: Subscription = {
  clientId: "drive",
  ententeId: "lyon",
  memberId: "metropole",
  startsOn: "2023-01-01",
  endsOn: null,
  roles: null,
  groups: null,
  quotas: { seats: null, storagePerAccount: null, storagePerMember: null },
  wave: null,
  rowVersion: 1,
};
const agent = (groups: string[] = []): EntitledAccount => ({
  type: "user",
  affiliation: { role: "agent", groups },
});
const unknown: EntitledAccount = { type: "user", affiliation: null };
const organisation: EntitledAccount = { type: "organization" };
const DAY = "2026-01-15";

describe("decideAccountAccess", () => {
  const cases: [string, Subscription | null, string, EntitledAccount, unknown][] = [
    ["a person of the subscribed member", open, "metropole", agent(), { allowed: true }],
    [
      "an unknown account, subscription open to all",
      open,
      "metropole",
      unknown,
      { allowed: false, reason: "unknown_account" },
    ],
    [
      "an unknown account, no subscription",
      null,
      "metropole",
      unknown,
      { allowed: false, reason: "not_subscribed" },
    ],
    [
      "another member's subscription",
      open,
      "ville-lyon",
      agent(),
      { allowed: false, reason: "not_subscribed" },
    ],
    [
      "an ended subscription",
      { ...open, endsOn: "2025-12-31" },
      "metropole",
      agent(),
      { allowed: false, reason: "not_subscribed" },
    ],
    [
      "a role the subscription does not name",
      { ...open, roles: ["elu"] },
      "metropole",
      agent(),
      { allowed: false, reason: "role" },
    ],
    [
      "a group the subscription names",
      { ...open, groups: ["DSI"] },
      "metropole",
      agent([" dsi "]),
      { allowed: true },
    ],
    [
      "no group the subscription names",
      { ...open, groups: ["DSI"] },
      "metropole",
      agent(["RH"]),
      { allowed: false, reason: "group" },
    ],
    [
      "the organisation, subscription limited to a group",
      { ...open, groups: ["DSI"] },
      "metropole",
      organisation,
      { allowed: true },
    ],
    [
      "the organisation, ended subscription",
      { ...open, endsOn: "2025-12-31" },
      "metropole",
      organisation,
      { allowed: false, reason: "not_subscribed" },
    ],
  ];
  for (const [label, subscription, memberId, account, expected] of cases) {
    it(label, () => assert.deepEqual(decideAccountAccess(subscription, memberId, account, DAY), expected));
  }
});

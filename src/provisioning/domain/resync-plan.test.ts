import assert from "node:assert/strict";
import { it } from "node:test";
import { planResync } from "./resync-plan.ts";
import type { AccountState } from "./scim-person.ts";

const account = (local: string, active = true): AccountState => ({
  userName: `${local}@ville-lyon.test`,
  active,
  email: `${local}@ville-lyon.test`,
  givenName: "A",
  familyName: "B",
  displayName: "A B",
  role: "agent",
  groups: [],
});
const peer = (sub: string, local: string, active = true) => ({
  sub,
  userName: `${local}@ville-lyon.test`,
  active,
  email: `${local}@ville-lyon.test`,
  givenName: "A",
  familyName: "B",
});

it("plans the repairs: missing created, drifted updated or suspended, extra suspended, in step nothing", () => {
  const expected = new Map([
    ["s1", account("un")],
    ["s2", account("deux")],
    ["s3", account("trois", false)],
    ["s4", account("quatre", false)],
    ["s5", account("cinq")],
  ]);
  const repairs = planResync(expected, [
    peer("s2", "deux-ancien"),
    peer("s3", "trois"),
    peer("s5", "cinq"),
    peer("x1", "inconnu"),
    peer("x2", "parti", false),
  ]);
  assert.deepEqual(
    repairs.map((r) => [r.sub, r.kind, r.reason]),
    [
      ["s1", "created", "missing"],
      ["s2", "updated", "drifted"],
      ["s3", "suspended", "drifted"],
      ["x1", "suspended", "extra"],
    ],
  );
  assert.equal(repairs.at(-1)?.account.active, false);
});

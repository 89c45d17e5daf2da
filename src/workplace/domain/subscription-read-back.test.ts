import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { EntenteError } from "../errors.ts";
import { validateSubscription } from "./subscription.ts";
import { assertReadBackMatches } from "./subscription-read-back.ts";

const fields = validateSubscription({
  startsOn: "2023-01-01",
  endsOn: null,
  roles: null,
  groups: null,
  seats: 12,
  storagePerAccount: { value: 1, unit: "KiB" },
  storagePerMember: null,
  wave: {
    label: "V1",
    plannedStart: null,
    plannedEnd: null,
    actualStart: null,
    actualEnd: null,
    accountsPlanned: 5,
    accountsMigrated: 2,
  },
});
const key = { clientId: "visio", memberId: "metropole" };
const fieldOf = (readBack: Parameters<typeof assertReadBackMatches>[1]): string | null => {
  try {
    assertReadBackMatches(key, readBack, fields);
    return null;
  } catch (error) {
    assert.ok(error instanceof EntenteError && error.code === "workplace.read_only_field");
    return error.path.join(".");
  }
};

describe("assertReadBackMatches", () => {
  it("a bare number of seats counts accounts", () => assert.equal(fields.quotas.seats, 12));
  it("the wave keeps no read-only field", () => assert.ok(!("accountsRemaining" in (fields.wave ?? {}))));
  for (const [readBack, expected] of [
    [{}, null],
    [{ clientId: "visio", memberId: "metropole" }, null],
    [{ storagePerAccountBytes: 1024, storagePerMemberBytes: null }, null],
    [{ wave: { accountsRemaining: 3 } }, null],
    [{ clientId: "chat" }, "clientId"],
    [{ memberId: "sitiv" }, "memberId"],
    [{ storagePerAccountBytes: 1000 }, "storagePerAccountBytes"],
    [{ storagePerMemberBytes: 0 }, "storagePerMemberBytes"],
    [{ wave: { accountsRemaining: 5 } }, "wave.accountsRemaining"],
  ] as const)
    it(`${JSON.stringify(readBack)} → ${expected ?? "ignored"}`, () =>
      assert.equal(fieldOf(readBack), expected));
});

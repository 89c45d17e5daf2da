import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { bodyOf, bytesAsQuantity, draftOf, emptyDraft } from "./subscription-draft.ts";

describe("subscription draft: what the form sends and shows", () => {
  it("empty fields mean everyone, not limited, no wave", () => {
    const body = bodyOf({ ...emptyDraft("ville"), startsOn: "2023-01-01" });
    assert.deepEqual(body, {
      startsOn: "2023-01-01",
      endsOn: null,
      roles: null,
      groups: null,
      seats: null,
      storagePerAccount: null,
      storagePerMember: null,
      wave: null,
      rowVersion: null,
    });
  });

  it("quotas keep their units; groups are split on commas; a wave without counts starts at 0", () => {
    const body = bodyOf({
      ...emptyDraft("metropole"),
      startsOn: "2023-01-01",
      roles: "agent",
      groups: " DSI, ,Direction générale ",
      seats: "1200",
      storagePerAccount: "10",
      storagePerAccountUnit: "GiB",
      waveLabel: "Vague 1",
      plannedStart: "2023-01-01",
    });
    assert.deepEqual(body.roles, ["agent"]);
    assert.deepEqual(body.groups, ["DSI", "Direction générale"]);
    assert.deepEqual(body.seats, { value: 1200, unit: "accounts" });
    assert.deepEqual(body.storagePerAccount, { value: 10, unit: "GiB" });
    assert.deepEqual(body.wave, {
      label: "Vague 1",
      plannedStart: "2023-01-01",
      plannedEnd: null,
      actualStart: null,
      actualEnd: null,
      accountsPlanned: 0,
      accountsMigrated: 0,
    });
  });

  it("text that is not a number is sent as NaN, so that the check names the field", () => {
    const { seats } = bodyOf({ ...emptyDraft("m"), seats: "douze" });
    assert.ok(typeof seats === "object" && seats !== null && Number.isNaN(seats.value));
  });

  it("stored bytes are shown in the largest unit dividing them exactly", () => {
    assert.deepEqual(bytesAsQuantity(10 * 1024 ** 3), ["10", "GiB"]);
    assert.deepEqual(bytesAsQuantity(5 * 1000 ** 4), ["5", "TB"]);
    assert.deepEqual(bytesAsQuantity(2 * 1024 ** 4), ["2", "TiB"]);
    assert.deepEqual(bytesAsQuantity(1500), ["1500", "B"]);
    assert.deepEqual(bytesAsQuantity(0), ["0", "B"]);
    assert.equal(bytesAsQuantity(null), null);
  });

  it("an existing subscription fills the draft, and the draft sends it back unchanged", () => {
    const draft = draftOf({
      clientId: "drive",
      memberId: "metropole",
      startsOn: "2023-01-01",
      endsOn: "2027-12-31",
      roles: ["elu"],
      groups: ["Élus"],
      seats: 80,
      storagePerAccountBytes: 10 * 1024 ** 3,
      storagePerMemberBytes: null,
      storagePerAccount: { value: 10, unit: "GiB" },
      storagePerMember: null,
      wave: null,
      rowVersion: 3,
    });
    assert.deepEqual(bodyOf(draft), {
      startsOn: "2023-01-01",
      endsOn: "2027-12-31",
      roles: ["elu"],
      groups: ["Élus"],
      seats: { value: 80, unit: "accounts" },
      storagePerAccount: { value: 10, unit: "GiB" },
      storagePerMember: null,
      wave: null,
      rowVersion: 3,
    });
  });
});

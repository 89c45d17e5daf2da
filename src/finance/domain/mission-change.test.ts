import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { changesFigures, type MissionChange } from "./mission-change.ts";

const keys = { investissement: "socle", fonctionnement: "socle" };
const change = (over: Partial<MissionChange>): MissionChange => ({
  name: "Hébergement mutualisé",
  description: null,
  leadMemberId: null,
  memberIds: ["metropole", "ville-lyon", "sitiv"],
  keys,
  ...over,
});

describe("changesFigures (a mission change that would alter adopted figures)", () => {
  it("a key changed alters the figures; a mission not found counts as a change", () => {
    assert.equal(changesFigures({ keys }, change({ keys: { ...keys, fonctionnement: "usage" } })), true);
    assert.equal(changesFigures(undefined, change({})), true);
  });

  it("a participant added (a commune joining later) or the name changed does not: shares come from the keys", () => {
    assert.equal(
      changesFigures({ keys }, change({ memberIds: ["metropole", "ville-lyon", "sitiv", "sgl"] })),
      false,
    );
    assert.equal(changesFigures({ keys }, change({ name: "Hébergement" })), false);
  });
});

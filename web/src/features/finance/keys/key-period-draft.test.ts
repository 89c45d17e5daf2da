import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { KeyPeriodInput } from "../../../../../src/finance/contracts/api.ts";
import { membersIn, toPeriodBody } from "./key-period-draft.ts";

const member = (id: string, from: number | null, to: number | null) => ({
  id,
  name: id,
  kind: "commune" as const,
  siren: null,
  siret: null,
  assembly: null,
  from,
  to,
  accountant: null,
  rowVersion: 1,
});

describe("a key period as the console sends it", () => {
  it("shares its first year between the members who belong in it", () => {
    const members = [
      member("metropole", null, null),
      member("sitiv", null, 2024),
      member("oullins", 2025, null),
    ];
    assert.deepEqual(
      membersIn({ members }, 2025).map((m) => m.id),
      ["metropole", "oullins"],
    );
    assert.deepEqual(
      membersIn({ members }, 2024).map((m) => m.id),
      ["metropole", "sitiv"],
    );
  });

  it("rates typed the French way as `shares`, populations with separators as `weights`", () => {
    const rates = toPeriodBody(
      { from: "2025", kind: "percent", source: " ", values: { a: "53,5", b: "46,5" } },
      ["a", "b"],
    );
    assert.deepEqual(rates, {
      from: 2025,
      source: null,
      shares: [
        { memberId: "a", value: "53.5" },
        { memberId: "b", value: "46.5" },
      ],
    });
    assert.ok(KeyPeriodInput.safeParse(rates).success);
    const populations = toPeriodBody(
      { from: "2025", kind: "weights", source: "INSEE 2021", values: { a: "1 424 069", b: "522 250" } },
      ["a", "b"],
    );
    assert.deepEqual("weights" in populations ? populations.weights : null, [
      { memberId: "a", value: "1424069" },
      { memberId: "b", value: "522250" },
    ]);
    assert.ok(KeyPeriodInput.safeParse(populations).success);
    assert.ok(!KeyPeriodInput.safeParse({ ...populations, from: "l'an prochain" }).success);
  });
});

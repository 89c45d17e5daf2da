import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { KeyPeriodInput } from "../../../../../src/finance/contracts/api.ts";
import { criterionId, initialCriteria } from "./criteria-draft.ts";
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
      { from: "2025", kind: "percent", source: " ", values: { a: "53,5", b: "46,5" }, criteria: [] },
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
      {
        from: "2025",
        kind: "weights",
        source: "INSEE 2021",
        values: { a: "1 424 069", b: "522 250" },
        criteria: [],
      },
      ["a", "b"],
    );
    assert.deepEqual("weights" in populations ? populations.weights : null, [
      { memberId: "a", value: "1424069" },
      { memberId: "b", value: "522250" },
    ]);
    assert.ok(KeyPeriodInput.safeParse(populations).success);
    assert.ok(!KeyPeriodInput.safeParse({ ...populations, from: "l'an prochain" }).success);
  });

  it("criteria typed the French way: ids from their labels, weights and values as the API reads them", () => {
    const body = toPeriodBody(
      {
        from: "2025",
        kind: "criteria",
        source: "Avenant n° 2",
        values: {},
        criteria: [
          {
            id: "",
            label: "Population municipale",
            weight: "33,3333",
            source: "INSEE 2022",
            values: { a: "1 424 069", b: "522 250" },
          },
          { id: "agents", label: " ", weight: "66,6667", source: "", values: { a: "12,5" } },
        ],
      },
      ["a", "b"],
    );
    assert.deepEqual("criteria" in body ? body.criteria : null, [
      {
        id: "population-municipale",
        label: "Population municipale",
        source: "INSEE 2022",
        weight: "33.3333",
        values: [
          { memberId: "a", value: "1424069" },
          { memberId: "b", value: "522250" },
        ],
      },
      {
        id: "agents",
        label: null,
        source: null,
        weight: "66.6667",
        values: [
          { memberId: "a", value: "12.5" },
          { memberId: "b", value: "" },
        ],
      },
    ]);
    // b has no agents figure: the contract refuses it before the server (a value per member)
    assert.ok(!KeyPeriodInput.safeParse(body).success);
    assert.equal(criterionId({ id: "", label: "Âge moyen — 2022 !" }, 0), "age-moyen-2022");
    assert.equal(criterionId({ id: "", label: "—" }, 2), "critere-3");
  });

  it("a criteria key's form starts from its latest criteria, shown the French way", () => {
    const criteria = [
      {
        id: "population",
        label: null,
        source: "INSEE 2022",
        weight: "60",
        values: [{ memberId: "a", value: "12.5" }],
      },
    ];
    const periods = [
      { from: null, basis: "percent" as const, source: null, shares: [] },
      { from: 2025, basis: "criteria" as const, source: null, shares: [], criteria },
    ];
    assert.deepEqual(
      initialCriteria({ periods }, (t) => t.replace(".", ",")),
      [{ id: "population", label: "population", weight: "60", source: "INSEE 2022", values: { a: "12,5" } }],
    );
    assert.equal(initialCriteria({ periods: [] }, (t) => t).length, 1);
  });
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { KeySimulationRequest } from "../../../../../src/finance/contracts/api.ts";
import { emptyAlternative, newcomerId, toAlternativeBody } from "./alternative-draft.ts";

const MEMBERS = ["metropole", "ville-lyon", "sitiv"];

describe("an alternative of the key simulator as the API takes it", () => {
  it("fixed rates typed the French way, a member leaving, a hypothetical commune joining", () => {
    const draft = {
      ...emptyAlternative("Avec Oullins", "socle"),
      values: { metropole: "55", "ville-lyon": "30,6", sitiv: "9", "new-0": "14,4" },
      leaving: ["sitiv"],
      newcomers: [{ name: "Commune d'Oullins" }],
    };
    const body = toAlternativeBody(draft, MEMBERS);
    assert.deepEqual(body, {
      label: "Avec Oullins",
      leaving: ["sitiv"],
      newcomers: [{ id: "hypothetique-commune-d-oullins", name: "Commune d'Oullins" }],
      percent: [
        { memberId: "metropole", value: "55" },
        { memberId: "ville-lyon", value: "30.6" },
        { memberId: "hypothetique-commune-d-oullins", value: "14.4" },
      ],
    });
    assert.ok(KeySimulationRequest.safeParse({ year: 2023, keyId: "socle", alternatives: [body] }).success);
  });

  it("populations with thousand separators as weights; another key by its id", () => {
    const weights = toAlternativeBody(
      {
        ...emptyAlternative("Population", "socle"),
        kind: "weights",
        values: { metropole: "1 424 069", sitiv: "" },
      },
      MEMBERS,
    );
    assert.deepEqual(weights, {
      label: "Population",
      weights: [{ memberId: "metropole", value: "1424069" }],
    });
    const basedOn = toAlternativeBody(
      { ...emptyAlternative("Clé socle", "socle"), kind: "basedOn" },
      MEMBERS,
    );
    assert.deepEqual(basedOn, { label: "Clé socle", basedOn: "socle" });
  });

  it("a newcomer without a name still gets an id the API accepts", () => {
    assert.equal(newcomerId("  ", 1), "hypothetique-2");
  });
});

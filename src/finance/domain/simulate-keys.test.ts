import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Entente, KeyBasis } from "./entente.ts";
import { simulateKeys } from "./simulate-keys.ts";

const percent = (rates: [string, bigint][]): KeyBasis => ({
  kind: "percent",
  shares: rates.map(([member, tenThousandths]) => ({ member, tenThousandths })),
});

/** The seed's 2023 operating contribution (544 176 €) on the key 53 / 30,6 / 16,4, and a commune not yet a member. */
const LYON_2023: Entente = {
  name: "Lyon",
  legalBasis: [],
  rounding: { unit: "euro" },
  defaultKey: "socle",
  members: [
    { id: "metropole", name: "Métropole de Lyon", kind: "metropole" },
    { id: "ville-lyon", name: "Ville de Lyon", kind: "commune" },
    { id: "sitiv", name: "SITIV", kind: "syndicat" },
    { id: "villeurbanne", name: "Villeurbanne", kind: "commune", from: 2025 },
  ],
  keys: [
    {
      id: "socle",
      label: "Clé des missions socles",
      basis: percent([
        ["metropole", 530_000n],
        ["ville-lyon", 306_000n],
        ["sitiv", 164_000n],
      ]),
    },
  ],
  missions: [],
  exercises: [
    {
      year: 2023,
      calledIn: 2023,
      lines: [
        {
          label: "Fonctionnement",
          section: "fonctionnement",
          direction: "expense",
          amount: 544_176_00n,
          path: [],
        },
        {
          label: "Contribution",
          section: "fonctionnement",
          direction: "receipt",
          receiptKind: "contribution",
          amount: 544_176_00n,
          path: [],
        },
      ],
      advances: [],
      adjustments: [],
      path: [],
    },
  ],
};

describe("simulateKeys: each member's contribution under alternative keys, side by side", () => {
  it("the key as it is, weights, and a commune joining with 50 / 28 / 15 / 7; every column sums to 544 176 €", () => {
    const simulation = simulateKeys(LYON_2023, 2023, "socle", [
      {
        label: "Poids 2 / 1 / 1",
        basis: {
          kind: "weights",
          shares: [
            { member: "metropole", weight: 2n },
            { member: "ville-lyon", weight: 1n },
            { member: "sitiv", weight: 1n },
          ],
        },
      },
      {
        label: "Avec Villeurbanne",
        joining: ["villeurbanne"],
        basis: percent([
          ["metropole", 500_000n],
          ["ville-lyon", 280_000n],
          ["sitiv", 150_000n],
          ["villeurbanne", 70_000n],
        ]),
      },
    ]);
    assert.deepEqual(simulation.columns, ["Clé des missions socles", "Poids 2 / 1 / 1", "Avec Villeurbanne"]);
    assert.deepEqual(
      simulation.rows.map((r) => r.amounts),
      [
        [288_413_00n, 272_088_00n, 272_088_00n],
        [166_518_00n, 136_044_00n, 152_369_00n],
        [89_245_00n, 136_044_00n, 81_627_00n],
        [0n, 0n, 38_092_00n],
      ],
    );
    assert.deepEqual(simulation.totals, [544_176_00n, 544_176_00n, 544_176_00n]);
  });

  it("an alternative that bills a commune not yet a member is refused, not computed", () => {
    assert.throws(
      () =>
        simulateKeys(LYON_2023, 2023, "socle", [
          {
            label: "Sans adhésion",
            basis: percent([
              ["metropole", 500_000n],
              ["ville-lyon", 280_000n],
              ["sitiv", 150_000n],
              ["villeurbanne", 70_000n],
            ]),
          },
        ]),
      (error: { issues: { code: string }[] }) => error.issues[0]?.code === "member.billed_outside_membership",
    );
  });

  it("a hypothetical commune joining (not a member) gets a row; the others pay less; totals balanced", () => {
    const simulation = simulateKeys(LYON_2023, 2023, "socle", [
      {
        label: "Avec Oullins",
        newcomers: [{ id: "oullins", name: "Commune d'Oullins" }],
        basis: percent([
          ["metropole", 500_000n],
          ["ville-lyon", 280_000n],
          ["sitiv", 150_000n],
          ["oullins", 70_000n],
        ]),
      },
    ]);
    assert.deepEqual(
      simulation.rows.map((r) => [r.member, ...r.amounts]),
      [
        ["metropole", 288_413_00n, 272_088_00n],
        ["ville-lyon", 166_518_00n, 152_369_00n],
        ["sitiv", 89_245_00n, 81_627_00n],
        // villeurbanne joins in 2025: no row in 2023 (only the members of the year)
        ["oullins", 0n, 38_092_00n],
      ],
    );
    assert.equal(simulation.rows[3]?.name, "Commune d'Oullins");
    assert.deepEqual(simulation.totals, [544_176_00n, 544_176_00n]);
    // nothing saved: the entente has the same members
    assert.equal(LYON_2023.members.length, 4);
  });

  it("a hypothetical commune with a member's id: entente.duplicate_id", () => {
    assert.throws(
      () =>
        simulateKeys(LYON_2023, 2023, "socle", [
          {
            label: "x",
            newcomers: [{ id: "sitiv", name: "Autre" }],
            basis: percent([["metropole", 1_000_000n]]),
          },
        ]),
      { code: "entente.duplicate_id" },
    );
  });

  it("an unknown key: entente.unknown_reference", () => {
    assert.throws(() => simulateKeys(LYON_2023, 2023, "sig", []), { code: "entente.unknown_reference" });
  });
});

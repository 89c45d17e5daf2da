import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { EntenteError } from "../errors.ts";
import {
  amountCalled,
  assertCorrectionsNotIssued,
  correctionReference,
  type IssuedCall,
  planCorrections,
} from "./fund-call-corrections.ts";
import { amountDue } from "./fund-call-rules.ts";

/** The Lyon 2023 calls as issued (cents), the Métropole having paid 150 000 €. */
const LYON_2023: IssuedCall[] = [
  {
    year: 2023,
    memberId: "metropole",
    reference: "AF-2023-metropole",
    amountCents: 305_797_00n,
    corrections: [],
    payments: [{ amountCents: 150_000_00n }],
  },
  {
    year: 2023,
    memberId: "ville-lyon",
    reference: "AF-2023-ville-lyon",
    amountCents: 217_051_00n,
    corrections: [],
    payments: [],
  },
  {
    year: 2023,
    memberId: "sitiv",
    reference: "AF-2023-sitiv",
    amountCents: 116_328_00n,
    corrections: [],
    payments: [],
  },
];
const DM1_2023 = { year: 2023, number: 2 };
const sum = (xs: readonly { amountCents: bigint }[]) => xs.reduce((s, x) => s + x.amountCents, 0n);

describe("complementary calls and reductions of an amending budget", () => {
  it("a DM raising the amount called by 9 999 €: one complementary call per member, Σ = 9 999 € exactly", () => {
    // The amended figures, each already rounded by the largest-remainder rule (Σ = 649 175 €).
    const targets = [
      { member: "metropole", total: 310_582_00n },
      { member: "ville-lyon", total: 220_447_00n },
      { member: "sitiv", total: 118_146_00n },
    ];
    const planned = planCorrections(2023, targets, LYON_2023, DM1_2023);
    assert.deepEqual(
      planned.map((c) => [c.memberId, c.amountCents, c.reference]),
      [
        ["metropole", 4_785_00n, "AF-2023-metropole-DM1"],
        ["ville-lyon", 3_396_00n, "AF-2023-ville-lyon-DM1"],
        ["sitiv", 1_818_00n, "AF-2023-sitiv-DM1"],
      ],
    );
    assert.equal(sum(planned), 9_999_00n);
  });

  it("a DM lowering it: reductions (negative), the original calls untouched; an overpaid member is owed a trop-perçu", () => {
    const targets = [
      { member: "metropole", total: 140_000_00n },
      { member: "ville-lyon", total: 217_051_00n },
      { member: "sitiv", total: 100_000_00n },
    ];
    const planned = planCorrections(2023, targets, LYON_2023, DM1_2023);
    assert.deepEqual(
      planned.map((c) => [c.memberId, c.amountCents]),
      [
        ["metropole", -165_797_00n],
        ["sitiv", -16_328_00n],
      ],
    );
    const metropole = LYON_2023[0] as IssuedCall;
    const corrected = {
      ...metropole,
      corrections: [{ budgetYear: 2023, budgetNumber: 2, amountCents: -165_797_00n }],
    };
    assert.equal(metropole.amountCents, 305_797_00n);
    assert.equal(amountCalled(corrected), 140_000_00n);
    assert.equal(amountDue(corrected), -10_000_00n, "paid 150 000 € of 140 000 €: 10 000 € to refund");
  });

  it("a second DM corrects from what was called, so successive DMs never drift", () => {
    const afterFirst = LYON_2023.map((c) => ({
      ...c,
      corrections: [{ budgetYear: 2023, budgetNumber: 2, amountCents: 1_00n }],
    }));
    const targets = LYON_2023.map((c) => ({ member: c.memberId, total: c.amountCents }));
    const planned = planCorrections(2023, targets, afterFirst, { year: 2023, number: 3 });
    assert.deepEqual(
      planned.map((c) => c.amountCents),
      [-1_00n, -1_00n, -1_00n],
    );
    assert.equal(planned[0]?.reference, "AF-2023-metropole-DM2");
  });

  it("nothing for a year whose calls were not issued; a member owing something without a call is refused", () => {
    assert.deepEqual(planCorrections(2024, [{ member: "metropole", total: 1n }], LYON_2023, DM1_2023), []);
    assert.throws(
      () => planCorrections(2023, [{ member: "nouvelle", total: 5_00n }], LYON_2023, DM1_2023),
      (e) => e instanceof EntenteError && e.code === "fund_call.correction_without_call",
    );
  });

  it("once per amending budget", () => {
    const issued = [
      {
        ...(LYON_2023[1] as IssuedCall),
        corrections: [{ budgetYear: 2023, budgetNumber: 2, amountCents: 5n }],
      },
    ];
    assert.doesNotThrow(() => assertCorrectionsNotIssued({ year: 2023, number: 3, label: "DM 2" }, issued));
    assert.throws(
      () => assertCorrectionsNotIssued({ year: 2023, number: 2, label: "DM 1" }, issued),
      (e) => e instanceof EntenteError && e.code === "fund_call.corrections_already_issued",
    );
  });

  it("a call issued without a reference still gets one", () => {
    assert.equal(
      correctionReference({ year: 2023, memberId: "sitiv", reference: null }, DM1_2023),
      "AF-2023-sitiv-DM1",
    );
  });

  it("a DM of the recalled year adds its year: two titres of a call never share a reference", () => {
    // 2023's DM1 was issued first; then 2022's DM1 (2022 is recalled in 2023) corrects the 2023 calls.
    const afterDm1 = {
      ...(LYON_2023[1] as IssuedCall),
      corrections: [
        { budgetYear: 2023, budgetNumber: 2, amountCents: 5n, reference: "AF-2023-ville-lyon-DM1" },
      ],
    };
    assert.equal(correctionReference(afterDm1, { year: 2022, number: 2 }), "AF-2023-ville-lyon-DM1-2022");
    // Issued before this rule, 2022's DM1 took the short reference: 2023's DM1 then adds its year.
    const old = {
      ...(LYON_2023[1] as IssuedCall),
      corrections: [
        { budgetYear: 2022, budgetNumber: 2, amountCents: 5n, reference: "AF-2023-ville-lyon-DM1" },
      ],
    };
    assert.equal(correctionReference(old, DM1_2023), "AF-2023-ville-lyon-DM1-2023");
    assert.equal(correctionReference(LYON_2023[1] as IssuedCall, DM1_2023), "AF-2023-ville-lyon-DM1");
  });
});

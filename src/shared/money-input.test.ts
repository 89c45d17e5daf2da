import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import {
  centsToEuroText,
  formatAmountInput,
  formatRateInput,
  formatScaled,
  parseEuroCents,
  parsePercentUnits,
  parseScaled,
  parseSignedEuroCents,
  percentUnitsToText,
  sumEuros,
  toApiAmount,
  toApiDecimal,
} from "./money-input.ts";
import { HUNDRED_PERCENT } from "./percent-shares.ts";

describe("parseEuroCents", () => {
  const cases: [string, bigint | null][] = [
    ["45276.50", 4527650n],
    ["45276.5", 4527650n],
    ["45276", 4527600n],
    ["45 276,50", 4527650n],
    ["45\u202f276,50", 4527650n],
    ["45\u00a0276", 4527600n],
    [" 305797.00 ", 30579700n],
    ["0.01", 1n],
    [",5", 50n],
    ["12.", 1200n],
    ["-32966.00", -3296600n],
    ["\u221232966", -3296600n],
    ["99999999999999999999.99", 9999999999999999999999n],
    ["1.005", null],
    ["", null],
    ["-", null],
    [".", null],
    ["12a", null],
    ["1,2,3", null],
    ["1e3", null],
  ];
  for (const [text, expected] of cases) {
    it(`${JSON.stringify(text)} → ${expected}`, () => assert.equal(parseEuroCents(text), expected));
  }
});

describe("centsToEuroText", () => {
  const cases: [bigint, string][] = [
    [4527650n, "45276.50"],
    [1n, "0.01"],
    [0n, "0.00"],
    [-3296600n, "-32966.00"],
    [-5n, "-0.05"],
    [9999999999999999999999n, "99999999999999999999.99"],
  ];
  for (const [cents, expected] of cases) {
    it(`${cents} → ${expected}`, () => assert.equal(centsToEuroText(cents), expected));
  }

  it("round-trips every amount of the Lyon 2023 fund calls, and their sum is exact", () => {
    const calls = ["305797.00", "217051.00", "116328.00"];
    const cents = calls.map((c) => parseEuroCents(c) ?? assert.fail(c));
    assert.deepEqual(
      cents.map((cents) => centsToEuroText(cents)),
      calls,
    );
    assert.equal(centsToEuroText(cents.reduce((a, b) => a + b, 0n)), "639176.00");
  });

  it("adds without float error where numbers would not (0.1 + 0.2)", () => {
    const sum = (parseEuroCents("0.10") ?? 0n) + (parseEuroCents("0.20") ?? 0n);
    assert.equal(centsToEuroText(sum), "0.30");
    assert.notEqual(0.1 + 0.2, 0.3);
  });
});

describe("round trip (property)", () => {
  it("any cents → text → cents is the identity, and sums of texts equal the sum of cents", () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: -(10n ** 21n), max: 10n ** 21n })), (amounts) => {
        for (const cents of amounts) assert.equal(parseEuroCents(centsToEuroText(cents)), cents);
        const viaText = amounts
          .map((c) => parseEuroCents(centsToEuroText(c)) ?? 0n)
          .reduce((a, b) => a + b, 0n);
        assert.equal(
          viaText,
          amounts.reduce((a, b) => a + b, 0n),
        );
      }),
    );
  });
});

describe("formatAmountInput", () => {
  it("writes amounts the French way for editing, and reads them back exactly", () => {
    for (const [text, french] of [
      ["140000.00", "140 000,00"],
      ["45276.5", "45 276,5"],
      ["999", "999"],
      ["1000", "1 000"],
      ["-32966.00", "-32 966,00"],
      ["99999999999999999999.99", "99 999 999 999 999 999 999,99"],
    ] as const) {
      assert.equal(formatAmountInput(text, "fr"), french);
      assert.equal(parseEuroCents(french), parseEuroCents(text));
    }
  });
  it("leaves English and unreadable text alone", () => {
    assert.equal(formatAmountInput("140000.00", "en"), "140000.00");
    assert.equal(formatAmountInput("abc", "fr"), "abc");
  });
});

describe("toApiDecimal", () => {
  it("turns what a person types into the API's decimal form", () => {
    assert.equal(toApiDecimal("45 276,50"), "45276.50");
    assert.equal(toApiDecimal("45\u202f276,5"), "45276.5");
    assert.equal(toApiDecimal("30.6"), "30.6");
    assert.equal(toApiDecimal("abc"), "abc");
  });
});

describe("sumEuros", () => {
  it("adds the seed's 2022 split back to 95 000 €, and the adjustments to zero", () => {
    assert.equal(sumEuros(["50350.00", "29070.00", "15580.00"]), "95000.00");
    assert.equal(sumEuros(["-32966.00", "21463.00", "11503.00"]), "0.00");
    assert.equal(sumEuros([]), "0.00");
  });
  it("refuses what is not an amount", () => assert.throws(() => sumEuros(["12", "NaN"]), /NaN/));
});

describe("percent units", () => {
  it("reads the seed's key 53 / 30.6 / 16.4 as exactly 100 %", () => {
    const units = ["53", "30,6", "16.4"].map((p) => parsePercentUnits(p) ?? assert.fail(p));
    assert.deepEqual(units, [530000n, 306000n, 164000n]);
    assert.equal(
      units.reduce((a, b) => a + b, 0n),
      HUNDRED_PERCENT,
    );
  });

  it("keeps four decimals and refuses a fifth", () => {
    assert.equal(parsePercentUnits("33.3333"), 333333n);
    assert.equal(parsePercentUnits("33.33333"), null);
  });

  it("writes rates without trailing zeros", () => {
    assert.equal(percentUnitsToText(306000n), "30.6");
    assert.equal(percentUnitsToText(1_000_000n), "100");
    assert.equal(percentUnitsToText(-1000n), "-0.1");
    assert.equal(formatScaled(0n, 4, true), "0");
  });

  it("rejects a scale-less garbage", () => assert.equal(parseScaled("abc", 0), null));
});

describe("formatRateInput", () => {
  it("writes rates with a French decimal comma, and toApiDecimal reads them back", () => {
    assert.equal(formatRateInput("30.6", "fr"), "30,6");
    assert.equal(formatRateInput("53", "fr"), "53");
    assert.equal(formatRateInput("30.6", "en"), "30.6");
    assert.equal(toApiDecimal(formatRateInput("16.4", "fr")), "16.4");
  });
});

describe("signed amounts", () => {
  it("parses the signs a person types", () => {
    assert.equal(parseSignedEuroCents("+1 250,50"), 125050n);
    assert.equal(parseSignedEuroCents("−1 250,50"), -125050n);
    assert.equal(parseSignedEuroCents("+-5"), null);
    assert.equal(parseSignedEuroCents(""), null);
  });

  it("sends the API's canonical form, or the text as typed for the schema to reject", () => {
    assert.equal(toApiAmount("−100"), "-100.00");
    assert.equal(toApiAmount("+70 140"), "70140.00");
    assert.equal(toApiAmount(" 12,345 "), "12,345");
  });
});

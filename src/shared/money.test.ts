import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import {
  type Cents,
  centsToEuroText,
  formatEuros,
  type ParsedAmount,
  type ParsedScaled,
  parseEuros,
  parseScaledDecimal,
  type RoundingUnit,
  sumCents,
  unitInCents,
} from "./money.ts";

/** Intl's French grouping separator: U+202F NARROW NO-BREAK SPACE (not a plain or U+00A0 space). */
const NNBSP = "\u202f";

describe("parseEuros", () => {
  const cases: { text: string; options?: { allowNegative?: boolean }; expected: ParsedAmount }[] = [
    { text: "45276", expected: { ok: true, cents: 4527600n } },
    { text: "45276.50", expected: { ok: true, cents: 4527650n } },
    { text: "45276.5", expected: { ok: true, cents: 4527650n } },
    { text: "0.1", expected: { ok: true, cents: 10n } },
    { text: "0.10", expected: { ok: true, cents: 10n } },
    { text: "0.01", expected: { ok: true, cents: 1n } },
    { text: ".5", expected: { ok: true, cents: 50n } },
    { text: "0", expected: { ok: true, cents: 0n } },
    { text: "-0", expected: { ok: true, cents: 0n } },
    { text: "+3", expected: { ok: true, cents: 300n } },
    { text: " 12 ", expected: { ok: true, cents: 1200n } },
    { text: "1.000", expected: { ok: true, cents: 100n } },
    { text: "999999999999.99", expected: { ok: true, cents: 99999999999999n } },
    { text: "12345678901234567.89", expected: { ok: false, reason: "too_large" } },
    { text: "9007199254740993", expected: { ok: false, reason: "too_large" } },
    { text: "1.005", expected: { ok: false, reason: "too_many_decimals" } },
    { text: "0.001", expected: { ok: false, reason: "too_many_decimals" } },
    { text: "-1", expected: { ok: false, reason: "negative" } },
    { text: "-32966", options: { allowNegative: true }, expected: { ok: true, cents: -3296600n } },
    { text: "-0.5", options: { allowNegative: true }, expected: { ok: true, cents: -50n } },
    { text: "mille", expected: { ok: false, reason: "not_a_number" } },
    { text: "", expected: { ok: false, reason: "not_a_number" } },
    { text: "1e3", expected: { ok: false, reason: "not_a_number" } },
    { text: "45276,50", expected: { ok: false, reason: "not_a_number" } },
    { text: "45 276", expected: { ok: false, reason: "not_a_number" } },
    { text: "0x10", expected: { ok: false, reason: "not_a_number" } },
    { text: "NaN", expected: { ok: false, reason: "not_a_number" } },
    { text: "Infinity", expected: { ok: false, reason: "not_a_number" } },
  ];
  for (const c of cases) {
    it(`${JSON.stringify(c.text)}${c.options?.allowNegative ? " (signed)" : ""} → ${c.expected.ok ? `${c.expected.cents} cents` : c.expected.reason}`, () => {
      assert.deepEqual(parseEuros(c.text, c.options), c.expected);
    });
  }

  it("never goes through a float: 0.1 + 0.2 is exactly 30 cents", () => {
    const a = parseEuros("0.1");
    const b = parseEuros("0.2");
    assert.ok(a.ok && b.ok);
    assert.equal(a.cents + b.cents, 30n);
  });

  it("limit: a 1,200-digit amount is either exact or refused, never silently rounded", () => {
    // decimal.js is cloned with precision 1000 (money.ts): beyond that, digits would be rounded.
    const text = `${"9".repeat(1200)}.99`;
    const parsed = parseEuros(text);
    if (parsed.ok) assert.equal(parsed.cents.toString(), "9".repeat(1202));
  });
});

describe("parseScaledDecimal", () => {
  const cases: {
    text: string;
    decimals: number;
    options?: { allowNegative?: boolean };
    expected: ParsedScaled;
  }[] = [
    { text: "30.6", decimals: 4, expected: { ok: true, value: 306_000n } },
    { text: "53", decimals: 4, expected: { ok: true, value: 530_000n } },
    { text: "16.4", decimals: 4, expected: { ok: true, value: 164_000n } },
    { text: "33.3333", decimals: 4, expected: { ok: true, value: 333_333n } },
    { text: "0.0001", decimals: 4, expected: { ok: true, value: 1n } },
    { text: "33.33335", decimals: 4, expected: { ok: false, reason: "too_many_decimals" } },
    { text: "100", decimals: 0, expected: { ok: true, value: 100n } },
    { text: "1.5", decimals: 0, expected: { ok: false, reason: "too_many_decimals" } },
    { text: "-5", decimals: 4, expected: { ok: false, reason: "negative" } },
    { text: "-5", decimals: 4, options: { allowNegative: true }, expected: { ok: true, value: -50_000n } },
    { text: "30,6", decimals: 4, expected: { ok: false, reason: "not_a_number" } },
    { text: "999999999999.9999", decimals: 4, expected: { ok: true, value: 9999999999999999n } },
    // More than MAX_INTEGER_DIGITS (12) before the point: a typing mistake, refused (limits.ts).
    { text: "1000000000000", decimals: 4, expected: { ok: false, reason: "too_large" } },
    { text: "123456789012345678901", decimals: 4, expected: { ok: false, reason: "too_large" } },
    { text: "000000000000000000000012.5", decimals: 4, expected: { ok: true, value: 125000n } },
  ];
  for (const c of cases) {
    it(`${JSON.stringify(c.text)} at ${c.decimals} decimals → ${c.expected.ok ? c.expected.value : c.expected.reason}`, () => {
      assert.deepEqual(parseScaledDecimal(c.text, c.decimals, c.options), c.expected);
    });
  }
});

describe("formatEuros", () => {
  const cases: {
    cents: Cents;
    options?: { locale?: string; unit?: RoundingUnit; signed?: boolean };
    expected: string;
  }[] = [
    { cents: 30579700n, options: { unit: "euro" }, expected: `305${NNBSP}797` },
    { cents: 30579700n, expected: `305${NNBSP}797,00` },
    { cents: 4527650n, expected: `45${NNBSP}276,50` },
    { cents: 4527650n, options: { unit: "euro" }, expected: `45${NNBSP}276,50` },
    { cents: 63917600n, options: { unit: "euro" }, expected: `639${NNBSP}176` },
    { cents: 97500000n, options: { unit: "euro" }, expected: `975${NNBSP}000` },
    { cents: 100000000n, options: { unit: "euro" }, expected: `1${NNBSP}000${NNBSP}000` },
    { cents: 99900n, options: { unit: "euro" }, expected: "999" },
    { cents: -3296600n, options: { unit: "euro", signed: true }, expected: `-32${NNBSP}966` },
    { cents: 2146300n, options: { unit: "euro", signed: true }, expected: `+21${NNBSP}463` },
    { cents: 0n, options: { unit: "euro", signed: true }, expected: "0" },
    { cents: 0n, expected: "0,00" },
    { cents: 1n, expected: "0,01" },
    { cents: -1n, expected: "-0,01" },
    { cents: 30579700n, options: { locale: "en-US" }, expected: "305,797.00" },
    { cents: 30579700n, options: { locale: "en-US", unit: "euro" }, expected: "305,797" },
    {
      cents: 10n ** 40n + 12345n,
      expected: `100${`${NNBSP}000`.repeat(11)}${NNBSP}123,45`,
    },
  ];
  for (const c of cases) {
    it(`${c.cents} cents ${JSON.stringify(c.options ?? {})} → ${JSON.stringify(c.expected)}`, () => {
      assert.equal(formatEuros(c.cents, c.options), c.expected);
    });
  }

  it("groups with U+202F, not a plain space nor U+00A0", () => {
    const text = formatEuros(30579700n, { unit: "euro" });
    assert.ok(text.includes("\u202f"));
    assert.ok(!text.includes(" "));
    assert.ok(!text.includes("\u00a0"));
  });

  it("formats amounts beyond float precision exactly (2^53 + 1 euros)", () => {
    const cents = (2n ** 53n + 1n) * 100n + 1n;
    assert.equal(formatEuros(cents).replaceAll(NNBSP, ""), "9007199254740993,01");
  });

  it("limit: a finite amount never prints as ∞ (10^400 cents)", () => {
    const text = formatEuros(10n ** 400n);
    assert.equal(text.replaceAll(NNBSP, ""), `1${"0".repeat(398)},00`);
  });
});

describe("centsToEuroText", () => {
  const cases: { cents: Cents; unit?: RoundingUnit; expected: string }[] = [
    { cents: 30579700n, expected: "305797.00" },
    { cents: 30579700n, unit: "euro", expected: "305797" },
    { cents: 4527650n, unit: "euro", expected: "45276.50" },
    { cents: -3296600n, unit: "euro", expected: "-32966" },
    { cents: -5n, expected: "-0.05" },
    { cents: -5n, unit: "euro", expected: "-0.05" },
    { cents: 0n, expected: "0.00" },
    { cents: 0n, unit: "euro", expected: "0" },
    { cents: 123456789012345678901234567890123n, expected: "1234567890123456789012345678901.23" },
    { cents: -(10n ** 60n) - 1n, expected: `-1${"0".repeat(58)}.01` },
    { cents: 10n ** 300n, unit: "euro", expected: `1${"0".repeat(298)}` },
  ];
  for (const c of cases) {
    it(`${c.cents} cents${c.unit ? ` (${c.unit})` : ""} → ${c.expected.length > 40 ? `${c.expected.length} chars` : c.expected}`, () => {
      assert.equal(centsToEuroText(c.cents, c.unit), c.expected);
    });
  }

  it("round-trips with parseEuros for any amount up to the 12-digit limit", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.bigInt({ min: -100000n, max: 100000n }),
          fc.bigInt({ min: -(10n ** 14n) + 1n, max: 10n ** 14n - 1n }),
        ),
        (cents) => {
          const text = centsToEuroText(cents);
          assert.match(text, /^-?\d+\.\d\d$/);
          assert.deepEqual(parseEuros(text, { allowNegative: true }), { ok: true, cents });
          const euroText = centsToEuroText(cents, "euro");
          assert.deepEqual(parseEuros(euroText, { allowNegative: true }), { ok: true, cents });
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("unitInCents and sumCents", () => {
  it("a euro is 100 cents, a cent is 1", () => {
    assert.equal(unitInCents("euro"), 100n);
    assert.equal(unitInCents("cent"), 1n);
  });

  it("sums exactly, including huge and negative amounts", () => {
    assert.equal(sumCents([]), 0n);
    assert.equal(sumCents([5035000n, 2907000n, 1558000n]), 9500000n);
    assert.equal(sumCents([-3296600n, 2146300n, 1150300n]), 0n);
    assert.equal(sumCents([10n ** 30n, 1n, -(10n ** 30n)]), 1n);
  });
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatEuros } from "./format-euros.ts";
import { formatExactEuros } from "./format-exact-euros.ts";
import { formatLongDate } from "./format-long-date.ts";
import { formatPercent } from "./format-percent.ts";

describe("display", () => {
  const spaces = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

  it("formats euros in French from the decimal string, exactly", () => {
    assert.equal(spaces(formatEuros("305797.00", "fr-FR")), "305 797,00 €");
    assert.equal(spaces(formatEuros("-32966", "fr-FR")), "-32 966,00 €");
    assert.equal(spaces(formatEuros("99999999999999999999.99", "fr-FR")), "99 999 999 999 999 999 999,99 €");
  });

  it("formats euros in English", () => assert.equal(formatEuros("45276.5", "en-GB"), "€45,276.50"));

  it("formats exact shares with every decimal, and the mark of endless ones", () => {
    assert.equal(spaces(formatExactEuros("166517.856", "fr-FR")), "166 517,856");
    assert.equal(formatExactEuros("3414.418688…", "en-GB"), "3,414.418688…");
    assert.equal(formatExactEuros("50350", "en-GB"), "50,350");
    assert.equal(formatExactEuros("bad", "en-GB"), "bad");
  });

  it("formats rates in both languages", () => {
    assert.equal(spaces(formatPercent("30.6", "fr-FR")), "30,6 %");
    assert.equal(formatPercent("30.6", "en-GB"), "30.6%");
    assert.equal(formatPercent("33.3333", "en-GB"), "33.3333%");
    assert.equal(formatPercent("n/a", "en-GB"), "n/a");
  });
});

describe("formatLongDate", () => {
  it("writes a date in words, in UTC, in both languages", () => {
    assert.equal(formatLongDate("2022-12-12", "fr-FR"), "12 décembre 2022");
    assert.equal(formatLongDate("2022-12-12", "en-GB"), "12 December 2022");
  });
});

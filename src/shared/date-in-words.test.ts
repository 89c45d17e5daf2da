import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatDateInWords } from "./date-in-words.ts";

const long = (locale: string) => new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" });

describe("formatDateInWords", () => {
  it("writes the first day of a month as « 1er » in French", () => {
    assert.equal(formatDateInWords(long("fr-FR"), new Date("2030-01-01")), "1er janvier 2030");
    assert.equal(formatDateInWords(long("fr"), new Date("2026-12-01")), "1er décembre 2026");
  });

  it("leaves the other days of a French month as cardinal numbers", () => {
    assert.equal(formatDateInWords(long("fr-FR"), new Date("2030-01-02")), "2 janvier 2030");
    assert.equal(formatDateInWords(long("fr-FR"), new Date("2030-01-11")), "11 janvier 2030");
    assert.equal(formatDateInWords(long("fr-FR"), new Date("2030-01-21")), "21 janvier 2030");
  });

  it("keeps English unchanged", () => {
    assert.equal(formatDateInWords(long("en-GB"), new Date("2030-01-01")), "1 January 2030");
    assert.equal(formatDateInWords(long("en-US"), new Date("2030-01-01")), "January 1, 2030");
  });

  it("applies with a time and an abbreviated month, in the format's own time zone", () => {
    const format = new Intl.DateTimeFormat("fr-FR", {
      dateStyle: "medium",
      timeStyle: "short",
      timeZone: "Europe/Paris",
    });
    // 23:30 UTC on 30 November is already 1 December in Paris
    assert.equal(formatDateInWords(format, new Date("2026-11-30T23:30:00Z")), "1er déc. 2026, 00:30");
  });

  it("writes no ordinal when the month is a number", () => {
    const format = new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeZone: "UTC" });
    assert.equal(formatDateInWords(format, new Date("2026-12-01")), "01/12/2026");
  });
});

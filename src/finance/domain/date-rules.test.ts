import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { EntenteError } from "../errors.ts";
import { assertDateInRange, isoDay } from "./date-rules.ts";

describe("assertDateInRange: conference, deliberation, payment and due dates", () => {
  const today = "2026-12-06";
  const refused = (date: string) => {
    assert.throws(
      () => assertDateInRange(date, today, "paidOn"),
      (error) =>
        error instanceof EntenteError &&
        error.code === "date.out_of_range" &&
        error.path?.join() === "paidOn" &&
        error.details.max === "2027-12-31",
    );
  };
  it("accepts the past, today, and up to the end of next year; null (no date) too", () => {
    for (const date of ["1900-01-01", "2022-12-12", today, "2027-12-31"])
      assertDateInRange(date, today, "paidOn");
    assertDateInRange(null, today, "paidOn");
  });
  it("refuses 2028-01-01, 2204 (a typing mistake for 2024) and the year 1899", () => {
    for (const date of ["2028-01-01", "2204-04-10", "1899-12-31"]) refused(date);
  });
  it("isoDay is the UTC day of the clock", () => {
    assert.equal(isoDay(new Date("2026-12-31T23:30:00-02:00")), "2027-01-01");
  });
});

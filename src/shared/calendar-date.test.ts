import assert from "node:assert/strict";
import { test } from "node:test";
import { CalendarDate, isCalendarDate } from "./calendar-date.ts";

test("isCalendarDate accepts existing days only, leap years included", () => {
  for (const ok of ["2024-02-29", "2000-02-29", "2023-01-31", "2023-12-31"])
    assert.equal(isCalendarDate(ok), true, ok);
  for (const bad of [
    "2023-02-29",
    "2023-04-31",
    "2022-13-45",
    "2022-02-30",
    "1900-02-29",
    "2023-2-01",
    "2023-02-01T00:00",
  ])
    assert.equal(isCalendarDate(bad), false, bad);
});

test("CalendarDate explains the expected form in French", () => {
  const result = CalendarDate.safeParse("2023-02-31");
  assert.equal(result.success, false);
  assert.match(result.error?.issues[0]?.message ?? "", /AAAA-MM-JJ/);
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { firstOpenYear } from "./first-open-year.ts";

const exercise = (year: number, ...statuses: ("draft" | "approved" | "ratifying" | "adopted")[]) => ({
  year,
  calledIn: year,
  versions: statuses.map((status, i) => ({ id: `${year}-${i}`, number: i + 1, label: "BP", status })),
});

describe("the first exercise a change may start from", () => {
  it("is the year after the latest when every exercise is deliberated", () => {
    assert.equal(firstOpenYear({ exercises: [exercise(2022, "adopted"), exercise(2023, "adopted")] }), 2024);
  });
  it("is the earliest of the trailing draft exercises", () => {
    const exercises = [exercise(2023, "adopted"), exercise(2024, "draft"), exercise(2025, "draft")];
    assert.equal(firstOpenYear({ exercises }), 2024);
  });
  it("skips a year with an amending budget still drafted after its adopted one", () => {
    const exercises = [exercise(2024, "adopted", "draft"), exercise(2025, "draft")];
    assert.equal(firstOpenYear({ exercises }), 2025);
  });
});

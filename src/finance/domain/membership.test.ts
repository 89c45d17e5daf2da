import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { listedInYear } from "./membership.ts";

describe("listedInYear: the members a year's dashboard lists", () => {
  const cases: [string, { from?: number; to?: number }, number, boolean, boolean][] = [
    ["a member from the start, nothing called", {}, 2023, false, true],
    ["a commune joining in 2025, in 2023 with nothing called", { from: 2025 }, 2023, false, false],
    ["a commune joining in 2025, in 2025", { from: 2025 }, 2025, false, true],
    ["a member gone after 2023, in 2024 with nothing called", { to: 2023 }, 2024, false, false],
    ["a member gone after 2023, in 2024 still called its 2023 recall", { to: 2023 }, 2024, true, true],
    ["its last year", { from: 2022, to: 2023 }, 2023, false, true],
  ];
  for (const [name, member, year, called, expected] of cases)
    it(name, () => assert.equal(listedInYear(member, year, called), expected));
});

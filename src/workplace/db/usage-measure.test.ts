import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { measureOf } from "./usage-store.ts";

/** Report rows newest first, as the store reads them. */
const row = (member_id: string, account_type: string, account: string | null, used: string | null) => ({
  member_id,
  account_type,
  account,
  used,
});

describe("measureOf: a member's measured usage from its report rows (newest first)", () => {
  it("the latest line of each account, summed", () => {
    const measured = measureOf([
      row("metropole", "user", "m-1", "4000"),
      row("metropole", "user", "m-2", "2000"),
      row("metropole", "user", "m-1", "1000"),
    ]);
    assert.deepEqual([...measured], [["metropole", 6000n]]);
  });

  it("an organisation line, when there is one, wins over the accounts' sum", () => {
    const measured = measureOf([
      row("ville", "user", "v-1", "3000"),
      row("ville", "organization", null, "9000"),
      row("ville", "organization", null, "1"),
    ]);
    assert.deepEqual([...measured], [["ville", 9000n]]);
  });

  it("exact beyond 2^53; a line without the metric or not an integer is left out", () => {
    const measured = measureOf([
      row("sitiv", "user", "s-1", "9007199254740993"),
      row("sitiv", "user", "s-2", null),
      row("sitiv", "user", "s-3", "1.5e3"),
    ]);
    assert.deepEqual([...measured], [["sitiv", 9_007_199_254_740_993n]]);
  });
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { checkDeliberation, type Deliberation } from "./deliberation-check.ts";

const conference = "2022-12-12";
const deliberation = (
  status: Deliberation["status"],
  deliberationNumber: string | null,
  deliberatedOn: string | null,
): Deliberation => ({ status, deliberationNumber, deliberatedOn });

describe("checkDeliberation", () => {
  it("accepts a ratification numbered and dated on or after the conference", () => {
    assert.deepEqual(checkDeliberation(deliberation("ratified", "2022-145", "2022-12-12"), conference), {
      decides: true,
      number: null,
      date: null,
    });
  });

  it("asks a ratified or rejected deliberation for its number and date", () => {
    for (const status of ["ratified", "rejected"] as const) {
      const check = checkDeliberation(deliberation(status, null, null), conference);
      assert.equal(check.number, "missing");
      assert.equal(check.date, "missing");
    }
  });

  it("refuses a date before the conference", () => {
    assert.equal(
      checkDeliberation(deliberation("ratified", "12", "2022-12-11"), conference).date,
      "before_conference",
    );
  });

  it("needs nothing of a pending deliberation", () => {
    assert.deepEqual(checkDeliberation(deliberation("pending", null, null), conference), {
      decides: false,
      number: null,
      date: null,
    });
  });
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { EntenteError } from "../errors.ts";
import {
  assertDeliberationIdentified,
  assertRatificationOpen,
  budgetStatusAfter,
  type RatificationStatus,
} from "./ratification.ts";

const failure = (run: () => unknown): { code: string; path: readonly (string | number)[] } | null => {
  try {
    run();
    return null;
  } catch (error) {
    if (error instanceof EntenteError) return { code: error.code, path: error.path };
    throw error;
  }
};
const of = (...statuses: RatificationStatus[]) => statuses.map((status) => ({ status }));

describe("ratification: délibérations concordantes (CGCT L5221-2)", () => {
  it("the budget is adopted once every member ratified, ratifying otherwise", () => {
    const cases: [RatificationStatus[], string][] = [
      [["ratified", "ratified", "ratified"], "adopted"],
      [["ratified", "pending", "ratified"], "ratifying"],
      [["ratified", "rejected", "ratified"], "ratifying"],
      [["pending", "pending", "pending"], "ratifying"],
    ];
    for (const [statuses, expected] of cases)
      assert.equal(budgetStatusAfter(of(...statuses)), expected, statuses.join());
  });

  it("ratifications close once the decision's budget version is adopted", () => {
    const decision = { budgetYear: 2023, budgetVersionId: "7" };
    assert.equal(
      failure(() => assertRatificationOpen(decision, { id: "7", status: "adopted" }))?.code,
      "ratification.closed",
    );
    assert.equal(
      failure(() => assertRatificationOpen(decision, { id: "7", status: "ratifying" })),
      null,
    );
    // An amending budget (another version) does not close the first decision's ratifications.
    assert.equal(
      failure(() => assertRatificationOpen(decision, { id: "8", status: "adopted" })),
      null,
    );
    assert.equal(
      failure(() => assertRatificationOpen(decision, null)),
      null,
    );
    assert.equal(
      failure(() =>
        assertRatificationOpen({ budgetYear: null, budgetVersionId: null }, { id: "7", status: "adopted" }),
      ),
      null,
    );
  });

  it("a deliberation that decides has a number and a date not before the conference", () => {
    const conference = "2022-11-07";
    const check = (
      status: RatificationStatus,
      deliberationNumber: string | null,
      deliberatedOn: string | null,
    ) =>
      failure(() => assertDeliberationIdentified({ status, deliberationNumber, deliberatedOn }, conference));
    assert.equal(check("pending", null, null), null);
    assert.equal(check("ratified", "2022-1356", "2022-12-12"), null);
    assert.equal(check("rejected", "X", "2022-11-07"), null);
    assert.deepEqual(check("ratified", null, "2022-12-12"), {
      code: "ratification.incomplete",
      path: ["deliberationNumber"],
    });
    assert.deepEqual(check("rejected", "X", null), {
      code: "ratification.incomplete",
      path: ["deliberatedOn"],
    });
    assert.deepEqual(check("ratified", "X", "2022-11-06"), {
      code: "ratification.incomplete",
      path: ["deliberatedOn"],
    });
  });
});

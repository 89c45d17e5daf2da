import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatMessage } from "../../shared/errors.ts";
import { ValidationError } from "../errors.ts";
import { assertWithinMembership } from "./subscription.ts";

/** The fields named by the refusal, or [] when the subscription is accepted. */
function refusedFields(
  dates: { startsOn: string; endsOn: string | null },
  membership: { fromYear: number | null; toYear: number | null },
): string[] {
  try {
    assertWithinMembership(dates, membership);
    return [];
  } catch (error) {
    assert.ok(error instanceof ValidationError);
    return error.issues.map((issue) => String(issue.details.field));
  }
}

describe("a subscription lies within its member's membership (issue 11 §2)", () => {
  const cases: [
    string,
    { startsOn: string; endsOn: string | null },
    { fromYear: number | null; toYear: number | null },
    string[],
  ][] = [
    [
      "no dates on the membership: anything",
      { startsOn: "2020-01-01", endsOn: null },
      { fromYear: null, toYear: null },
      [],
    ],
    [
      "starts the day the member joins",
      { startsOn: "2025-01-01", endsOn: null },
      { fromYear: 2025, toYear: null },
      [],
    ],
    [
      "starts the day before it joins",
      { startsOn: "2024-12-31", endsOn: null },
      { fromYear: 2025, toYear: null },
      ["startsOn"],
    ],
    [
      "ends the day it leaves",
      { startsOn: "2023-01-01", endsOn: "2026-12-31" },
      { fromYear: null, toYear: 2026 },
      [],
    ],
    [
      "ends the day after it leaves",
      { startsOn: "2023-01-01", endsOn: "2027-01-01" },
      { fromYear: null, toYear: 2026 },
      ["endsOn"],
    ],
    [
      "open-ended while it leaves",
      { startsOn: "2023-01-01", endsOn: null },
      { fromYear: null, toYear: 2026 },
      ["endsOn"],
    ],
    [
      "both wrong at once",
      { startsOn: "2022-06-01", endsOn: null },
      { fromYear: 2023, toYear: 2026 },
      ["startsOn", "endsOn"],
    ],
  ];
  for (const [name, dates, membership, fields] of cases) {
    it(name, () => assert.deepEqual(refusedFields(dates, membership), fields));
  }

  it("the message says which day is expected and why", () => {
    assert.throws(
      () =>
        assertWithinMembership({ startsOn: "2024-06-01", endsOn: null }, { fromYear: 2025, toYear: null }),
      (error: unknown) =>
        error instanceof ValidationError &&
        error.issues.some((i) =>
          /startsOn.*un jour à partir du 2025-01-01 \(le membre adhère/.test(
            formatMessage(i.code, i.details, "fr"),
          ),
        ),
    );
  });
});

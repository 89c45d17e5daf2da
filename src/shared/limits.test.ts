import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { EuroAmount, EuroAmountInput } from "./contract-primitives.ts";
import {
  latestDateAllowed,
  MAX_AMOUNT_CENTS,
  MAX_EXERCISE_FIGURE_CENTS,
  MAX_READ_CENTS,
  MAX_SUMMANDS_PER_EXERCISE,
  PG_BIGINT_MAX,
  READ_AMOUNT_INTEGER_DIGITS,
} from "./limits.ts";
import { centsToEuroText } from "./money-input.ts";

describe("limits: every total of valid inputs fits what reads return", () => {
  it("the largest amount written is 999 999 999 999,99 € and the write schema takes it, not one cent more", () => {
    assert.equal(centsToEuroText(MAX_AMOUNT_CENTS), "999999999999.99");
    assert.equal(EuroAmountInput.safeParse(centsToEuroText(MAX_AMOUNT_CENTS)).success, true);
    assert.equal(EuroAmountInput.safeParse(centsToEuroText(MAX_AMOUNT_CENTS + 1n)).success, false);
  });

  it("a figure of one exercise (every summand at the maximum, plus the recall) fits PostgreSQL's bigint", () => {
    assert.equal(MAX_EXERCISE_FIGURE_CENTS, MAX_AMOUNT_CENTS * BigInt(MAX_SUMMANDS_PER_EXERCISE) * 2n);
    assert.ok(MAX_EXERCISE_FIGURE_CENTS < PG_BIGINT_MAX);
  });

  it("any figure over every exercise, negative or positive, is accepted by the read schema", () => {
    assert.equal(READ_AMOUNT_INTEGER_DIGITS, 19);
    for (const cents of [MAX_READ_CENTS, -MAX_READ_CENTS, MAX_EXERCISE_FIGURE_CENTS])
      assert.equal(EuroAmount.safeParse(centsToEuroText(cents)).success, true, String(cents));
    assert.equal(EuroAmount.safeParse(centsToEuroText(10n ** 21n)).success, false);
  });

  it("a date may be set up to the end of the next year", () => {
    assert.equal(latestDateAllowed("2026-12-06"), "2027-12-31");
    assert.equal(latestDateAllowed("2026-01-01"), "2027-12-31");
  });
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { checkPaymentAmount, type PaymentAmountCheck } from "./payment-amount-check.ts";

describe("checkPaymentAmount", () => {
  const cases: [string, string, PaymentAmountCheck][] = [
    ["", "305797.00", "empty"],
    ["  ", "305797.00", "empty"],
    ["305 797,00", "305797.00", "ok"],
    ["100000", "305797.00", "ok"],
    ["305 797,01", "305797.00", "excess"],
    ["0", "305797.00", "not_an_amount"],
    ["-5", "305797.00", "not_an_amount"],
    ["12,345", "305797.00", "not_an_amount"],
    ["abc", "305797.00", "not_an_amount"],
  ];
  for (const [typed, due, expected] of cases) {
    it(`${JSON.stringify(typed)} against ${due} → ${expected}`, () =>
      assert.equal(checkPaymentAmount(typed, due), expected));
  }
});

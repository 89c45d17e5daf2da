import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { EntenteError, formatMessage } from "../errors.ts";
import {
  amountDue,
  amountPaid,
  assertCancellationCoversRefunds,
  assertFundCallsMayBeIssued,
  assertFundCallsNotIssued,
  assertNotBeforeIssue,
  assertPaymentPositive,
  assertPaymentWithinDue,
  assertRefundPositive,
  assertRefundWithinOverpayment,
  fundCallReference,
} from "./fund-call-rules.ts";

const codeOf = (run: () => unknown): string | null => {
  try {
    run();
    return null;
  } catch (error) {
    if (error instanceof EntenteError) return error.code;
    throw error;
  }
};
const call = { amountCents: 30579700n, payments: [{ amountCents: 10000000n }, { amountCents: 579700n }] };

describe("fund calls and payments", () => {
  it("a year's calls are issued from an adopted budget, or a year with no budget of its own", () => {
    assert.equal(
      codeOf(() => assertFundCallsMayBeIssued(2023, { status: "adopted" })),
      null,
    );
    assert.equal(
      codeOf(() => assertFundCallsMayBeIssued(2024, null)),
      null,
    );
    for (const status of ["draft", "approved", "ratifying"] as const)
      assert.equal(
        codeOf(() => assertFundCallsMayBeIssued(2023, { status })),
        "fund_call.budget_not_adopted",
      );
  });

  it("a year's calls are issued once", () => {
    assert.equal(
      codeOf(() => assertFundCallsNotIssued(2023, [])),
      null,
    );
    assert.equal(
      codeOf(() => assertFundCallsNotIssued(2023, [call])),
      "fund_call.already_issued",
    );
  });

  it("a call's reference names the year and the member", () => {
    assert.equal(fundCallReference(2023, "metropole"), "AF-2023-metropole");
  });

  it("what is due is the amount minus the payments, to the cent", () => {
    assert.equal(amountDue(call), 20000000n);
    assert.equal(amountDue({ amountCents: 5n, payments: [] }), 5n);
  });

  it("a payment is positive and at most what is due", () => {
    assert.equal(
      codeOf(() => assertPaymentPositive(1n)),
      null,
    );
    assert.equal(
      codeOf(() => assertPaymentPositive(0n)),
      "payment.not_positive",
    );
    assert.equal(
      codeOf(() => assertPaymentPositive(-1n)),
      "payment.not_positive",
    );
    assert.equal(
      codeOf(() => assertPaymentWithinDue(call, 20000000n)),
      null,
    );
    assert.equal(
      codeOf(() => assertPaymentWithinDue(call, 20000001n)),
      "payment.exceeds_due",
    );
  });

  it("a payment is cancelled only while the payments left cover the refunds", () => {
    const refunded = {
      year: 2023,
      memberId: "metropole",
      reference: null,
      payments: [
        { id: "1", amountCents: 30577700n, reference: "virement 1" },
        { id: "2", amountCents: 2000n, reference: null },
      ],
      refunds: [
        { amountCents: 2000n, reference: "M-1", refundedOn: "2026-01-15" },
        { amountCents: 1000n, reference: "M-2", refundedOn: "2026-01-16" },
      ],
    };
    for (const [paymentId, code] of [
      ["2", null], // 305 777 € left ≥ 30 € refunded
      ["1", "payment.cancel_below_refunds"], // 20 € left < 30 €
      ["9", null], // not the call's: the store answers not found
    ] as const)
      assert.equal(
        codeOf(() => assertCancellationCoversRefunds(refunded, paymentId)),
        code,
        paymentId,
      );
    const exact = {
      ...refunded,
      refunds: [{ amountCents: 2000n, reference: "M-1", refundedOn: "2026-01-15" }],
    };
    assert.equal(
      codeOf(() => assertCancellationCoversRefunds(exact, "1")),
      null,
      "net paid 0 is not negative",
    );
    try {
      assertCancellationCoversRefunds(refunded, "1");
    } catch (error) {
      assert.ok(error instanceof EntenteError);
      const fr = formatMessage(error.code, error.details, "fr");
      assert.match(fr, /« M-2 » \(10,00 €, 2026-01-16\), « M-1 »/);
      assert.match(fr, /AF-2023-metropole/);
      assert.match(fr, /10,00 € de trop/);
    }
  });

  it("a refund is positive, under its own code; an overpayment is said to be refunded by a mandat", () => {
    assert.equal(
      codeOf(() => assertRefundPositive(1n)),
      null,
    );
    const message = (run: () => unknown, lang: "fr" | "en") => {
      try {
        run();
      } catch (error) {
        if (error instanceof EntenteError) return formatMessage(error.code, error.details, lang);
      }
      return "";
    };
    const zero = () => assertRefundPositive(0n);
    assert.equal(codeOf(zero), "refund.not_positive");
    assert.match(message(zero, "fr"), /Saisissez le montant remboursé/);
    assert.match(message(zero, "en"), /Enter the amount refunded/);
    const over = () => assertPaymentWithinDue(call, 20000001n);
    assert.match(message(over, "fr"), /un trop-perçu se rembourse au membre par un mandat de remboursement/);
    assert.match(message(over, "fr"), /« Rembourser le trop-perçu »/);
    assert.doesNotMatch(message(over, "fr"), /régularisation/);
    assert.match(message(over, "en"), /refunded to the member by a mandat de remboursement/);
    assert.doesNotMatch(message(over, "en"), /adjustment/);
  });

  it("a refund pays back the trop-perçu, no more; net paid = payments − refunds", () => {
    // Called 305 797 €, reduced by 4 000 € by a DM, paid in full: a trop-perçu of 4 000 €.
    const overpaid = {
      amountCents: 30579700n,
      corrections: [{ amountCents: -400000n }],
      payments: [{ amountCents: 30579700n }],
      refunds: [] as { amountCents: bigint }[],
    };
    assert.equal(amountDue(overpaid), -400000n);
    assert.equal(
      codeOf(() => assertRefundWithinOverpayment(overpaid, 400000n)),
      null,
    );
    assert.equal(
      codeOf(() => assertRefundWithinOverpayment(overpaid, 400001n)),
      "refund.exceeds_overpayment",
    );
    const refunded = { ...overpaid, refunds: [{ amountCents: 150000n }] };
    assert.equal(amountPaid(refunded), 30429700n);
    assert.equal(amountDue(refunded), -250000n);
    assert.equal(
      codeOf(() => assertRefundWithinOverpayment(refunded, 250001n)),
      "refund.exceeds_overpayment",
    );
    // Nothing overpaid (still due): any refund is refused, at `amount`.
    try {
      assertRefundWithinOverpayment(call, 1n);
      assert.fail("refused");
    } catch (error) {
      assert.ok(error instanceof EntenteError && error.path[0] === "amount");
    }
  });
});

describe("assertNotBeforeIssue", () => {
  // Issued late in the evening (UTC): the issue's day is the 1st, as every date rule reads it.
  const call = {
    year: 2023,
    memberId: "metropole",
    reference: null,
    issuedAt: new Date("2026-01-01T23:30:00Z"),
  };
  for (const [date, field, expected] of [
    ["2025-12-31", "paidOn", "payment.before_issue"],
    ["2025-12-31", "refundedOn", "refund.before_issue"],
    ["2026-01-01", "paidOn", null],
    ["2026-01-01", "refundedOn", null],
    ["2026-01-02", "paidOn", null],
  ] as const)
    it(`${field} ${date} on a call issued 2026-01-01 → ${expected ?? "accepted"}`, () => {
      assert.equal(
        codeOf(() => assertNotBeforeIssue(call, date, field)),
        expected,
      );
    });

  it("names the field, both dates in words (« 1er ») and the call's reference", () => {
    try {
      assertNotBeforeIssue(call, "2025-12-31", "paidOn");
      assert.fail("accepted");
    } catch (error) {
      assert.ok(error instanceof EntenteError);
      assert.deepEqual(error.path, ["paidOn"]);
      const fr = formatMessage(error.code, error.details, "fr");
      assert.match(
        fr,
        /^paidOn : un paiement reçu le 31 décembre 2025 précède .*AF-2023-metropole, le 1er janvier 2026/,
      );
      assert.match(
        formatMessage(error.code, error.details, "en"),
        /on 31 December 2025 .* on 1 January 2026/,
      );
    }
  });
});

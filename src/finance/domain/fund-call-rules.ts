import { formatDateInWords } from "../../shared/date-in-words.ts";
import { type Cents, formatEuros } from "../../shared/money.ts";
import { EntenteError, type Localized, localized } from "../errors.ts";
import { type BudgetStatus, budgetStatusLabel } from "./budget-status.ts";
import { isoDay } from "./date-rules.ts";
import { amountCalled } from "./fund-call-corrections.ts";

/**
 * A year's fund calls (appels de fonds) are issued from adopted figures only: every member
 * ratified the year's budget (CGCT L5221-2). A year with no budget of its own (only a call year)
 * has nothing to wait for.
 * @throws EntenteError `fund_call.budget_not_adopted`.
 */
export function assertFundCallsMayBeIssued(
  year: number,
  budget: { readonly status: BudgetStatus } | null,
): void {
  if (budget !== null && budget.status !== "adopted")
    throw new EntenteError("fund_call.budget_not_adopted", {
      year,
      status: budgetStatusLabel(budget.status),
    });
}

/**
 * A year's fund calls are issued once: a second issue would ask the members twice.
 * @param issued the calls of the year already issued.
 * @throws EntenteError `fund_call.already_issued`.
 */
export function assertFundCallsNotIssued(year: number, issued: readonly unknown[]): void {
  if (issued.length > 0) throw new EntenteError("fund_call.already_issued", { year });
}

/** The reference a member's call of a year carries on its documents (`AF-2023-metropole`). */
export function fundCallReference(year: number, memberId: string): string {
  return `AF-${year}-${memberId}`;
}

/**
 * What a member paid net on a call (cents): the payments received minus the trop-perçu refunded
 * to it (mandats de remboursement).
 */
export function amountPaid(call: {
  readonly payments: readonly { readonly amountCents: Cents }[];
  readonly refunds?: readonly { readonly amountCents: Cents }[];
}): Cents {
  const refunded = (call.refunds ?? []).reduce((sum, r) => sum + r.amountCents, 0n);
  return call.payments.reduce((sum, p) => sum + p.amountCents, 0n) - refunded;
}

/**
 * What is still due on a call: what was called (its amount, plus its complementary calls, minus
 * its reductions) minus what was paid net (payments − refunds, cents); negative when a reduction
 * left the member overpaid (a trop-perçu to refund).
 */
export function amountDue(call: {
  readonly amountCents: Cents;
  readonly corrections?: readonly { readonly amountCents: Cents }[];
  readonly payments: readonly { readonly amountCents: Cents }[];
  readonly refunds?: readonly { readonly amountCents: Cents }[];
}): Cents {
  return amountCalled(call) - amountPaid(call);
}

/**
 * A refund (mandat de remboursement) pays back a trop-perçu, no more: at most what the member
 * paid beyond what it is called now (−due), so that a refund never turns into a debt the member
 * would have to pay again. Amount in cents, > 0 (checked by assertPaymentPositive).
 * @throws EntenteError `refund.exceeds_overpayment`, at `amount` (no trop-perçu, or less than asked).
 */
export function assertRefundWithinOverpayment(
  call: Parameters<typeof amountDue>[0],
  amountCents: Cents,
): void {
  const due = amountDue(call);
  const overpaid = due < 0n ? -due : 0n;
  if (amountCents > overpaid)
    throw new EntenteError(
      "refund.exceeds_overpayment",
      { amount: `${formatEuros(amountCents)} €`, overpaid: `${formatEuros(overpaid)} €` },
      { path: ["amount"] },
    );
}

/**
 * A mandat de remboursement's reference names one refund of the call: the same reference again
 * is the same refund posted twice (a replayed request), which would pay the trop-perçu back
 * twice. Exact comparison, as the unique index of migration 0181 that backs it.
 * @throws EntenteError `refund.reference_taken`, at `reference`, naming it and the call.
 */
export function assertRefundReferenceFree(
  call: {
    readonly year: number;
    readonly memberId: string;
    readonly reference: string | null;
    readonly refunds: readonly { readonly reference: string; readonly refundedOn: string }[];
  },
  reference: string,
): void {
  const taken = call.refunds.find((r) => r.reference === reference);
  if (taken !== undefined) throw refundReferenceTaken(call, reference, taken.refundedOn);
}

/** The error of a mandat reference already recorded on the call (by the rule or the unique index). */
export function refundReferenceTaken(
  call: { readonly year: number; readonly memberId: string; readonly reference: string | null },
  reference: string,
  refundedOn: string | null,
  options: { cause?: unknown } = {},
): EntenteError {
  return new EntenteError(
    "refund.reference_taken",
    {
      reference,
      call: call.reference ?? fundCallReference(call.year, call.memberId),
      on: refundedOn === null ? localized("", "") : prefixed(dayInWords(refundedOn), " du ", " of "),
    },
    { path: ["reference"], ...options },
  );
}

/**
 * A payment is cancelled (recorded by mistake) only while the payments left still cover what was
 * refunded on the call (mandats de remboursement): otherwise net paid would turn negative and the
 * call owe more than it calls. The mandats are named, the latest first, in the error.
 * @param paymentId the payment to cancel, one of `call.payments`.
 * @throws EntenteError `payment.cancel_below_refunds`, at `paymentId`.
 */
export function assertCancellationCoversRefunds(
  call: {
    readonly year: number;
    readonly memberId: string;
    readonly reference: string | null;
    readonly payments: readonly {
      readonly id: string;
      readonly amountCents: Cents;
      readonly reference: string | null;
    }[];
    readonly refunds: readonly {
      readonly amountCents: Cents;
      readonly reference: string;
      readonly refundedOn: string;
    }[];
  },
  paymentId: string,
): void {
  const cancelled = call.payments.find((p) => p.id === paymentId);
  if (cancelled === undefined) return;
  const left = amountPaid({ payments: call.payments.filter((p) => p !== cancelled) });
  const refunded = amountPaid({ payments: call.refunds });
  if (refunded <= left) return;
  const mandats = [...call.refunds]
    .sort((a, b) => b.refundedOn.localeCompare(a.refundedOn))
    .map((r) => `« ${r.reference} » (${formatEuros(r.amountCents)} €, ${r.refundedOn})`)
    .join(", ");
  throw new EntenteError(
    "payment.cancel_below_refunds",
    {
      payment: `${formatEuros(cancelled.amountCents)} €`,
      paymentReference: cancelled.reference ?? "—",
      call: call.reference ?? fundCallReference(call.year, call.memberId),
      left: `${formatEuros(left)} €`,
      refunded: `${formatEuros(refunded)} €`,
      excess: `${formatEuros(refunded - left)} €`,
      mandats,
    },
    { path: ["paymentId"] },
  );
}

/**
 * A payment is a strictly positive amount (cents): a payment of 0 € records nothing, and is not
 * "negative" either.
 * @throws EntenteError `payment.not_positive` (≤ 0), at `amount`, with the amount in euros.
 */
export function assertPaymentPositive(amountCents: Cents): void {
  if (amountCents <= 0n)
    throw new EntenteError("payment.not_positive", { value: formatEuros(amountCents) }, { path: ["amount"] });
}

/**
 * A refund (mandat de remboursement) is a strictly positive amount (cents), as a payment; its own
 * code, so that its message asks for the amount refunded, not the amount received.
 * @throws EntenteError `refund.not_positive` (≤ 0), at `amount`, with the amount in euros.
 */
export function assertRefundPositive(amountCents: Cents): void {
  if (amountCents <= 0n)
    throw new EntenteError("refund.not_positive", { value: formatEuros(amountCents) }, { path: ["amount"] });
}

/**
 * A payment does not exceed what is still due on its call: a payment recorded twice, or for the
 * wrong member, is refused rather than turned into a credit.
 * @throws EntenteError `payment.exceeds_due`, at `amount`.
 */
export function assertPaymentWithinDue(call: Parameters<typeof amountDue>[0], amountCents: Cents): void {
  const due = amountDue(call);
  if (amountCents > due)
    throw new EntenteError(
      "payment.exceeds_due",
      { amount: `${formatEuros(amountCents)} €`, due: `${formatEuros(due)} €` },
      { path: ["amount"] },
    );
}

/**
 * A fund call's state from what it calls and what was paid (cents): `paid` once nothing is left
 * to pay — including a call of 0,00 € (a member without a share that year, or a call reduced to
 * nothing), settled at once. Such a call is still issued rather than skipped: the year's calls
 * name every member, and an amending budget adopted later may add a complementary call to it
 * (`fund_call.correction_without_call` otherwise); `issued` while nothing is paid;
 * `partially-paid` in between.
 */
export function fundCallStatus(calledCents: Cents, paidCents: Cents): "issued" | "partially-paid" | "paid" {
  if (paidCents >= calledCents) return "paid";
  return paidCents === 0n ? "issued" : "partially-paid";
}

/**
 * Fund calls are issued with their due date (the payment deadline printed on each call).
 * @throws EntenteError `fund_call.due_on_required`, at `dueOn`.
 */
export function assertDueOnGiven(year: number, dueOn: string | null): asserts dueOn is string {
  if (dueOn === null) throw new EntenteError("fund_call.due_on_required", { year }, { path: ["dueOn"] });
}

/** Built once: an `Intl.DateTimeFormat` costs far more to make than to use. UTC, as isoDay. */
const IN_WORDS = {
  fr: new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "UTC" }),
  en: new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" }),
};

/** An ISO day in words in both languages: « 1er janvier 2026 », "1 January 2026". */
function dayInWords(iso: string): Localized {
  const day = new Date(`${iso}T00:00:00Z`);
  return localized(formatDateInWords(IN_WORDS.fr, day), formatDateInWords(IN_WORDS.en, day));
}

/** `words` after a French and an English preposition. */
function prefixed(words: Localized, fr: string, en: string): Localized {
  return localized(`${fr}${words.fr}`, `${en}${words.en}`);
}

/** The code each dated act answers when it precedes its call's issue. */
const BEFORE_ISSUE = { paidOn: "payment.before_issue", refundedOn: "refund.before_issue" } as const;

/**
 * A payment is received (`paidOn`), and a trop-perçu refunded (`refundedOn`), on a call that
 * exists: no earlier than the day it was issued (its `issuedAt`, from the injected clock, as a
 * UTC day like every date rule). An earlier date is a typing mistake or a payment of something
 * else, which would settle the call before anyone was asked to pay it. ISO days compare as text.
 * @param date the act's date, `AAAA-MM-JJ`.
 * @throws EntenteError `payment.before_issue` / `refund.before_issue` at `field`, with both
 *   dates in words and the call's reference.
 * @example assertNotBeforeIssue({ issuedAt: new Date("2026-01-15T10:00:00Z"), … }, "2026-01-14", "paidOn")
 *   // throws payment.before_issue: « … émis le 15 janvier 2026 … »
 */
export function assertNotBeforeIssue(
  call: {
    readonly year: number;
    readonly memberId: string;
    readonly reference: string | null;
    readonly issuedAt: Date;
  },
  date: string,
  field: keyof typeof BEFORE_ISSUE,
): void {
  const issuedOn = isoDay(call.issuedAt);
  if (date < issuedOn)
    throw new EntenteError(
      BEFORE_ISSUE[field],
      {
        field,
        date: dayInWords(date),
        issuedOn: dayInWords(issuedOn),
        reference: call.reference ?? fundCallReference(call.year, call.memberId),
      },
      { path: [field] },
    );
}

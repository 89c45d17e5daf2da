import { z } from "zod";
import { CalendarDate } from "../../shared/calendar-date.ts";
import { EuroAmount, EuroAmountInput } from "../../shared/contract-primitives.ts";
import { REFERENCE, TEXT } from "./text-fields.ts";

// Fund calls (appels de fonds), their corrections from amending budgets, and payments: part of
// the HTTP API's contracts (api.ts re-exports them).

/** A complementary call (amount > 0) or a reduction (< 0) of a call, from an amending budget. */
const FundCallCorrection = z.object({
  id: z.string(),
  kind: z.enum(["complementary", "reduction"]),
  budgetYear: z.number().int(),
  budgetNumber: z.number().int(),
  amount: EuroAmount,
  dueOn: z.string().nullable(),
  reference: z.string(),
});
export const FundCall = z.object({
  id: z.string(),
  year: z.number().int(),
  memberId: z.string(),
  amount: EuroAmount,
  /** amount + complementary calls − reductions (amending budgets adopted after the issue). */
  called: EuroAmount,
  /** Net: payments − refunds. */
  paid: EuroAmount,
  /** Σ refunds of a trop-perçu (mandats de remboursement). */
  refunded: EuroAmount,
  /** called − paid; negative: a trop-perçu to refund. */
  due: EuroAmount,
  dueOn: z.string().nullable(),
  reference: z.string().nullable(),
  status: z.enum(["issued", "partially-paid", "paid"]),
  corrections: z.array(FundCallCorrection),
  payments: z.array(
    z.object({ id: z.string(), amount: EuroAmount, paidOn: z.string(), reference: z.string().nullable() }),
  ),
  refunds: z.array(
    z.object({ id: z.string(), amount: EuroAmount, refundedOn: z.string(), reference: z.string() }),
  ),
});
/** Why a payment recorded by mistake is cancelled (kept in the audit trail). */
export const PaymentCancel = z.object({
  reason: TEXT.trim().min(1, { message: "motif obligatoire" }),
});
export const FundCallIssue = z.object({ dueOn: CalendarDate.nullable() });
export const PaymentCreate = z.object({
  amount: EuroAmountInput,
  paidOn: CalendarDate,
  reference: REFERENCE.nullable(),
});
/** A refund of a trop-perçu (mandat de remboursement): amount, date and the mandat's reference. */
export const RefundCreate = z.object({
  amount: EuroAmountInput,
  refundedOn: CalendarDate,
  reference: REFERENCE.trim().min(1, { message: "référence du mandat obligatoire" }),
});

import type { Actor } from "../../../shared/actor.ts";
import type { InTransactionRule } from "./in-transaction-rule.ts";

/** A payment received against a fund call (cents). */
export interface PaymentRecord {
  readonly id: string;
  readonly amountCents: bigint;
  readonly paidOn: string;
  readonly reference: string | null;
}

/**
 * A trop-perçu refunded to the member (mandat de remboursement, cents > 0): what it paid beyond
 * what it is called after a reduction of its call, paid back on `refundedOn` under `reference`.
 */
export interface RefundRecord {
  readonly id: string;
  readonly amountCents: bigint;
  readonly refundedOn: string;
  readonly reference: string;
}

/**
 * A complementary call (titre complémentaire, amount > 0) or a reduction (réduction de titre,
 * amount < 0) of a fund call, produced by the adopted amending budget `budgetYear`#`budgetNumber`.
 */
export interface FundCallCorrectionRecord {
  readonly id: string;
  readonly budgetYear: number;
  readonly budgetNumber: number;
  readonly amountCents: bigint;
  readonly dueOn: string | null;
  readonly reference: string;
  /** When it was issued: the injected clock's instant at the issue (never the database's). */
  readonly issuedAt: Date;
}

/** A correction to issue against the member's call of `callYear`. */
export interface NewFundCallCorrection {
  readonly callYear: number;
  readonly memberId: string;
  readonly amountCents: bigint;
  readonly dueOn: string | null;
  readonly reference: string;
}

/**
 * A member's fund call (appel de fonds) of a year, with the complementary calls and reductions
 * of the amending budgets adopted after it was issued (by id), and the payments received.
 */
export interface FundCallRecord {
  readonly id: string;
  readonly year: number;
  readonly memberId: string;
  readonly amountCents: bigint;
  readonly dueOn: string | null;
  readonly reference: string | null;
  /**
   * When the call was issued: the injected clock's instant at the issue (never the database's
   * `now()`), so that a payment's or refund's date compares with it in tests as in production.
   */
  readonly issuedAt: Date;
  readonly corrections: readonly FundCallCorrectionRecord[];
  readonly payments: readonly PaymentRecord[];
  /** The trop-perçu refunded to the member (net paid = payments − refunds). */
  readonly refunds: readonly RefundRecord[];
}

/** A call to issue. */
export type NewFundCall = Pick<FundCallRecord, "memberId" | "amountCents" | "dueOn" | "reference">;

/** The fund calls and the payments received. Writes are transactional and audited. */
export interface FundCallStore {
  /** The calls of one year (or of every year when null), by year then member order. */
  list(ententeId: string, year: number | null): Promise<FundCallRecord[]>;
  /**
   * Issues the year's calls at `issuedAt` (the use case's clock); `rule` runs in the transaction
   * on the calls of the year already issued, before the insert.
   * @throws what `rule` throws.
   */
  issue(
    ententeId: string,
    year: number,
    calls: readonly NewFundCall[],
    issuedAt: Date,
    actor: Actor,
    rule: InTransactionRule<readonly FundCallRecord[]>,
  ): Promise<FundCallRecord[]>;
  /**
   * Records a payment against a member's call of a year; `rule` runs in the transaction on the
   * call as it stands (with its payments), before the insert.
   * @throws EntenteError `resource.not_found` (no such call), or what `rule` throws.
   */
  addPayment(
    ententeId: string,
    year: number,
    memberId: string,
    payment: Omit<PaymentRecord, "id">,
    actor: Actor,
    rule: InTransactionRule<FundCallRecord>,
  ): Promise<FundCallRecord>;
  /**
   * Issues the complementary calls and reductions of the amending budget `budget` at `issuedAt`
   * (the use case's clock) in one transaction with its audit event; `rule` runs in the transaction on the calls of `callYears`
   * as they stand (with their corrections), before the insert.
   * @throws EntenteError `fund_call.correction_without_call`, or what `rule` throws.
   */
  issueCorrections(
    ententeId: string,
    budget: { readonly year: number; readonly number: number },
    callYears: readonly number[],
    issuedAt: Date,
    actor: Actor,
    rule: InTransactionRule<readonly FundCallRecord[], readonly NewFundCallCorrection[]>,
  ): Promise<FundCallRecord[]>;
  /**
   * Records a refund of a trop-perçu against a member's call of a year, audited; `rule` runs in
   * the transaction on the call as it stands (locked), before the insert.
   * @throws EntenteError `resource.not_found` (no such call), or what `rule` throws.
   */
  addRefund(
    ententeId: string,
    year: number,
    memberId: string,
    refund: Omit<RefundRecord, "id">,
    actor: Actor,
    rule: InTransactionRule<FundCallRecord>,
  ): Promise<FundCallRecord>;
  /**
   * Cancels a payment recorded by mistake (the audit trail keeps it and the reason); null when
   * unknown. `rule` runs in the transaction on the payment's call as it stands (its row locked,
   * as addRefund locks it), before the delete.
   * @throws what `rule` throws.
   */
  cancelPayment(
    ententeId: string,
    paymentId: string,
    reason: string,
    actor: Actor,
    rule: InTransactionRule<FundCallRecord>,
  ): Promise<FundCallRecord | null>;
}

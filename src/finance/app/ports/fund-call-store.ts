import type { Actor } from "../../../shared/actor.ts";
import type { InTransactionRule } from "./in-transaction-rule.ts";

/** A payment received against a fund call (cents). */
export interface PaymentRecord {
  readonly id: string;
  readonly amountCents: bigint;
  readonly paidOn: string;
  readonly reference: string | null;
}

/** A member's fund call (appel de fonds) of a year, with the payments received. */
export interface FundCallRecord {
  readonly id: string;
  readonly year: number;
  readonly memberId: string;
  readonly amountCents: bigint;
  readonly dueOn: string | null;
  readonly reference: string | null;
  readonly payments: readonly PaymentRecord[];
}

/** A call to issue. */
export type NewFundCall = Pick<FundCallRecord, "memberId" | "amountCents" | "dueOn" | "reference">;

/** The fund calls and the payments received. Writes are transactional and audited. */
export interface FundCallStore {
  /** The calls of one year (or of every year when null), by year then member order. */
  list(ententeId: string, year: number | null): Promise<FundCallRecord[]>;
  /**
   * Issues the year's calls; `rule` runs in the transaction on the calls of the year already
   * issued, before the insert.
   * @throws what `rule` throws.
   */
  issue(
    ententeId: string,
    year: number,
    calls: readonly NewFundCall[],
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
  /** Cancels a payment recorded by mistake (the audit trail keeps it and the reason); null when unknown. */
  cancelPayment(
    ententeId: string,
    paymentId: string,
    reason: string,
    actor: Actor,
  ): Promise<FundCallRecord | null>;
}

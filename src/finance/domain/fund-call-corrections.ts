import type { Cents } from "../../shared/money.ts";
import { EntenteError } from "../errors.ts";

/**
 * Complementary calls and reductions (issue 9, item 4). An issued fund call is a titre de
 * recette: French public accounting never rewrites one. When an amending budget (décision
 * modificative) adopted after the calls were issued raises what a member owes, the entente
 * issues a **titre complémentaire** for the difference; when it lowers it, a **réduction de
 * titre** (partial annulation, by mandat d'annulation in the same exercise) against the original
 * call. A reduction larger than what remains unpaid leaves a negative amount due: the
 * **trop-perçu** the entente refunds (or deducts from the member's next call, by an adjustment).
 *
 * Rounding: each member's figure of a year is already rounded by the project's rule (the
 * largest-remainder method over the amount to finance, DESIGN.md). A correction is the member's
 * rounded figure under the amended budget minus what it was called so far, so after the
 * corrections every member was called exactly its rounded share of the amended budget, and
 * Σ corrections = (amended total) − (Σ called) = the amending budget's delta, to the cent, with
 * no drift over successive amending budgets.
 */

/** What a correction is computed from: a member's call of a year as issued. */
export interface IssuedCall {
  readonly year: number;
  readonly memberId: string;
  readonly reference: string | null;
  readonly amountCents: Cents;
  readonly corrections: readonly {
    readonly budgetYear: number;
    readonly budgetNumber: number;
    readonly amountCents: Cents;
    /** The reference it was issued with (kept as issued, never recomputed). */
    readonly reference?: string;
  }[];
  readonly payments: readonly { readonly amountCents: Cents }[];
}

/** A correction to issue: > 0 complementary call, < 0 reduction, never 0. */
export interface PlannedCorrection {
  readonly callYear: number;
  readonly memberId: string;
  readonly amountCents: Cents;
  readonly reference: string;
}

/** What a member was called for a year: the original call and its corrections (cents). */
export function amountCalled(call: {
  readonly amountCents: Cents;
  readonly corrections?: readonly { readonly amountCents: Cents }[];
}): Cents {
  return (call.corrections ?? []).reduce((sum, c) => sum + c.amountCents, call.amountCents);
}

/**
 * A correction's reference: the original call's, with the amending budget's number
 * (`AF-2023-metropole-DM1`), so the accountant finds the title it completes or reduces. A call
 * is corrected by the DMs of its own year and by those of the year it recalls (a DM1 of 2022
 * corrects the 2023 calls too): a DM of another year than the call's adds its year
 * (`AF-2023-metropole-DM1-2022`), and so does one of the call's year whose short reference is
 * already taken (by a correction issued before this rule), so that no two titres of a call share
 * a reference. References already issued are stored and never recomputed.
 */
export function correctionReference(
  call: Pick<IssuedCall, "year" | "memberId" | "reference"> & {
    readonly corrections?: readonly { readonly reference?: string }[];
  },
  budget: { readonly year: number; readonly number: number },
): string {
  const short = `${call.reference ?? `AF-${call.year}-${call.memberId}`}-DM${budget.number - 1}`;
  const taken = (call.corrections ?? []).some((c) => c.reference === short);
  return budget.year === call.year && !taken ? short : `${short}-${budget.year}`;
}

/**
 * The corrections of one call year: for each member, its figure under the amended budget
 * (`target`, cents, as computed) minus what it was called; members with an issued call and no
 * figure any more have a target of 0. Nothing for a year whose calls were not issued (they will
 * be issued from the amended figures).
 * @throws EntenteError `fund_call.correction_without_call` (a member owes something for a year
 *   whose calls were issued without one for it).
 */
export function planCorrections(
  callYear: number,
  targets: readonly { readonly member: string; readonly total: Cents }[],
  issued: readonly IssuedCall[],
  budget: { readonly year: number; readonly number: number },
): PlannedCorrection[] {
  const calls = issued.filter((c) => c.year === callYear);
  if (calls.length === 0) return [];
  const target = new Map(targets.map((t) => [t.member, t.total]));
  for (const t of targets)
    if (t.total !== 0n && !calls.some((c) => c.memberId === t.member))
      throw new EntenteError("fund_call.correction_without_call", { member: t.member, year: callYear });
  return calls.flatMap((call) => {
    const amountCents = (target.get(call.memberId) ?? 0n) - amountCalled(call);
    return amountCents === 0n
      ? []
      : [
          {
            callYear,
            memberId: call.memberId,
            amountCents,
            reference: correctionReference(call, budget),
          },
        ];
  });
}

/**
 * An amending budget's corrections are issued once: a second issue would ask twice.
 * @throws EntenteError `fund_call.corrections_already_issued`.
 */
export function assertCorrectionsNotIssued(
  budget: { readonly year: number; readonly number: number; readonly label: string },
  calls: readonly IssuedCall[],
): void {
  const issued = calls.some((c) =>
    c.corrections.some((x) => x.budgetYear === budget.year && x.budgetNumber === budget.number),
  );
  if (issued) throw new EntenteError("fund_call.corrections_already_issued", { label: budget.label });
}

/**
 * The corrections amending budget `budget` issued, with their call: what one issue made, apart
 * from the earlier DMs' corrections of the same calls.
 */
export function correctionsIssuedBy<
  C extends {
    readonly corrections: readonly { readonly budgetYear: number; readonly budgetNumber: number }[];
  },
>(
  calls: readonly C[],
  budget: { readonly year: number; readonly number: number },
): { call: C; correction: C["corrections"][number] }[] {
  return calls.flatMap((call) =>
    call.corrections
      .filter((c) => c.budgetYear === budget.year && c.budgetNumber === budget.number)
      .map((correction) => ({ call, correction })),
  );
}

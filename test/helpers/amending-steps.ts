// Steps of an amending budget (décision modificative) through the use cases, shared by the DM
// tests: adopt a year, issue and pay its calls, open and edit a DM.
import type { Principal } from "../../src/access/index.ts";
import { createAmendingBudget } from "../../src/finance/app/create-amending-budget.ts";
import { createDecision } from "../../src/finance/app/create-decision.ts";
import type { FinanceDeps } from "../../src/finance/app/finance-deps.ts";
import { issueFundCalls } from "../../src/finance/app/issue-fund-calls.ts";
import type { BudgetLineRecord } from "../../src/finance/app/ports/budget-store.ts";
import { recordPayment } from "../../src/finance/app/record-payment.ts";
import { recordRatification } from "../../src/finance/app/record-ratification.ts";
import { saveBudget } from "../../src/finance/app/save-budget.ts";
import { isoDay } from "../../src/finance/domain/date-rules.ts";

/** The entente's secretariat. */
export function secretariatOf(ententeId: string): Principal {
  return { accountId: "1", email: "s@test", role: "secretariat", ententeId, memberId: null, missionId: null };
}

/** Adopts `year`'s latest version: the conference's decision, then every member's deliberation. */
export async function adoptYear(
  deps: FinanceDeps,
  ententeId: string,
  year: number,
  date: string,
): Promise<void> {
  const who = secretariatOf(ententeId);
  const decision = await createDecision(deps, who, ententeId, {
    subject: `Budget ${year}`,
    conferenceDate: date,
    conferenceLabel: "Conférence",
    budgetYear: year,
  });
  for (const r of decision.ratifications)
    await recordRatification(
      deps,
      who,
      ententeId,
      decision.id,
      r.memberId,
      { status: "ratified", deliberationNumber: `${year}-${r.memberId}`, deliberatedOn: date },
      r.rowVersion,
    );
}

/** `line` with `euros` more when `pick` selects it. */
const plus = (pick: (l: BudgetLineRecord) => boolean, cents: bigint) => (l: BudgetLineRecord) =>
  pick(l) ? { ...l, amountCents: l.amountCents + cents } : l;

/**
 * 2023 adopted, its calls issued, 150 000 € paid by the Métropole, then a DM opened on 2023 with
 * `cents` more for the project lead (fonctionnement) financed by the members' contributions.
 */
export async function draftLyonAmendingBudget(
  deps: FinanceDeps,
  ententeId: string,
  cents: bigint,
): Promise<void> {
  const who = secretariatOf(ententeId);
  await adoptYear(deps, ententeId, 2023, "2022-12-12");
  await issueFundCalls(deps, who, ententeId, 2023, "2023-03-31");
  await recordPayment(deps, who, ententeId, 2023, "metropole", {
    amountCents: 150_000_00n,
    paidOn: isoDay(deps.clock.now()), // no earlier than the calls, issued by this clock
    reference: "virement 1",
  });
  const draft = await createAmendingBudget(deps, who, ententeId, 2023);
  const lines = draft.lines
    .map(plus((l) => l.direction === "expense" && l.label === "Chef de projet", cents))
    .map(plus((l) => l.receiptKind === "contribution" && l.section === "fonctionnement", cents));
  await saveBudget(deps, who, ententeId, 2023, lines, draft.rowVersion);
}

import { assertCan, type Principal } from "../../access/index.ts";
import { statusOnApproval } from "../domain/budget-lifecycle.ts";
import { assertDateInRange, isoDay } from "../domain/date-rules.ts";
import { ententeForYear } from "../domain/entente-for-year.ts";
import { validateEntente } from "../domain/validate-entente.ts";
import { ValidationError } from "../errors.ts";
import { actorOf } from "./actor-of.ts";
import type { FinanceDeps } from "./finance-deps.ts";
import type { DecisionRecord } from "./ports/decision-store.ts";

/**
 * Records a conference decision; when it approves a year's budget, that budget goes to
 * `ratifying` and one pending ratification per member is opened (CGCT L5221-2). A budget that
 * breaks a rule (a section out of balance…) cannot be approved: ValidationError, nothing stored.
 */
export async function createDecision(
  deps: Pick<FinanceDeps, "ententes" | "decisions" | "clock">,
  principal: Principal,
  ententeId: string,
  input: { subject: string; conferenceDate: string; conferenceLabel: string; budgetYear: number | null },
): Promise<DecisionRecord> {
  assertCan(principal, { kind: "manage-decisions", ententeId });
  assertDateInRange(input.conferenceDate, isoDay(deps.clock.now()), "conferenceDate");
  if (input.budgetYear !== null) {
    // A budget the conference approves must satisfy every rule (balanced sections, keys at
    // 100 %…): once approved it is read-only, and it becomes the adopted budget. Only what its
    // figures are made of: another year's draft does not block it.
    // The version approved is the year's latest (an amending budget as drafted), not the one in force.
    const entente = await deps.ententes.loadEntenteDraft(ententeId, input.budgetYear);
    const issues = validateEntente(ententeForYear(entente, input.budgetYear));
    if (issues.length > 0) throw new ValidationError(issues);
  }
  const { budgetYear, ...decision } = input;
  const approves = budgetYear === null ? null : { year: budgetYear, status: statusOnApproval() };
  return deps.decisions.create(ententeId, { ...decision, approves }, actorOf(principal));
}

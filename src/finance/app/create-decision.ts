import { assertCan, type Principal } from "../../access/index.ts";
import { adoptionDate, assertAfterPreviousAdoption } from "../domain/amending-chronology.ts";
import { statusOnApproval } from "../domain/budget-lifecycle.ts";
import { assertDateInRange, isoDay } from "../domain/date-rules.ts";
import { ententeForYear } from "../domain/entente-for-year.ts";
import { validateEntente } from "../domain/validate-entente.ts";
import { ValidationError } from "../errors.ts";
import { actorOf } from "./actor-of.ts";
import type { FinanceDeps } from "./finance-deps.ts";
import type { DecisionRecord } from "./ports/decision-store.ts";

/**
 * The adopted version a decision on `year`'s latest version amends, with its adoption day: the
 * previous version when the latest is a décision modificative; null for a budget primitif.
 */
async function previousAdoption(
  deps: Pick<FinanceDeps, "budgets" | "decisions">,
  ententeId: string,
  year: number,
): Promise<{ label: string; adoptedOn: string | null } | null> {
  const latest = await deps.budgets.latest(ententeId, year);
  if (latest === null || latest.number === 1) return null;
  const previous = await deps.budgets.version(ententeId, year, latest.number - 1);
  if (previous === null) return null;
  return {
    label: previous.label,
    adoptedOn: adoptionDate(await deps.decisions.list(ententeId), previous.id),
  };
}

/**
 * Records a conference decision; when it approves a year's budget, that budget goes to
 * `ratifying` and one pending ratification per member is opened (CGCT L5221-2). A budget that
 * breaks a rule (a section out of balance…) cannot be approved: ValidationError, nothing stored.
 * A décision modificative is approved no earlier than the adoption of the version it amends
 * (`amending.before_previous_adoption`, at `conferenceDate`).
 */
export async function createDecision(
  deps: Pick<FinanceDeps, "ententes" | "budgets" | "decisions" | "clock">,
  principal: Principal,
  ententeId: string,
  input: { subject: string; conferenceDate: string; conferenceLabel: string; budgetYear: number | null },
): Promise<DecisionRecord> {
  assertCan(principal, { kind: "manage-decisions", ententeId });
  assertDateInRange(input.conferenceDate, isoDay(deps.clock.now()), "conferenceDate");
  if (input.budgetYear !== null) {
    assertAfterPreviousAdoption(
      input.conferenceDate,
      await previousAdoption(deps, ententeId, input.budgetYear),
    );
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

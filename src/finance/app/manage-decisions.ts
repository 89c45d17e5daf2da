import { assertCan, type Principal } from "../../access/index.ts";
import { validateEntente } from "../domain/validate-entente.ts";
import { EntenteError, localized, ValidationError } from "../errors.ts";
import type { ConsoleDeps } from "./console-deps.ts";
import type { DecisionRecord, RatificationRecord } from "./ports.ts";
import { actorOf } from "./update-member.ts";

/**
 * Records a conference decision; when it approves a year's budget, that budget goes to
 * `ratifying` and one pending ratification per member is opened (CGCT L5221-2). A budget that
 * breaks a rule (a section out of balance…) cannot be approved: ValidationError, nothing stored.
 */
export async function createDecision(
  deps: ConsoleDeps,
  principal: Principal,
  ententeId: string,
  input: { subject: string; conferenceDate: string; conferenceLabel: string; budgetYear: number | null },
): Promise<DecisionRecord> {
  assertCan(principal, { kind: "manage-decisions", ententeId });
  if (input.budgetYear !== null) {
    // A budget the conference approves must satisfy every rule (balanced sections, keys at
    // 100 %…): once approved it is read-only, and it becomes the adopted budget.
    const issues = validateEntente(await deps.ententes.loadEntente(ententeId));
    if (issues.length > 0) throw new ValidationError(issues);
  }
  return deps.console.createDecision(ententeId, input, actorOf(principal));
}

/**
 * Records a member's deliberation on a decision (délibération concordante). When every member
 * has ratified, the budget the decision approves becomes `adopted`.
 */
export async function recordRatification(
  deps: ConsoleDeps,
  principal: Principal,
  ententeId: string,
  decisionId: string,
  memberId: string,
  change: {
    status: RatificationRecord["status"];
    deliberationNumber: string | null;
    deliberatedOn: string | null;
  },
  rowVersion: number,
): Promise<DecisionRecord> {
  assertCan(principal, { kind: "record-ratification", ententeId, memberId });
  const decision = (await deps.console.listDecisions(ententeId)).find((d) => d.id === decisionId);
  if (decision !== undefined) {
    if (decision.budgetYear !== null) {
      const budget = await deps.console.getBudget(ententeId, decision.budgetYear);
      if (budget !== null && budget.id === decision.budgetVersionId && budget.status === "adopted") {
        throw new EntenteError("ratification.closed", { year: decision.budgetYear });
      }
    }
    // A deliberation that decides is identified: its number, and its date, not before the conference.
    if (
      change.status !== "pending" &&
      (change.deliberationNumber === null ||
        change.deliberatedOn === null ||
        change.deliberatedOn < decision.conferenceDate)
    ) {
      throw new EntenteError(
        "ratification.incomplete",
        {
          status:
            change.status === "ratified"
              ? localized("adoptée", "ratified")
              : localized("rejetée", "rejected"),
          conferenceDate: decision.conferenceDate,
        },
        { path: [change.deliberationNumber === null ? "deliberationNumber" : "deliberatedOn"] },
      );
    }
  }
  return deps.console.updateRatification(
    ententeId,
    decisionId,
    memberId,
    change,
    rowVersion,
    actorOf(principal),
  );
}

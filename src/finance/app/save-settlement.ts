import { assertCan, type Principal } from "../../access/index.ts";
import { budgetStatusLabel } from "../domain/budget-status.ts";
import type { Adjustment, Advance } from "../domain/entente.ts";
import { validateEntente } from "../domain/validate-entente.ts";
import { EntenteError, localized, ValidationError } from "../errors.ts";
import { assertFiguresOpen } from "./assert-figures-open.ts";
import type { ConsoleDeps } from "./console-deps.ts";
import type { SettlementRecord } from "./ports.ts";
import { actorOf } from "./update-member.ts";

/** The advances and adjustments of an exercise (read by every role of the entente). */
export async function readSettlement(
  deps: ConsoleDeps,
  principal: Principal,
  ententeId: string,
  year: number,
): Promise<SettlementRecord> {
  assertCan(principal, { kind: "read", ententeId });
  const settlement = await deps.console.getSettlement(ententeId, year);
  if (settlement === null)
    throw new EntenteError("resource.not_found", {
      what: localized("exercice", "exercise"),
      id: String(year),
    });
  return settlement;
}

/**
 * Replaces the advances (avances) and adjustments (régularisations) of an exercise in one
 * transaction. The rules of the finance engine apply (DESIGN.md): unique ids, known members and
 * keys, an advance made by a member of its key, adjustments summing to zero, whole rounding
 * units — every problem is reported at once with its field (`advances[0].memberId`), nothing
 * stored. Only while the exercise's budget is a draft: adopted figures are not rewritten.
 */
export async function saveSettlement(
  deps: ConsoleDeps,
  principal: Principal,
  ententeId: string,
  year: number,
  settlement: Omit<SettlementRecord, "year" | "rowVersion">,
  rowVersion: number,
): Promise<SettlementRecord> {
  assertCan(principal, { kind: "edit-budget", ententeId });
  const budget = await deps.console.getBudget(ententeId, year);
  if (budget === null)
    throw new EntenteError("resource.not_found", {
      what: localized("exercice", "exercise"),
      id: String(year),
    });
  if (budget.status !== "draft")
    throw new EntenteError("budget.not_editable", {
      year,
      number: budget.number,
      status: budgetStatusLabel(budget.status),
    });
  await assertFiguresOpen(deps, ententeId, [year]);

  const entente = await deps.ententes.loadEntente(ententeId);
  const advances: Advance[] = settlement.advances.map((a, i) => ({
    id: a.id,
    label: a.label,
    member: a.memberId,
    amount: a.amountCents,
    key: a.keyId,
    path: ["advances", i],
  }));
  const adjustments: Adjustment[] = settlement.adjustments.map((a, i) => ({
    id: a.id,
    label: a.label,
    amounts: a.amounts.map((x) => ({ member: x.memberId, amount: x.amountCents })),
    path: ["adjustments", i],
  }));
  const candidate = {
    ...entente,
    exercises: entente.exercises.map((e) => (e.year === year ? { ...e, advances, adjustments } : e)),
  };
  const exerciseIndex = candidate.exercises.findIndex((e) => e.year === year);
  const issues = validateEntente(candidate)
    .filter(
      (issue) =>
        ["advances", "adjustments"].includes(String(issue.path[0])) ||
        (issue.path[0] === "exercises" &&
          issue.path[1] === exerciseIndex &&
          ["advances", "adjustments"].includes(String(issue.path[2]))),
    )
    .map((issue) => ({
      ...issue,
      // Duplicate ids are found by exercise index; point them at the request's list.
      path:
        issue.path[0] === "exercises"
          ? issue.path.slice(2)
          : issue.path.map((p) => (p === "member" ? "memberId" : p === "key" ? "keyId" : p)),
    }));
  if (issues.length > 0) throw new ValidationError(issues);
  return deps.console.replaceSettlement(ententeId, year, settlement, rowVersion, actorOf(principal));
}

import { assertCan, type Principal } from "../../access/index.ts";
import { budgetStatusLabel } from "../domain/budget-status.ts";
import { EntenteError, localized } from "../errors.ts";
import { assertFiguresOpen } from "./assert-figures-open.ts";
import type { ConsoleDeps } from "./console-deps.ts";
import type { BudgetLineRecord, BudgetVersionRecord } from "./ports.ts";
import { actorOf } from "./update-member.ts";

/**
 * Replaces the lines of the year's draft budget in one transaction. A draft may be out of balance
 * (the console shows it); missions must exist and receipts need a kind. Approved, ratifying or
 * adopted versions are read-only (`budget.not_editable`).
 */
export async function saveBudget(
  deps: ConsoleDeps,
  principal: Principal,
  ententeId: string,
  year: number,
  lines: readonly BudgetLineRecord[],
  rowVersion: number,
): Promise<BudgetVersionRecord> {
  assertCan(principal, { kind: "edit-budget", ententeId });
  // The year's own budget must be a draft; a recall it feeds into an approved year may not change.
  const current = await deps.console.getBudget(ententeId, year);
  if (current !== null && current.status !== "draft") {
    throw new EntenteError("budget.not_editable", {
      year,
      number: current.number,
      status: budgetStatusLabel(current.status),
    });
  }
  await assertFiguresOpen(deps, ententeId, [year]);
  const missions = new Set((await deps.console.listMissions(ententeId)).map((m) => m.id));
  lines.forEach((line, index) => {
    if (line.missionId !== null && !missions.has(line.missionId)) {
      throw new EntenteError(
        "entente.unknown_reference",
        { what: localized("mission", "mission"), id: line.missionId, known: [...missions].join(", ") },
        { path: ["lines", index, "missionId"] },
      );
    }
    if (line.direction === "receipt" && line.receiptKind === null) {
      throw new EntenteError(
        "file.invalid_field",
        {
          field: "receiptKind",
          expected: localized(
            "une recette a une nature (report, subvention, contribution…)",
            "a receipt needs a kind (carry-over, grant, contribution…)",
          ),
        },
        { path: ["lines", index, "receiptKind"] },
      );
    }
  });
  return deps.console.replaceBudgetLines(ententeId, year, lines, rowVersion, actorOf(principal));
}

/**
 * Opens a décision modificative: a new draft version of the year's budget, copying the adopted
 * one, which stays as adopted until the new version is itself approved and ratified.
 * @throws EntenteError budget.amend_not_adopted when the latest version is not adopted.
 */
export async function createAmendingBudget(
  deps: ConsoleDeps,
  principal: Principal,
  ententeId: string,
  year: number,
): Promise<BudgetVersionRecord> {
  assertCan(principal, { kind: "edit-budget", ententeId });
  return deps.console.createAmendingBudget(ententeId, year, actorOf(principal));
}

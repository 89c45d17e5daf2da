import { assertCan, type Principal } from "../../access/index.ts";
import { yearsAltered } from "../domain/budget-lifecycle.ts";
import { budgetStatusLabel } from "../domain/budget-status.ts";
import type { Entente } from "../domain/entente.ts";
import { EntenteError, ValidationError } from "../errors.ts";
import { actorOf } from "./actor-of.ts";
import { assertSubscriptionsWithin } from "./assert-subscriptions-within.ts";
import type { FinanceDeps } from "./finance-deps.ts";
import { type EntentePreview, previewEntenteFile } from "./preview-entente-file.ts";

/**
 * Applies an entente file (read by the caller) to the stored entente, after the preview's
 * checks: nothing removed (`entente.removal_refused`), no figure of an approved or adopted year
 * changed (`budget.figures_frozen`, checked again in the transaction of the write on the
 * statuses as they stand). Years still in draft take the file's lines, advances and
 * adjustments; new exercises are added. A member's new dates may not leave one of its workplace
 * subscriptions outside its membership (`member.subscriptions_outside_membership`). All or nothing.
 * @returns the preview of what was applied.
 * @throws ValidationError with every refused change, field named; nothing stored.
 */
export async function applyEntenteFile(
  deps: Pick<FinanceDeps, "ententes" | "budgets" | "subscriptions">,
  principal: Principal,
  ententeId: string,
  next: Entente,
): Promise<EntentePreview> {
  for (const kind of ["edit-budget", "edit-key", "edit-mission"] as const)
    assertCan(principal, { kind, ententeId });
  const preview = await previewEntenteFile(deps, principal, ententeId, next);
  if (preview.refused.length > 0) throw new ValidationError(preview.refused);
  const current = await deps.ententes.loadEntente(ententeId);
  for (const member of next.members) {
    const before = current.members.find((m) => m.id === member.id);
    if (before !== undefined && before.from === member.from && before.to === member.to) continue;
    await assertSubscriptionsWithin(deps, ententeId, member.id, {
      from: member.from ?? null,
      to: member.to ?? null,
    });
  }
  const touched = preview.changes.map((change) => ({
    field: change.field,
    years: [...new Set([...yearsAltered(current, change.years), ...yearsAltered(next, change.years)])],
  }));
  await deps.ententes.applyEntente(ententeId, next, actorOf(principal), (statuses) => {
    for (const change of touched)
      for (const year of change.years) {
        const status = statuses.get(year);
        if (status !== undefined && status !== "draft")
          throw new EntenteError(
            "budget.figures_frozen",
            { year, status: budgetStatusLabel(status) },
            { path: [change.field] },
          );
      }
    return new Set(next.exercises.map((e) => e.year).filter((y) => (statuses.get(y) ?? "draft") === "draft"));
  });
  return preview;
}

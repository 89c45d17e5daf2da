import type { Principal } from "../../access/index.ts";
import type { BudgetReport } from "../domain/budget-report.ts";
import type { Entente } from "../domain/entente.ts";
import { type MemberContribution, memberContribution } from "../domain/member-contribution.ts";
import { EntenteError, localized } from "../errors.ts";
import type { FinanceDeps } from "./finance-deps.ts";
import { readBudgetReport } from "./read-budget-report.ts";

/** What a member's deliberation draft is made of (rendered by formats/render-deliberation.ts). */
export interface DeliberationDraftData {
  readonly entente: Entente;
  readonly report: BudgetReport;
  readonly contribution: MemberContribution;
  /** Dates of the conferences whose decisions approve the year's budget, oldest first. */
  readonly conferenceDates: readonly string[];
}

/** Step 2: the dates of the conferences whose decisions approve the year's budget. */
async function conferenceDates(deps: Pick<FinanceDeps, "decisions">, ententeId: string, year: number) {
  const decisions = await deps.decisions.list(ententeId);
  const dates = decisions.filter((d) => d.budgetYear === year).map((d) => d.conferenceDate);
  return [...new Set(dates)].sort();
}

/**
 * A member's deliberation draft for an exercise, for whoever may read the year's budget report
 * (the same rule: a draft budget is the secretariat's; another entente: 404). The draft shows
 * nothing the report does not. Steps: the report (access), the member's contribution, the
 * conferences, the entente.
 * @throws EntenteError `entente.not_found`, `access.forbidden`, `resource.not_found` (member).
 */
export async function readDeliberationDraft(
  deps: Pick<FinanceDeps, "ententes" | "budgets" | "decisions">,
  principal: Principal,
  request: { ententeId: string; year: number; member: string },
): Promise<DeliberationDraftData> {
  const report = await readBudgetReport(deps, principal, request.ententeId, request.year);
  const contribution = memberContribution(report, request.member);
  if (contribution === null)
    throw new EntenteError("resource.not_found", { what: localized("membre", "member"), id: request.member });
  const dates = await conferenceDates(deps, request.ententeId, request.year);
  const entente = await deps.ententes.loadEntente(request.ententeId);
  return { entente, report, contribution, conferenceDates: dates };
}

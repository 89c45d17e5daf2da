import type { BudgetReport } from "../domain/budget-report.ts";
import type { Entente } from "../domain/entente.ts";
import { memberContribution } from "../domain/member-contribution.ts";
import { buildDeliberationBlocks, type DeliberationContext } from "./deliberation-blocks.ts";
import { buildFundCallBlocks, type FundCallContext } from "./fund-call-blocks.ts";
import { renderOdt } from "./render-odt.ts";

/**
 * The deliberation draft of `member` for the report's year, as an OpenDocument Text file (the
 * same bytes for the CLI and the server). PDF: convert it with LibreOffice
 * (`soffice --headless --convert-to pdf`).
 * @returns null when `member` is not a member of the report (the caller says which exist).
 */
export function renderDeliberation(
  entente: Entente,
  report: BudgetReport,
  member: string,
  context: DeliberationContext,
): Buffer | null {
  const contribution = memberContribution(report, member);
  if (contribution === null) return null;
  return renderOdt(buildDeliberationBlocks({ entente, report, contribution, context }), report.roundingUnit);
}

/**
 * The fund call (appel de fonds) of `member` for the report's year, as an OpenDocument Text file.
 * @returns null when `member` is not a member of the report.
 */
export function renderFundCall(
  entente: Entente,
  report: BudgetReport,
  member: string,
  context: FundCallContext,
): Buffer | null {
  const contribution = memberContribution(report, member);
  if (contribution === null) return null;
  return renderOdt(buildFundCallBlocks({ entente, report, contribution, context }), report.roundingUnit);
}

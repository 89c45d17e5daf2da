import { type Cents, sumCents } from "../../shared/money.ts";
import type { BudgetReport, FundCallRow } from "./budget-report.ts";
import { SECTIONS, type Section } from "./entente.ts";

/**
 * Budget chapter (chapitre, instruction budgétaire et comptable M57, tome I) a member charges its
 * contribution to: 65 "autres charges de gestion courante" for the operating part (as the seed's
 * deliberation, chapitre 65), 204 "subventions d'équipement versées" for the investment part.
 */
export const CONTRIBUTION_CHAPTER: Readonly<Record<Section, string>> = {
  fonctionnement: "65",
  investissement: "204",
};

/** What a member's deliberation approves: the call of the year, and its expense by section. */
export interface MemberContribution {
  readonly member: string;
  /** The member's fund call of the year: the same figures as the budget report's fund calls. */
  readonly call: FundCallRow;
  /**
   * The amount to charge per section, in cents: the contributions (this exercise and recalls) of
   * the section; advances and adjustments are charged to fonctionnement (they settle operating
   * expenses, as the seed's experimentation). Sums exactly to `call.total`.
   */
  readonly bySection: Readonly<Record<Section, Cents>>;
}

/**
 * The contribution a member approves in its deliberation for the report's year: its fund call
 * (current share, recall, adjustments) split by section for the imputation.
 * @returns null when the member is not one of the report's members.
 * @throws Error if the split by section does not add up to the call (an engine bug, never input).
 */
export function memberContribution(report: BudgetReport, member: string): MemberContribution | null {
  const call = report.fundCalls.find((row) => row.member === member);
  if (call === undefined) return null;
  const rows = report.settlements.flatMap((s) => s.rows.filter((row) => row.member === member));
  const contributions = (section: Section) => sumCents(rows.map((row) => row.contribution[section]));
  const adjustments = call.total - sumCents(rows.map((row) => row.contributionTotal));
  const bySection = {
    investissement: contributions("investissement"),
    fonctionnement: contributions("fonctionnement") + adjustments,
  };
  if (sumCents(SECTIONS.map((s) => bySection[s])) !== call.total) {
    throw new Error(`contribution of ${member} by section does not add up to its fund call`);
  }
  return { member, call, bySection };
}

import { type Cents, formatEuros } from "../../shared/money.ts";
import type { BudgetReport } from "../domain/budget-report.ts";
import { type Entente, SECTIONS } from "../domain/entente.ts";
import { CONTRIBUTION_CHAPTER, type MemberContribution } from "../domain/member-contribution.ts";
import { frenchDate } from "./deliberation-blocks.ts";
import { buildCorrectionBlocks, type IssuedCallContext } from "./fund-call-corrections-blocks.ts";
import type { TextBlock } from "./render-odt.ts";
import { money, type Row, text } from "./table.ts";

/** What a fund call says beyond the figures: its due date (`AAAA-MM-JJ`) and reference, when known. */
export interface FundCallContext {
  readonly dueOn?: string;
  readonly reference?: string;
  /** The call as issued, when amending budgets corrected it (its titles, what was paid). */
  readonly issued?: IssuedCallContext;
}

/** Everything a fund-call document is made of. */
export interface FundCallInput {
  readonly entente: Entente;
  readonly report: BudgetReport;
  readonly contribution: MemberContribution;
  readonly context: FundCallContext;
}

const euros = (cents: Cents, input: FundCallInput) =>
  `${formatEuros(cents, { unit: input.report.roundingUnit })} €`;

function parties(input: FundCallInput): TextBlock[] {
  const { entente, contribution } = input;
  const member = entente.members.find((m) => m.id === contribution.member);
  const holder = entente.members.find((m) => m.id === entente.budgetHolder);
  const ids = [member?.siren && `SIREN ${member.siren}`, member?.siret && `SIRET ${member.siret}`].filter(
    Boolean,
  );
  return [
    { kind: "paragraph", text: `Entente : ${entente.name}` },
    ...(holder === undefined
      ? []
      : [
          {
            kind: "paragraph" as const,
            text: `Organisme gestionnaire (bénéficiaire du versement) : ${holder.name}`,
          },
        ]),
    {
      kind: "paragraph",
      strong: true,
      text: `Membre appelé : ${member?.name ?? contribution.member}${ids.length > 0 ? ` (${ids.join(", ")})` : ""}`,
    },
  ];
}

function amounts(input: FundCallInput): TextBlock {
  const { report, contribution } = input;
  const call = contribution.call;
  const rows: Row[] = [
    { cells: [text(`Contribution ${report.year} — investissement`), money(call.current.investissement)] },
    { cells: [text(`Contribution ${report.year} — fonctionnement`), money(call.current.fonctionnement)] },
    { cells: [text("Rappel des exercices antérieurs"), money(call.recall)] },
    { cells: [text("Avances et régularisations"), money(call.adjustments, true)] },
    { cells: [text("Total appelé"), money(call.total)], style: "total" },
  ];
  const notes = SECTIONS.filter((s) => contribution.bySection[s] !== 0n).map(
    (s) =>
      `Dont ${s} : ${euros(contribution.bySection[s], input)} (chapitre ${CONTRIBUTION_CHAPTER[s]} du membre).`,
  );
  return {
    kind: "table",
    table: { id: "fund-call", title: "Montants (en €)", columns: ["", "Montant"], rows, notes },
  };
}

function terms(input: FundCallInput): TextBlock[] {
  const { context } = input;
  return [
    {
      kind: "paragraph",
      text:
        context.dueOn === undefined
          ? "Échéance : à fixer à l'émission de l'appel."
          : `Échéance : ${frenchDate(context.dueOn)}.`,
    },
    ...(context.reference === undefined
      ? []
      : [{ kind: "paragraph" as const, text: `Référence de l'appel : ${context.reference}` }]),
  ];
}

/**
 * A member's fund call (appel de fonds) for the report's year: the parties, the amounts by
 * section, the recall of earlier exercises, the advances and adjustments, the total (the same
 * figures as the budget report's fund calls), the due date and reference when known, then the
 * complementary calls and reductions of amending budgets with the original call's reference. French.
 */
export function buildFundCallBlocks(input: FundCallInput): TextBlock[] {
  return [
    { kind: "title", text: `APPEL DE FONDS ${input.report.year}` },
    ...parties(input),
    amounts(input),
    {
      kind: "paragraph",
      strong: true,
      text: `Montant à verser : ${euros(input.contribution.call.total, input)}`,
    },
    ...terms(input),
    ...buildCorrectionBlocks(input.context.issued, input.report.roundingUnit),
  ];
}

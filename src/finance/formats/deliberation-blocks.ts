import { formatDateInWords } from "../../shared/date-in-words.ts";
import { type Cents, formatEuros } from "../../shared/money.ts";
import type { BudgetReport } from "../domain/budget-report.ts";
import { type Entente, SECTIONS, type Section } from "../domain/entente.ts";
import { CONTRIBUTION_CHAPTER, type MemberContribution } from "../domain/member-contribution.ts";
import type { TextBlock } from "./render-odt.ts";
import { buildReportTables } from "./report-tables.ts";

/** What the draft says beyond the figures: dates (ISO `AAAA-MM-JJ`) and the imputation. */
export interface DeliberationContext {
  readonly conventionSignedOn?: string;
  /** Dates of the conferences that decided on the year's budget. */
  readonly conferenceDates: readonly string[];
  /** Budget chapter per section; default `CONTRIBUTION_CHAPTER` (65, 204). */
  readonly chapters?: Partial<Record<Section, string>>;
  /** The member's budget operation (opération n°), when it has one. */
  readonly operation?: string;
}

/** Everything a deliberation draft is made of: the entente, the year's report, the member's call. */
export interface DeliberationInput {
  readonly entente: Entente;
  readonly report: BudgetReport;
  readonly contribution: MemberContribution;
  readonly context: DeliberationContext;
}

const FRENCH_DAY = new Intl.DateTimeFormat("fr-FR", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

/** An ISO day as French text (`7 novembre 2022`, `1er décembre 2026`). */
export const frenchDate = (iso: string) => formatDateInWords(FRENCH_DAY, new Date(`${iso}T00:00:00Z`));

const euros = (cents: Cents, input: DeliberationInput) =>
  `${formatEuros(cents, { unit: input.report.roundingUnit })} €`;

const lowerFirst = (value: string) => value.charAt(0).toLocaleLowerCase("fr-FR") + value.slice(1);

const memberName = (input: DeliberationInput, id: string) => input.report.memberNames.get(id) ?? id;

/**
 * The visas of a deliberation draft: CGCT L5221-1 and L5221-2, the entente's other legal bases,
 * the convention (its date, unless a visa names it) and each conference's proposal.
 */
export function visas(input: Pick<DeliberationInput, "entente" | "context">): TextBlock[] {
  const { entente, context } = input;
  const others = entente.legalBasis.filter((basis) => !/L\s*5221-[12]/.test(basis));
  return [
    {
      kind: "paragraph",
      text: "Vu le code général des collectivités territoriales, et notamment ses articles L5221-1 et L5221-2 ;",
    },
    ...others.map((basis): TextBlock => ({ kind: "paragraph", text: `Vu ${lowerFirst(basis)} ;` })),
    // The convention's date, unless a visa of the entente already names the convention.
    ...(context.conventionSignedOn === undefined || others.some((basis) => /convention/i.test(basis))
      ? []
      : [
          {
            kind: "paragraph" as const,
            text: `Vu la convention de l'entente signée le ${frenchDate(context.conventionSignedOn)} ;`,
          },
        ]),
    ...context.conferenceDates.map(
      (date): TextBlock => ({
        kind: "paragraph",
        text: `Vu la proposition de la conférence intercommunale du ${frenchDate(date)} ;`,
      }),
    ),
  ];
}

function missions(input: DeliberationInput): TextBlock[] {
  const items = input.entente.missions.map((m) => {
    const kind = m.kind === "socle" ? "mission socle" : "mission spécifique";
    const lead = m.lead === undefined ? "" : `, confiée à ${memberName(input, m.lead)}`;
    return `${m.name} (${kind}${lead})`;
  });
  return [
    { kind: "heading", text: "I - Missions de l'entente" },
    { kind: "list", items },
  ];
}

function keyShares(input: DeliberationInput): TextBlock[] {
  const { report, contribution } = input;
  const items = report.allocation.allocations.flatMap((a) =>
    a.rows
      .filter((row) => row.member === contribution.member)
      .map(
        (row) =>
          `${a.keyLabel} (${a.section}) : ${row.percent.replace(".", ",")} %, soit ${euros(row.amount, input)}`,
      ),
  );
  return [
    {
      kind: "paragraph",
      text: `Part de ${memberName(input, contribution.member)} selon les clés de répartition :`,
    },
    { kind: "list", items },
  ];
}

function budget(input: DeliberationInput): TextBlock[] {
  return [
    { kind: "heading", text: `II - Budget prévisionnel ${input.report.year}` },
    ...buildReportTables(input.report, "fr").map((table): TextBlock => ({ kind: "table", table })),
    ...keyShares(input),
  ];
}

function decision(input: DeliberationInput): TextBlock[] {
  const { report, contribution, context } = input;
  const name = memberName(input, contribution.member);
  const recall =
    contribution.call.recall === 0n
      ? ""
      : `, incluant le rappel des exercices antérieurs (${euros(contribution.call.recall, input)})`;
  const operation = context.operation === undefined ? "" : ` - opération n° ${context.operation}`;
  const imputations = SECTIONS.filter((s) => contribution.bySection[s] !== 0n).map(
    (s): TextBlock => ({
      kind: "paragraph",
      text: `2° - La dépense ${s === "fonctionnement" ? "de fonctionnement" : "d'investissement"} en résultant, soit ${euros(contribution.bySection[s], input)}, sera imputée sur les crédits inscrits et à inscrire au budget principal - exercice ${report.year} - chapitre ${context.chapters?.[s] ?? CONTRIBUTION_CHAPTER[s]}${operation}.`,
    }),
  );
  return [
    { kind: "heading", text: "DÉLIBÈRE" },
    { kind: "paragraph", text: "1° - Approuve :" },
    { kind: "paragraph", text: `a) - les missions proposées au titre de l'entente ${input.entente.name},` },
    {
      kind: "paragraph",
      strong: true,
      text: `b) - le projet de budget correspondant pour l'exercice ${report.year} et le versement d'une contribution à ce titre de ${name} d'un montant de ${euros(contribution.call.total, input)}${recall}.`,
    },
    ...imputations,
  ];
}

/**
 * The deliberation draft of one member (projet de délibération), shaped like the seed's
 * (délibération n° 2022-1356 de la Métropole de Lyon): object, visas (CGCT L5221-1 and L5221-2,
 * the entente's legal basis, convention, conferences), missions, budget tables, the member's
 * share, then "approuve … le versement d'une contribution de X €" and the imputation. X is the
 * member's fund call of the year: the same figure as the budget report. French only (a legal act).
 */
export function buildDeliberationBlocks(input: DeliberationInput): TextBlock[] {
  const member = input.entente.members.find((m) => m.id === input.contribution.member);
  const assembly = member?.assembly ?? memberName(input, input.contribution.member);
  return [
    { kind: "title", text: `PROJET DE DÉLIBÉRATION — ${assembly}` },
    {
      kind: "paragraph",
      strong: true,
      text: `Objet : ${input.entente.name} - Approbation du budget ${input.report.year} et de la contribution de ${memberName(input, input.contribution.member)}`,
    },
    ...visas(input),
    ...missions(input),
    ...budget(input),
    ...decision(input),
  ];
}

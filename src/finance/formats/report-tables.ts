import { formatEuros } from "../../shared/money.ts";
import type { AnnexGroup, BudgetReport, Settlement } from "../domain/budget-report.ts";
import { SECTIONS, type Section } from "../domain/entente.ts";
import type { Lang } from "../errors.ts";
import { label } from "./labels.ts";
import { type Cell, decimal, empty, money, percent, type Row, type Table, text } from "./table.ts";

const sectionName = (section: Section, lang: Lang) =>
  label(section === "investissement" ? "sectionInvestissement" : "sectionFonctionnement", lang);

/** The rounding rule, naming the members of this split in their tie-breaking order. */
function roundingRule(report: BudgetReport, members: readonly string[], lang: Lang): string {
  return label("roundingRule", lang, {
    unit: label(report.roundingUnit === "euro" ? "toEuro" : "toCent", lang),
    order: members.map((m) => report.memberNames.get(m) ?? m).join(", "),
  });
}

function annexTable(report: BudgetReport, lang: Lang): Table {
  const { annex } = report;
  const amounts = (values: Record<Section, bigint>): Cell[] =>
    SECTIONS.map((s) => (values[s] === 0n ? empty : money(values[s])));
  const block = (groups: readonly AnnexGroup[], generalLabel: string): Row[] =>
    groups.flatMap((group) => {
      const heading =
        group.mission === null ? generalLabel : `${group.mission.name} (${label(group.mission.kind, lang)})`;
      return [
        { cells: [text(heading), empty, empty], style: "group" as const },
        ...group.rows.map((row) => ({ cells: [text(`  ${row.label}`), ...amounts(row.amounts)] })),
        ...(group.rows.length > 1
          ? [
              {
                cells: [
                  text(`  ${label("subtotal", lang)}`),
                  ...SECTIONS.map((s) => money(group.subtotal[s])),
                ],
                style: "subtotal" as const,
              },
            ]
          : []),
      ];
    });
  return {
    id: "annex",
    title: label("annexTitle", lang, { year: report.year }),
    columns: ["", label("investissement", lang), label("fonctionnement", lang)],
    rows: [
      { cells: [text(label("expenses", lang)), empty, empty], style: "group" },
      ...block(annex.expenses, label("general", lang)),
      {
        cells: [text(label("totalExpenses", lang)), ...SECTIONS.map((s) => money(annex.totalExpenses[s]))],
        style: "total",
      },
      { cells: [text(label("receipts", lang)), empty, empty], style: "group" },
      ...block(annex.receipts, label("generalReceipts", lang)),
      {
        cells: [text(label("totalReceipts", lang)), ...SECTIONS.map((s) => money(annex.totalReceipts[s]))],
        style: "total",
      },
      {
        cells: [text(label("balance", lang)), ...SECTIONS.map((s) => money(annex.balance[s], true))],
        style: "total",
      },
    ],
    notes: [],
  };
}

function allocationTables(report: BudgetReport, lang: Lang): Table[] {
  const name = (member: string) => report.memberNames.get(member) ?? member;
  return report.allocation.allocations.map((allocation) => ({
    id: `allocation-${allocation.key}-${allocation.section === "investissement" ? "inv" : "fonct"}`,
    title: label("allocationTitle", lang, {
      year: report.year,
      key: allocation.keyLabel,
      section: sectionName(allocation.section, lang),
      total: formatEuros(allocation.total, {
        unit: report.roundingUnit,
        locale: lang === "fr" ? "fr-FR" : "en-GB",
      }),
    }),
    columns: [
      label("member", lang),
      label("rate", lang),
      label("exactShare", lang),
      label("contribution", lang),
    ],
    rows: [
      ...allocation.rows.map((row) => ({
        cells: [text(name(row.member)), percent(row.percent), decimal(row.exactEuros), money(row.amount)],
      })),
      {
        cells: [text(label("total", lang)), percent("100"), empty, money(allocation.total)],
        style: "total" as const,
      },
    ],
    notes: [
      roundingRule(
        report,
        allocation.rows.map((r) => r.member),
        lang,
      ),
      ...(allocation.keySource === undefined
        ? []
        : [label("keySource", lang, { source: allocation.keySource })]),
    ],
  }));
}

function settlementTable(report: BudgetReport, settlement: Settlement, lang: Lang): Table {
  const name = (member: string) => report.memberNames.get(member) ?? member;
  const isRecall = settlement.year !== report.year;
  const showRate = settlement.rows.some((row) => row.rate !== undefined);
  const cells = (row: Settlement["totals"], first: string): Cell[] => [
    text(first),
    ...(showRate ? [row.rate === undefined ? empty : percent(row.rate)] : []),
    money(row.contributionTotal),
    ...row.adjustments.map((a) => money(a, true)),
    money(row.adjusted),
  ];
  const locale = lang === "fr" ? "fr-FR" : "en-GB";
  return {
    id: isRecall ? `recall-${settlement.year}` : `contributions-${settlement.year}`,
    title: label(isRecall ? "recallTitle" : "currentTitle", lang, {
      year: settlement.year,
      calledIn: settlement.calledIn,
    }),
    columns: [
      label("partners", lang),
      ...(showRate ? [label("rate", lang)] : []),
      label("contributionOf", lang, { year: settlement.year }),
      ...settlement.adjustments.map((a) => label("adjustmentOf", lang, { label: a.label })),
      label("adjustedOf", lang, { year: settlement.year }),
    ],
    rows: [
      ...settlement.rows.map((row) => ({ cells: cells(row, name(row.member)) })),
      { cells: cells(settlement.totals, label("totalEntente", lang)), style: "total" as const },
    ],
    notes: settlement.adjustments.flatMap((a) =>
      a.advance === undefined
        ? []
        : [
            label("advanceNote", lang, {
              label: a.label,
              amount: formatEuros(a.advance.amount, { unit: report.roundingUnit, locale }),
              member: name(a.advance.member),
              key: a.advance.keyLabel,
            }),
          ],
    ),
  };
}

function fundCallTable(report: BudgetReport, lang: Lang): Table {
  const name = (member: string) => report.memberNames.get(member) ?? member;
  const cells = (row: BudgetReport["fundCallTotals"], first: string): Cell[] => [
    text(first),
    money(row.current.investissement),
    money(row.current.fonctionnement),
    money(row.recall),
    money(row.adjustments, true),
    money(row.total),
  ];
  const calledLater = report.allocation.calledIn !== report.year;
  return {
    id: "fund-calls",
    title: label("fundCallsTitle", lang, { year: report.year }),
    columns: [
      label("member", lang),
      label("currentInv", lang, { year: report.year }),
      label("currentFonct", lang, { year: report.year }),
      label("recall", lang),
      label("adjustments", lang),
      label("totalCalled", lang),
    ],
    rows: [
      ...report.fundCalls.map((row) => ({ cells: cells(row, name(row.member)) })),
      { cells: cells(report.fundCallTotals, label("totalEntente", lang)), style: "total" as const },
    ],
    notes: calledLater
      ? [label("calledLater", lang, { year: report.year, calledIn: report.allocation.calledIn })]
      : [],
  };
}

/**
 * The deliberation tables of a budget report, in order: budget annex, split of the year's
 * contributions per key and section, each exercise called this year with its advances and
 * adjustments (the seed's "Partenaires" table for a recall), and the fund calls.
 */
export function buildReportTables(report: BudgetReport, lang: Lang = "fr"): Table[] {
  const settlements = report.settlements.filter((s) => s.year !== report.year || s.adjustments.length > 0);
  const ownSettlement =
    report.allocation.calledIn !== report.year && report.allocation.adjustments.length > 0
      ? [report.allocation]
      : [];
  return [
    annexTable(report, lang),
    ...allocationTables(report, lang),
    ...[...settlements, ...ownSettlement].map((s) => settlementTable(report, s, lang)),
    fundCallTable(report, lang),
  ];
}

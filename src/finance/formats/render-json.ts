import { centsToEuroText } from "../../shared/money.ts";
import type { BudgetReport, Settlement } from "../domain/budget-report.ts";

const euros = (cents: bigint) => centsToEuroText(cents);

function settlementJson(settlement: Settlement) {
  return {
    year: settlement.year,
    calledIn: settlement.calledIn,
    allocations: settlement.allocations.map((a) => ({
      key: a.key,
      keyLabel: a.keyLabel,
      section: a.section,
      missions: a.missions,
      total: euros(a.total),
      shares: a.rows.map((r) => ({
        member: r.member,
        share: `${r.share[0]}/${r.share[1]}`,
        percent: r.percent,
        exact: r.exactEuros,
        amount: euros(r.amount),
      })),
    })),
    adjustments: settlement.adjustments.map((a) => ({
      id: a.id,
      label: a.label,
      kind: a.kind,
      ...(a.advance
        ? { advance: { member: a.advance.member, amount: euros(a.advance.amount), key: a.advance.key } }
        : {}),
      amounts: Object.fromEntries([...a.amounts].map(([member, amount]) => [member, euros(amount)])),
    })),
    members: settlement.rows.map((r) => ({
      member: r.member,
      rate: r.rate ?? null,
      contribution: {
        investissement: euros(r.contribution.investissement),
        fonctionnement: euros(r.contribution.fonctionnement),
      },
      contributionTotal: euros(r.contributionTotal),
      adjustments: r.adjustments.map(euros),
      adjusted: euros(r.adjusted),
    })),
  };
}

/**
 * The budget report as JSON: amounts are exact decimal strings in euros with two decimals
 * (`"305797.00"`) — never JSON numbers, which most readers turn into floats — shares are exact
 * fractions (`"53/100"`). Shape documented in docs/entente-file.md#json-output.
 */
export function renderJson(report: BudgetReport): string {
  const annexGroups = (groups: BudgetReport["annex"]["expenses"]) =>
    groups.map((g) => ({
      mission: g.mission,
      rows: g.rows.map((r) => ({
        label: r.label,
        ...(r.receiptKind ? { kind: r.receiptKind } : {}),
        investissement: euros(r.amounts.investissement),
        fonctionnement: euros(r.amounts.fonctionnement),
      })),
      subtotal: {
        investissement: euros(g.subtotal.investissement),
        fonctionnement: euros(g.subtotal.fonctionnement),
      },
    }));
  const bySection = (v: { investissement: bigint; fonctionnement: bigint }) => ({
    investissement: euros(v.investissement),
    fonctionnement: euros(v.fonctionnement),
  });
  // The exercise's own settlement is also among those called this year: built once, written twice.
  const settlements = new Map<Settlement, ReturnType<typeof settlementJson>>();
  const settlementOnce = (settlement: Settlement) => {
    let json = settlements.get(settlement);
    if (json === undefined) {
      json = settlementJson(settlement);
      settlements.set(settlement, json);
    }
    return json;
  };
  const json = {
    entente: report.entente,
    year: report.year,
    currency: "EUR",
    rounding: { unit: report.roundingUnit, method: "largest-remainder", tieBreak: report.memberOrder },
    members: report.memberOrder.map((id) => ({ id, name: report.memberNames.get(id) ?? id })),
    annex: {
      expenses: annexGroups(report.annex.expenses),
      receipts: annexGroups(report.annex.receipts),
      totalExpenses: bySection(report.annex.totalExpenses),
      totalReceipts: bySection(report.annex.totalReceipts),
      balance: bySection(report.annex.balance),
    },
    allocation: settlementOnce(report.allocation),
    settlements: report.settlements.map(settlementOnce),
    fundCalls: report.fundCalls.map((f) => ({
      member: f.member,
      current: bySection(f.current),
      recall: euros(f.recall),
      adjustments: euros(f.adjustments),
      total: euros(f.total),
    })),
    fundCallTotals: {
      current: bySection(report.fundCallTotals.current),
      recall: euros(report.fundCallTotals.recall),
      adjustments: euros(report.fundCallTotals.adjustments),
      total: euros(report.fundCallTotals.total),
    },
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

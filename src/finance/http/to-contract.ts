import type { z } from "zod";
import { centsToEuroText } from "../../shared/money.ts";
import type { DashboardView } from "../app/dashboard-view.ts";
import type { BudgetVersionRecord } from "../app/ports/budget-store.ts";
import type { DecisionRecord } from "../app/ports/decision-store.ts";
import type { FundCallRecord } from "../app/ports/fund-call-store.ts";
import type { MissionRecord } from "../app/ports/mission-store.ts";
import type { SettlementRecord } from "../app/ports/settlement-store.ts";
import type { EntenteView } from "../app/read-entente.ts";
import type * as Api from "../contracts/api.ts";
import type { PublicAccountant } from "../domain/entente.ts";
import { SECTIONS } from "../domain/entente.ts";
import { amountCalled } from "../domain/fund-call-corrections.ts";
import { amountPaid, fundCallStatus } from "../domain/fund-call-rules.ts";

/** Records of the use cases → JSON of the API contracts (cents → exact euro strings). */

export const euros = (cents: bigint): string => centsToEuroText(cents);
const bySection = (v: { investissement: bigint; fonctionnement: bigint }) => ({
  investissement: euros(v.investissement),
  fonctionnement: euros(v.fonctionnement),
});

/** A mission with its plan (dates as ISO text). */
export function missionJson(m: MissionRecord): z.input<typeof Api.Mission> {
  return {
    id: m.id,
    name: m.name,
    kind: m.kind,
    description: m.description,
    leadMemberId: m.leadMemberId,
    memberIds: [...m.memberIds],
    keys: { ...m.keys },
    plan:
      m.plan === null
        ? null
        : {
            ...m.plan,
            milestones: [...m.plan.milestones],
            steeringCommittee: [...m.plan.steeringCommittee],
            createdAt: m.plan.createdAt.toISOString(),
          },
    rowVersion: m.rowVersion,
  };
}

/** An entente with each key's shares as entered and as resolved percents. */
export function ententeJson(view: EntenteView): z.input<typeof Api.EntenteDetail> {
  return {
    id: view.id,
    name: view.name,
    roundingUnit: view.roundingUnit,
    defaultKey: view.defaultKey,
    budgetHolder: view.budgetHolder,
    members: view.members.map((m) => ({ ...m, kind: m.kind as z.input<typeof Api.Member>["kind"] })),
    keys: view.keys.map((k) => ({
      id: k.id,
      label: k.label,
      source: k.source,
      basis: k.basis,
      shares: [...k.percents].map(([memberId, percent]) => {
        const raw = k.shares.find((s) => s.memberId === memberId)?.value;
        const value =
          raw === undefined ? percent : k.basis === "percent" ? tenThousandthsText(raw) : raw.toString();
        return { memberId, value, percent };
      }),
      rowVersion: k.rowVersion,
      periods: k.periods.map(({ criteria, ...p }) => ({
        ...p,
        shares: [...p.shares],
        ...(criteria === undefined
          ? {}
          : { criteria: criteria.map((c) => ({ ...c, values: [...c.values] })) }),
      })),
    })),
    missions: view.missions.map(missionJson),
    exercises: view.exercises.map((e) => ({ year: e.year, calledIn: e.calledIn, versions: [...e.versions] })),
  };
}

function tenThousandthsText(value: bigint): string {
  const fraction = (value % 10_000n).toString().padStart(4, "0").replace(/0+$/, "");
  return `${value / 10_000n}${fraction ? `.${fraction}` : ""}`;
}

/** A budget version with its lines and its totals and balance per section. */
export function budgetJson(budget: BudgetVersionRecord): z.input<typeof Api.BudgetVersion> {
  const expenses = { investissement: 0n, fonctionnement: 0n };
  const receipts = { investissement: 0n, fonctionnement: 0n };
  for (const line of budget.lines)
    (line.direction === "expense" ? expenses : receipts)[line.section] += line.amountCents;
  const balance = { investissement: 0n, fonctionnement: 0n };
  for (const s of SECTIONS) balance[s] = receipts[s] - expenses[s];
  return {
    id: budget.id,
    year: budget.year,
    number: budget.number,
    label: budget.label,
    status: budget.status,
    rowVersion: budget.rowVersion,
    lines: budget.lines.map((l) => ({
      missionId: l.missionId,
      label: l.label,
      section: l.section,
      direction: l.direction,
      receiptKind: l.receiptKind,
      amount: euros(l.amountCents),
      nature: l.nature,
    })),
    totals: { expenses: bySection(expenses), receipts: bySection(receipts), balance: bySection(balance) },
  };
}

/** A decision with its ratifications. */
export function decisionJson(d: DecisionRecord): z.input<typeof Api.Decision> {
  return { ...d, ratifications: d.ratifications.map((r) => ({ ...r })) };
}

/**
 * A fund call with its complementary calls and reductions, what was called, paid and is due
 * (called − paid) and its state (issued, partially paid, paid).
 */
export function fundCallJson(c: FundCallRecord): z.input<typeof Api.FundCall> {
  const paid = amountPaid(c);
  const called = amountCalled(c);
  return {
    id: c.id,
    year: c.year,
    memberId: c.memberId,
    amount: euros(c.amountCents),
    called: euros(called),
    paid: euros(paid),
    refunded: euros(c.refunds.reduce((s, r) => s + r.amountCents, 0n)),
    due: euros(called - paid),
    dueOn: c.dueOn,
    reference: c.reference,
    status: fundCallStatus(called, paid),
    corrections: c.corrections.map((x) => ({
      id: x.id,
      kind: x.amountCents > 0n ? "complementary" : "reduction",
      budgetYear: x.budgetYear,
      budgetNumber: x.budgetNumber,
      amount: euros(x.amountCents),
      dueOn: x.dueOn,
      reference: x.reference,
    })),
    payments: c.payments.map((p) => ({
      id: p.id,
      amount: euros(p.amountCents),
      paidOn: p.paidOn,
      reference: p.reference,
    })),
    refunds: c.refunds.map((r) => ({
      id: r.id,
      amount: euros(r.amountCents),
      refundedOn: r.refundedOn,
      reference: r.reference,
    })),
  };
}

/** The dashboard, each problem with its message in the reader's language (`message`). */
export function dashboardJson(
  view: DashboardView,
  message: (issue: DashboardView["problems"][number]) => string,
): z.input<typeof Api.Dashboard> {
  return {
    entente: view.entente,
    year: view.year,
    years: [...view.years],
    budget: view.budget,
    byMission: view.byMission.map((m) => ({ missionId: m.missionId, name: m.name, ...bySection(m.amounts) })),
    totals: {
      expenses: bySection(view.totals.expenses),
      receipts: bySection(view.totals.receipts),
      balance: bySection(view.totals.balance),
    },
    members: view.members.map((m) => ({
      memberId: m.memberId,
      name: m.name,
      rate: m.rate,
      current: bySection(m.current),
      recall: euros(m.recall),
      adjustments: euros(m.adjustments),
      total: euros(m.total),
      called: euros(m.called),
      pending: euros(m.pending),
      paid: euros(m.paid),
      refunded: euros(m.refunded),
      due: euros(m.due),
      ratification: m.ratification,
    })),
    fundCallTotal: euros(view.fundCallTotal),
    calls: { called: euros(view.calls.called), paid: euros(view.calls.paid), due: euros(view.calls.due) },
    ratified: view.ratified,
    problems: view.problems.map((p) => ({ code: p.code, message: message(p) })),
  };
}

/** An exercise's advances and adjustments. */
export function settlementJson(s: SettlementRecord): z.input<typeof Api.Settlement> {
  return {
    year: s.year,
    rowVersion: s.rowVersion,
    advances: s.advances.map((a) => ({
      id: a.id,
      label: a.label,
      memberId: a.memberId,
      amount: euros(a.amountCents),
      keyId: a.keyId,
    })),
    adjustments: s.adjustments.map((a) => ({
      id: a.id,
      label: a.label,
      amounts: a.amounts.map((x) => ({ memberId: x.memberId, amount: euros(x.amountCents) })),
    })),
  };
}

/** A public accountant from a request (absent optional fields dropped), or null. */
export function accountantRecord(
  accountant: { office: string; code?: string | undefined; address?: string | undefined } | null,
): PublicAccountant | null {
  if (accountant === null) return null;
  return {
    office: accountant.office,
    ...(accountant.code === undefined || accountant.code === "" ? {} : { code: accountant.code }),
    ...(accountant.address === undefined || accountant.address === "" ? {} : { address: accountant.address }),
  };
}

import { assertCan, canPerform, type Principal } from "../../access/index.ts";
import type { BudgetAnnex, BudgetReport } from "../domain/budget-report.ts";
import { buildAnnex } from "../domain/build-annex.ts";
import type { Entente } from "../domain/entente.ts";
import { amountCalled } from "../domain/fund-call-corrections.ts";
import { amountPaid } from "../domain/fund-call-rules.ts";
import { belongsIn, listedInYear } from "../domain/membership.ts";
import { reportYears } from "../domain/report-years.ts";
import { EntenteError, type Issue } from "../errors.ts";
import type { DashboardMemberRow, DashboardView } from "./dashboard-view.ts";
import type { FinanceDeps } from "./finance-deps.ts";
import type { BudgetVersionRecord } from "./ports/budget-store.ts";
import type { DecisionRecord } from "./ports/decision-store.ts";
import type { FundCallRecord } from "./ports/fund-call-store.ts";
import { cachedProblems, cachedReport } from "./report-cache.ts";

type Deps = Pick<FinanceDeps, "ententes" | "budgets" | "decisions" | "fundCalls">;

const zero = { investissement: 0n, fonctionnement: 0n } as const;

function budgetSummary(budget: BudgetVersionRecord | null): DashboardView["budget"] {
  return budget === null
    ? null
    : { id: budget.id, number: budget.number, label: budget.label, status: budget.status };
}

/** The annex's expenses by mission (general expenses first). */
function byMission(annex: BudgetAnnex): DashboardView["byMission"] {
  return annex.expenses.map((group) => ({
    missionId: group.mission?.id ?? null,
    name: group.mission?.name ?? "Dépenses générales",
    amounts: group.subtotal,
  }));
}

/** Each member's call of the year with what it paid, what is due and its ratification. */
function memberRows(
  report: BudgetReport,
  fundCalls: readonly FundCallRecord[],
  decision: DecisionRecord | undefined,
  shown: (memberId: string) => boolean,
  listed: (memberId: string, called: boolean) => boolean,
): DashboardMemberRow[] {
  // Looked up by member, not searched per row (1 000 members made a million comparisons); the
  // lists are read backwards so that, as `find` did, the first row of a member wins.
  const callOf = new Map(fundCalls.toReversed().map((c) => [c.memberId, c]));
  const rateOf = new Map(report.allocation.rows.toReversed().map((r) => [r.member, r.rate]));
  const ratificationOf = new Map(decision?.ratifications.toReversed().map((r) => [r.memberId, r.status]));
  return report.fundCalls
    .filter((row) => shown(row.member) && listed(row.member, row.total !== 0n || callOf.has(row.member)))
    .map((row): DashboardMemberRow => {
      const call = callOf.get(row.member);
      const paid = call === undefined ? 0n : amountPaid(call);
      const called = call === undefined ? row.total : amountCalled(call);
      return {
        memberId: row.member,
        name: report.memberNames.get(row.member) ?? row.member,
        rate: rateOf.get(row.member) ?? null,
        current: row.current,
        recall: row.recall,
        adjustments: row.adjustments,
        total: row.total,
        called,
        pending: row.total - called,
        paid,
        refunded: call?.refunds.reduce((sum, r) => sum + r.amountCents, 0n) ?? 0n,
        due: called - paid,
        ratification: ratificationOf.get(row.member) ?? null,
      };
    });
}

/** Σ of the rows shown: called, paid, due — so the dashboard adds up (due = called − paid). */
function callTotals(rows: readonly DashboardMemberRow[]): DashboardView["calls"] {
  const sum = (pick: (r: DashboardMemberRow) => bigint) => rows.reduce((s, r) => s + pick(r), 0n);
  return { called: sum((r) => r.called), paid: sum((r) => r.paid), due: sum((r) => r.due) };
}

/** When the entente breaks a rule (typically a draft out of balance): the annex and the problems, no shares. */
async function partialDashboard(
  deps: Deps,
  ententeId: string,
  entente: Entente,
  year: number,
  years: readonly number[],
  problems: readonly Issue[],
): Promise<DashboardView> {
  if (!years.includes(year)) throw new EntenteError("exercise.not_found", { year, known: years.join(", ") });
  // A year that is only a call year has no budget of its own: an empty annex.
  const exercise = entente.exercises.find((e) => e.year === year) ?? {
    year,
    calledIn: year,
    lines: [],
    advances: [],
    adjustments: [],
    path: [],
  };
  const annex = buildAnnex(entente, exercise);
  return {
    entente: { id: ententeId, name: entente.name, roundingUnit: entente.rounding.unit },
    year,
    years,
    budget: budgetSummary(await deps.budgets.inForce(ententeId, year)),
    byMission: byMission(annex),
    totals: { expenses: annex.totalExpenses, receipts: annex.totalReceipts, balance: annex.balance },
    members: [],
    fundCallTotal: 0n,
    calls: { called: 0n, paid: 0n, due: 0n },
    ratified: { done: 0, of: entente.members.filter((m) => belongsIn(m, year)).length },
    problems,
  };
}

/**
 * The console's first screen for a year (default: the latest exercise): budget by mission and
 * section, each member's call (current, recall, adjustments, total) with what was paid and what
 * is due, and the ratification of the year's budget. It lists the members of that year, and a
 * former member still called in it (listedInYear): not one joining later, with zeros. While the budget is a draft, only the
 * secretariat sees every member's figures; a member's finance officer sees its own row.
 */
export async function getDashboard(
  deps: Deps,
  principal: Principal,
  ententeId: string,
  year?: number,
): Promise<DashboardView> {
  assertCan(principal, { kind: "read", ententeId });
  const entente = await deps.ententes.loadEntente(ententeId);
  const years = reportYears(entente);
  const chosen = year ?? Math.max(...entente.exercises.map((e) => e.year));
  // A later draft out of balance does not hide this year's figures.
  const problems = cachedProblems(entente, chosen);
  if (problems.length > 0) return partialDashboard(deps, ententeId, entente, chosen, years, [...problems]);
  const report = cachedReport(entente, chosen);
  const [budget, decisions, fundCalls] = await Promise.all([
    deps.budgets.inForce(ententeId, chosen),
    deps.decisions.list(ententeId),
    deps.fundCalls.list(ententeId, chosen),
  ]);
  const decision = budget === null ? undefined : decisions.find((d) => d.budgetVersionId === budget.id);
  // A draft is the secretariat's working copy: others see their own member's row only.
  const draft = budget === null || budget.status === "draft";
  const seesAll = !draft || canPerform(principal, { kind: "read-drafts", ententeId });
  const inYear = entente.members.filter((m) => belongsIn(m, chosen)).length;
  const memberOf = new Map(entente.members.map((m) => [m.id, m]));
  const members = memberRows(
    report,
    fundCalls,
    decision,
    (member) => seesAll || member === principal.memberId,
    (member, called) => {
      const found = memberOf.get(member);
      return found === undefined || listedInYear(found, chosen, called);
    },
  );
  return {
    entente: { id: ententeId, name: entente.name, roundingUnit: entente.rounding.unit },
    year: chosen,
    years,
    budget: budgetSummary(budget),
    byMission: seesAll ? byMission(report.annex) : [],
    totals: seesAll
      ? {
          expenses: report.annex.totalExpenses,
          receipts: report.annex.totalReceipts,
          balance: report.annex.balance,
        }
      : { expenses: zero, receipts: zero, balance: zero },
    members,
    fundCallTotal: seesAll ? report.fundCallTotals.total : members.reduce((s, m) => s + m.total, 0n),
    calls: callTotals(members),
    ratified: {
      done: decision?.ratifications.filter((r) => r.status === "ratified").length ?? 0,
      // The members of the entente that year (one joining later does not deliberate).
      of: inYear,
    },
    problems: seesAll ? [] : [{ code: "budget.draft_hidden", path: [], details: { year: chosen } }],
  };
}

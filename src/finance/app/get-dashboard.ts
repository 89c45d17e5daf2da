import { assertCan, canPerform, type Principal } from "../../access/index.ts";
import type { Cents } from "../../shared/money.ts";
import type { BySection } from "../domain/budget-report.ts";
import { buildAnnex } from "../domain/build-annex.ts";
import { computeBudgetReport } from "../domain/compute-budget-report.ts";
import type { Entente } from "../domain/entente.ts";
import { reportYears } from "../domain/report-years.ts";
import { validateEntente } from "../domain/validate-entente.ts";
import { EntenteError, type Issue } from "../errors.ts";
import type { ConsoleDeps } from "./console-deps.ts";
import type { BudgetStatus } from "./ports.ts";

export interface DashboardMemberRow {
  readonly memberId: string;
  readonly name: string;
  readonly rate: string | null;
  readonly current: BySection;
  readonly recall: Cents;
  readonly adjustments: Cents;
  readonly total: Cents;
  readonly paid: Cents;
  readonly due: Cents;
  readonly ratification: "pending" | "ratified" | "rejected" | null;
}

export interface DashboardView {
  readonly entente: { readonly id: string; readonly name: string; readonly roundingUnit: "euro" | "cent" };
  readonly year: number;
  readonly years: readonly number[];
  readonly budget: {
    readonly id: string;
    readonly number: number;
    readonly label: string;
    readonly status: BudgetStatus;
  } | null;
  readonly byMission: readonly {
    readonly missionId: string | null;
    readonly name: string;
    readonly amounts: BySection;
  }[];
  readonly totals: {
    readonly expenses: BySection;
    readonly receipts: BySection;
    readonly balance: BySection;
  };
  readonly members: readonly DashboardMemberRow[];
  readonly fundCallTotal: Cents;
  readonly ratified: { readonly done: number; readonly of: number };
  /** Why shares cannot be computed (a draft out of balance…): the figures above stay visible. */
  readonly problems: readonly Issue[];
}

/**
 * The console's first screen for a year (default: the latest exercise): budget by mission and
 * section, each member's call (current, recall, adjustments, total) with what was paid and what
 * is due, and the ratification of the year's budget. While the budget is a draft, only the
 * secretariat sees every member's figures; a member's finance officer sees its own row.
 */
export async function getDashboard(
  deps: ConsoleDeps,
  principal: Principal,
  ententeId: string,
  year?: number,
): Promise<DashboardView> {
  assertCan(principal, { kind: "read", ententeId });
  const entente = await deps.ententes.loadEntente(ententeId);
  const years = reportYears(entente);
  const chosen = year ?? Math.max(...entente.exercises.map((e) => e.year));
  const problems = validateEntente(entente);
  if (problems.length > 0) return partialDashboard(deps, ententeId, entente, chosen, years, problems);
  const report = computeBudgetReport(entente, chosen);
  const [budget, decisions, fundCalls] = await Promise.all([
    deps.console.getBudget(ententeId, chosen),
    deps.console.listDecisions(ententeId),
    deps.console.listFundCalls(ententeId, chosen),
  ]);
  const decision = budget === null ? undefined : decisions.find((d) => d.budgetVersionId === budget.id);
  const draft = budget === null || budget.status === "draft";
  const seesAll = !draft || canPerform(principal, { kind: "read-drafts", ententeId });
  const members = report.fundCalls
    .filter((row) => seesAll || row.member === principal.memberId)
    .map((row): DashboardMemberRow => {
      const call = fundCalls.find((c) => c.memberId === row.member);
      const paid = call?.payments.reduce((sum, p) => sum + p.amountCents, 0n) ?? 0n;
      const settlementRow = report.allocation.rows.find((r) => r.member === row.member);
      return {
        memberId: row.member,
        name: report.memberNames.get(row.member) ?? row.member,
        rate: settlementRow?.rate ?? null,
        current: row.current,
        recall: row.recall,
        adjustments: row.adjustments,
        total: row.total,
        paid,
        due: (call?.amountCents ?? row.total) - paid,
        ratification: decision?.ratifications.find((r) => r.memberId === row.member)?.status ?? null,
      };
    });
  return {
    entente: { id: ententeId, name: entente.name, roundingUnit: entente.rounding.unit },
    year: chosen,
    years,
    budget:
      budget === null
        ? null
        : { id: budget.id, number: budget.number, label: budget.label, status: budget.status },
    // A draft is the secretariat's working copy: others see their own member's row only.
    byMission: seesAll
      ? report.annex.expenses.map((group) => ({
          missionId: group.mission?.id ?? null,
          name: group.mission?.name ?? "Dépenses générales",
          amounts: group.subtotal,
        }))
      : [],
    totals: seesAll
      ? {
          expenses: report.annex.totalExpenses,
          receipts: report.annex.totalReceipts,
          balance: report.annex.balance,
        }
      : { expenses: zero, receipts: zero, balance: zero },
    members,
    fundCallTotal: seesAll ? report.fundCallTotals.total : members.reduce((s, m) => s + m.total, 0n),
    ratified: {
      done: decision?.ratifications.filter((r) => r.status === "ratified").length ?? 0,
      of: entente.members.length,
    },
    problems: seesAll ? [] : [{ code: "budget.draft_hidden", path: [], details: { year: chosen } }],
  };
}

const zero = { investissement: 0n, fonctionnement: 0n } as const;

/** When the entente breaks a rule (typically a draft out of balance): the annex and the problems, no shares. */
async function partialDashboard(
  deps: ConsoleDeps,
  ententeId: string,
  entente: Entente,
  year: number,
  years: readonly number[],
  problems: readonly Issue[],
): Promise<DashboardView> {
  const exercise = entente.exercises.find((e) => e.year === year);
  if (exercise === undefined) throw new EntenteError("exercise.not_found", { year, known: years.join(", ") });
  const annex = buildAnnex(entente, exercise);
  const budget = await deps.console.getBudget(ententeId, year);
  return {
    entente: { id: ententeId, name: entente.name, roundingUnit: entente.rounding.unit },
    year,
    years,
    budget:
      budget === null
        ? null
        : { id: budget.id, number: budget.number, label: budget.label, status: budget.status },
    byMission: annex.expenses.map((group) => ({
      missionId: group.mission?.id ?? null,
      name: group.mission?.name ?? "Dépenses générales",
      amounts: group.subtotal,
    })),
    totals: { expenses: annex.totalExpenses, receipts: annex.totalReceipts, balance: annex.balance },
    members: [],
    fundCallTotal: 0n,
    ratified: { done: 0, of: entente.members.length },
    problems,
  };
}

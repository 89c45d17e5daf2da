import type { dashboardFr } from "./dashboard-fr.ts";

/** English strings of the dashboard (`dashboard.*`); same keys as the French piece. */
export const dashboardEn: typeof dashboardFr = {
  title: "Dashboard",
  titleYear: "Dashboard {{year}}",
  problems: "The members’ shares cannot be computed yet:",
  notComputable: "not computable",
  sharesNotComputable:
    "The members’ shares for {{year}} cannot be computed while the budget is unbalanced: nothing can be called yet.",
  keyFigures: "Key figures",
  budgetStatus: "Budget status",
  noBudget: "No budget for this exercise",
  ratifications: "Concurring deliberations",
  ratifiedOf_one: "{{done}} / {{of}} deliberation",
  ratifiedOf_other: "{{done}} / {{of}} deliberations",
  ratifiedShort: "{{done}} / {{of}}",
  expensesOf: "Expenses — {{section}}",
  totalCalled: "Total called",
  byMission: "Budget by mission and section",
  byMissionChart: "{{year}} expenses by mission and section (in €)",
  byMissionTable: "{{year}} expenses by mission and section (in €)",
  noLines: "This budget has no line yet.",
  nothingCalled: "Nothing is called or paid in {{year}} yet.",
  totalExpenses: "Total expenses",
  totalReceipts: "Total receipts",
  balance: "Balance (receipts − expenses)",
  contributions: "Members' contributions",
  contributionsChart: "Called, paid and still due per member in {{year}} (in €)",
  contributionsTable:
    "Each member's {{year}} contribution: share of the exercise, recall, adjustments, payments (in €)",
  currentOf: "{{year}} contribution",
  recall: "Recalls",
  adjustments: "Adjustments",
  called: "Total called",
  paid: "Paid",
  due: "Still due",
  deliberation: "Deliberation",
};

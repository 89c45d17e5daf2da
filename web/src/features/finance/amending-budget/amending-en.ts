import type { amendingFr } from "./amending-fr.ts";

/** English strings of the amending budget page. */
export const amendingEn: typeof amendingFr = {
  title: "Amending budget",
  titleYear: "Amending budget {{year}}",
  intro:
    "Until every member adopted the amending budget, everyone keeps seeing the adopted budget (dashboard, budget, documents). This page shows the draft beside the adopted budget.",
  versions: "{{amended}} ({{status}}) compared with {{adopted}}",
  editLines: "Edit the amending budget's lines",
  adoptHint:
    "To adopt it: Decisions page, a conference decision on the {{year}} budget, then each member's deliberation (number and date).",
  linesCaption: "Lines of the {{year}} budget: adopted, amended and difference",
  line: "Line",
  section: "Section",
  direction: "Direction",
  expense: "Expense",
  receipt: "Receipt",
  adopted: "Adopted (€)",
  amended: "Amended (€)",
  delta: "Difference (€)",
  unchanged: "No line is changed yet.",
  membersCaption: "Each member's contribution, {{year}} calls: adopted, amended and difference",
  membersHint:
    "Each amount is rounded by the largest-remainder method: the differences add up exactly to the change of the amount to finance.",
  issueTitle: "Issue the complementary calls and reductions",
  issueHint:
    "Fund calls already issued never change: a positive difference gives a complementary call, a negative one a reduction of the call (any overpayment is refunded to the member).",
  issue: "Issue the amending budget's calls",
  issued: "Calls issued: {{count}}.",
  complementary: "Complementary call",
  reduction: "Reduction",
  reference: "Reference",
  kind: "Kind",
  amount: "Amount (€)",
  deliberations: "Members' deliberation drafts on the amending budget",
  deliberationsHint:
    "For each assembly: what the amending budget changes, the member's complementary contribution or reduction, and the chapter to charge.",
  deliberationOdt: "{{member}} — ODT",
  deliberationPdf: "{{member}} — PDF",
  pendingNotice:
    "An adopted {{year}} amending budget awaits the issue of its complementary calls and reductions: <amount></amount> in all. « Called » shows what was issued; <page>issue them</page>.",
};

import type { decisionsFr } from "./decisions-fr.ts";

/** English strings of the decisions page (`decisions.*`); same keys as the French piece. */
export const decisionsEn: typeof decisionsFr = {
  deliberationRequired: "Required for a ratified or rejected deliberation.",
  dateBeforeConference: "The deliberation cannot precede the conference of {{date}}.",
  title: "Decisions and deliberations",
  intro:
    "A decision of the conference takes effect only once every member's assembly has ratified it by a concurring deliberation (CGCT L5221-2).",
  none: "No decision recorded.",
  create: "New decision of the conference",
  createSubmit: "Create the decision",
  created: "Decision created: each member must now deliberate.",
  subject: "Subject",
  subjectHint: "For example: Approval of the 2023 budget of the core missions",
  conferenceLabel: "Conference",
  conferenceLabelHint: "For example: 2nd intercommunal conference",
  conferenceDate: "Date of the conference",
  budgetYear: "Budget concerned",
  noBudget: "None (decision outside the budget)",
  budgetOf: "{{year}} budget",
  progress_one: "{{done}} / {{of}} concurring deliberation.",
  progress_other: "{{done}} / {{of}} concurring deliberations.",
  adopted: "Every assembly has deliberated: the {{year}} budget is adopted.",
  ratificationsOf: "Members' deliberations on “{{subject}}”",
  status: "Deliberation",
  number: "Deliberation number",
  numberHint: "For example: 2022-1356",
  date: "Date of the deliberation",
  closed: "Budget {{year}} adopted: these deliberations are recorded and no longer change.",
  record: "Record the deliberation",
  recordFor: "Deliberation of {{member}}",
};

const e = (id: string) => `/api/ententes/${encodeURIComponent(id)}`;
const seg = encodeURIComponent;

/** The finance API's paths, one place (ids are URL-encoded; the routes mirror src/finance/contracts/api.ts). */
export const financePaths = {
  ententes: "/api/ententes",
  entente: e,
  dashboard: (id: string, year: number | null) => `${e(id)}/dashboard${year === null ? "" : `?year=${year}`}`,
  member: (id: string, memberId: string) => `${e(id)}/members/${seg(memberId)}`,
  /** GET: called, paid, due by year, and what the member still owes. */
  memberStatement: (id: string, memberId: string) => `${e(id)}/members/${seg(memberId)}/statement`,
  key: (id: string, keyId: string) => `${e(id)}/keys/${seg(keyId)}`,
  mission: (id: string, missionId: string) => `${e(id)}/missions/${seg(missionId)}`,
  plan: (id: string, missionId: string) => `${e(id)}/missions/${seg(missionId)}/plan`,
  /** POST: opens exercise N+1 from N (its lines as a draft, N's result carried over). */
  exercises: (id: string) => `${e(id)}/exercises`,
  budget: (id: string, year: number) => `${e(id)}/exercises/${year}/budget`,
  /** POST: opens an amending budget (décision modificative), a new draft from the adopted version. */
  budgetVersions: (id: string, year: number) => `${e(id)}/exercises/${year}/budget/versions`,
  settlement: (id: string, year: number) => `${e(id)}/exercises/${year}/settlement`,
  report: (id: string, year: number) => `${e(id)}/budget/${year}/report`,
  export: (id: string, year: number, format: string) => `${e(id)}/budget/${year}/export.${format}`,
  decisions: (id: string) => `${e(id)}/decisions`,
  ratification: (id: string, decisionId: string, memberId: string) =>
    `${e(id)}/decisions/${seg(decisionId)}/ratifications/${seg(memberId)}`,
  fundCalls: (id: string, year: number) => `${e(id)}/fund-calls?year=${year}`,
  issueFundCalls: (id: string, year: number) => `${e(id)}/fund-calls/${year}`,
  payments: (id: string, year: number, memberId: string) =>
    `${e(id)}/fund-calls/${year}/${seg(memberId)}/payments`,
  /** DELETE with a reason: cancels a payment recorded by mistake (the audit trail keeps it). */
  payment: (id: string, paymentId: string) => `${e(id)}/payments/${seg(paymentId)}`,
  /** GET: the year's amending budget beside the adopted one (lines, members, differences). */
  amendingBudget: (id: string, year: number) => `${e(id)}/exercises/${year}/amending-budget`,
  /** POST: issues the adopted amending budget's complementary calls and reductions. */
  fundCallCorrections: (id: string, year: number) => `${e(id)}/exercises/${year}/fund-call-corrections`,
  /** POST: records the refund of a trop-perçu (mandat de remboursement), the secretariat's. */
  refunds: (id: string, year: number, memberId: string) =>
    `${e(id)}/fund-calls/${year}/${seg(memberId)}/refunds`,
  /** GET: a member's deliberation draft on the year's amending budget, `odt` or `pdf`. */
  amendingDeliberation: (id: string, year: number, memberId: string, format: "odt" | "pdf") =>
    `${e(id)}/exercises/${year}/amending-budget/members/${seg(memberId)}/deliberation.${format}`,
  audit: (id: string, before: string | null) =>
    `${e(id)}/audit${before === null ? "" : `?before=${encodeURIComponent(before)}`}`,
};

import type { Decision, RatificationStatus } from "../finance-types.ts";

/** One member's ratification of a decision, as the API describes it. */
export type Ratification = Decision["ratifications"][number];
/** A deliberation as typed: its outcome, number and date (ISO, empty until chosen). */
export type RatificationDraft = {
  status: RatificationStatus;
  deliberationNumber: string;
  deliberatedOn: string;
};

/** A ratification to record: a pending one starts as « ratified », the likely outcome. */
export const toRatificationDraft = (ratification: Ratification): RatificationDraft => ({
  status: ratification.status === "pending" ? "ratified" : ratification.status,
  deliberationNumber: ratification.deliberationNumber ?? "",
  deliberatedOn: ratification.deliberatedOn ?? "",
});

/** What the API expects: a trimmed number, null for what is empty. */
export const toRatificationBody = (draft: RatificationDraft, rowVersion: number) => ({
  status: draft.status,
  deliberationNumber: draft.deliberationNumber.trim() === "" ? null : draft.deliberationNumber.trim(),
  deliberatedOn: draft.deliberatedOn === "" ? null : draft.deliberatedOn,
  rowVersion,
});

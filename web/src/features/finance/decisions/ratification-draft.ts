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

/**
 * What keeps a deliberation from being recorded: a ratified or rejected one is identified — its
 * number, and its date, not before the conference (the server's rule, `ratification.incomplete`).
 * A pending one needs neither. Dates are ISO strings, compared as text.
 * @example checkDeliberation({ status: "ratified", deliberationNumber: "", deliberatedOn: "2022-11-30" }, "2022-12-12")
 *   // { number: "missing", date: "before_conference" }
 */
export function checkDeliberation(draft: RatificationDraft, conferenceDate: string) {
  const decides = draft.status !== "pending";
  const number: "missing" | null = decides && draft.deliberationNumber.trim() === "" ? "missing" : null;
  const date: "missing" | "before_conference" | null = !decides
    ? null
    : draft.deliberatedOn === ""
      ? "missing"
      : draft.deliberatedOn < conferenceDate
        ? "before_conference"
        : null;
  return { decides, number, date };
}

/** A member assembly's deliberation on a conference decision, as recorded. */
export type Deliberation = {
  readonly status: "pending" | "ratified" | "rejected";
  /** The deliberation's number, null when none is given. */
  readonly deliberationNumber: string | null;
  /** The date it was voted (ISO, "2022-12-12"), null when none is given. */
  readonly deliberatedOn: string | null;
};

/** What keeps a deliberation from being recorded: its number, its date (missing, or before the conference). */
export type DeliberationCheck = {
  /** Whether the deliberation decides (ratified or rejected): only then are number and date required. */
  decides: boolean;
  number: "missing" | null;
  date: "missing" | "before_conference" | null;
};

/**
 * A ratified or rejected deliberation is identified: its number, and its date, not before the
 * conference that took the decision (error `ratification.incomplete`; CGCT L5221-2: each member
 * assembly deliberates on the conference's decision). A pending one needs neither. ISO dates
 * compare as text.
 * @example checkDeliberation({ status: "ratified", deliberationNumber: null, deliberatedOn: "2022-11-30" }, "2022-12-12")
 *   // { decides: true, number: "missing", date: "before_conference" }
 */
export function checkDeliberation(deliberation: Deliberation, conferenceDate: string): DeliberationCheck {
  const decides = deliberation.status !== "pending";
  if (!decides) return { decides, number: null, date: null };
  const { deliberationNumber, deliberatedOn } = deliberation;
  return {
    decides,
    number: deliberationNumber === null ? "missing" : null,
    date: deliberatedOn === null ? "missing" : deliberatedOn < conferenceDate ? "before_conference" : null,
  };
}

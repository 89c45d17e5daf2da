import { checkDeliberation } from "../../shared/deliberation-check.ts";
import { EntenteError, localized } from "../errors.ts";
import type { BudgetStatus } from "./budget-status.ts";
import type { Member } from "./entente.ts";
import { belongsIn, membershipText } from "./membership.ts";

/**
 * The year whose members deliberate on a decision: the budget year it approves, else the year of
 * its conference. Only the members of the entente that year (membership.ts belongsIn) ratify it.
 */
export function decisionYear(decision: {
  readonly budgetYear: number | null;
  readonly conferenceDate: string;
}): number {
  return decision.budgetYear ?? Number(decision.conferenceDate.slice(0, 4));
}

/**
 * A member ratifies a decision only if it belongs to the entente in the decision's year.
 * @throws EntenteError `ratification.not_member` (422).
 */
export function assertMemberOfDecisionYear(
  member: Pick<Member, "id" | "name" | "from" | "to">,
  decision: { readonly budgetYear: number | null; readonly conferenceDate: string },
): void {
  const year = decisionYear(decision);
  if (!belongsIn(member, year))
    throw new EntenteError("ratification.not_member", {
      member: member.name,
      year,
      membership: membershipText(member),
    });
}

/** A member's deliberation on a conference decision. */
export type RatificationStatus = "pending" | "ratified" | "rejected";

/**
 * A conference decision takes effect once every member assembly has ratified it (délibérations
 * concordantes, CGCT L5221-2): the budget it approves is then `adopted`; until then, and again
 * if a member withdraws, it is `ratifying`.
 */
export function budgetStatusAfter(
  ratifications: readonly { readonly status: RatificationStatus }[],
): BudgetStatus {
  return ratifications.every((r) => r.status === "ratified") ? "adopted" : "ratifying";
}

/**
 * Once the budget a decision approves is adopted, its ratifications are closed: a change would
 * move figures already called.
 * @param latest the latest version of the decision's budget year (null: none).
 * @throws EntenteError `ratification.closed`.
 */
export function assertRatificationOpen(
  decision: { readonly budgetYear: number | null; readonly budgetVersionId: string | null },
  latest: { readonly id: string; readonly status: BudgetStatus } | null,
): void {
  if (decision.budgetYear === null || latest === null) return;
  if (latest.id === decision.budgetVersionId && latest.status === "adopted")
    throw new EntenteError("ratification.closed", { year: decision.budgetYear });
}

/**
 * A deliberation that decides (ratified or rejected) is identified: its number, and its date,
 * which is not before the conference.
 * @throws EntenteError `ratification.incomplete`, at the missing field.
 */
export function assertDeliberationIdentified(
  change: {
    readonly status: RatificationStatus;
    readonly deliberationNumber: string | null;
    readonly deliberatedOn: string | null;
  },
  conferenceDate: string,
): void {
  const check = checkDeliberation(change, conferenceDate);
  if (!check.decides || (check.number === null && check.date === null)) return;
  throw new EntenteError(
    "ratification.incomplete",
    {
      status:
        change.status === "ratified" ? localized("adoptée", "ratified") : localized("rejetée", "rejected"),
      conferenceDate,
    },
    { path: [check.number !== null ? "deliberationNumber" : "deliberatedOn"] },
  );
}

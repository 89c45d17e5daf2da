import { membershipText } from "../domain/membership.ts";
import { EntenteError } from "../errors.ts";
import type { FinanceDeps } from "./finance-deps.ts";

/**
 * A member's membership never leaves one of its workplace subscriptions outside it (issue 11 §2).
 * Chosen rule: the change is refused until the secretariat ends or moves the subscriptions (an
 * automatic end would change who may sign in to a service behind the workplace's back, and
 * could not be undone with the membership). Membership is by exercise: it runs from 1 January
 * of `from` to 31 December of `to`.
 * @throws EntenteError `member.subscriptions_outside_membership`, naming the field (`to` when
 *   a subscription ends after it, else `from`) and the subscriptions.
 */
export async function assertSubscriptionsWithin(
  deps: Pick<FinanceDeps, "subscriptions">,
  ententeId: string,
  memberId: string,
  membership: { readonly from: number | null; readonly to: number | null },
): Promise<void> {
  const firstDay = membership.from === null ? null : `${membership.from}-01-01`;
  const lastDay = membership.to === null ? null : `${membership.to}-12-31`;
  const lateOnes =
    lastDay === null ? [] : await deps.subscriptions.outside(ententeId, memberId, null, lastDay);
  const outside =
    lateOnes.length > 0 ? lateOnes : await deps.subscriptions.outside(ententeId, memberId, firstDay, lastDay);
  if (outside.length === 0) return;
  const text = membershipText({
    ...(membership.from === null ? {} : { from: membership.from }),
    ...(membership.to === null ? {} : { to: membership.to }),
  });
  throw new EntenteError("member.subscriptions_outside_membership", {
    field: lateOnes.length > 0 ? "to" : "from",
    member: memberId,
    membership: text,
    subscriptions: outside.join(", "),
  });
}

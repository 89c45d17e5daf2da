/**
 * The port through which finance asks the digital workplace about a member's subscriptions
 * before its membership changes (issue 11 §2: a subscription never lies outside the member's
 * membership). Finance never imports the workplace; src/compose.ts gives the implementation.
 */
export interface SubscriptionsOfMember {
  /**
   * The member's subscriptions, each as « service (from … to …) » text, that would lie outside a
   * membership from `firstDay` (null: from the start) to `lastDay` (null: still a member), days
   * `YYYY-MM-DD` included: starting before `firstDay`, or ending after `lastDay` or open-ended
   * while `lastDay` is set.
   */
  outside(
    ententeId: string,
    memberId: string,
    firstDay: string | null,
    lastDay: string | null,
  ): Promise<readonly string[]>;
}

import type { ExternalAccessDecision, ServiceAccessPolicy } from "../../identity/index.ts";
import { decideSubscribedAccess } from "../domain/subscription.ts";
import { dayOf } from "./launcher-feed.ts";
import type { WorkplaceDeps } from "./ports.ts";

const REASONS = { not_subscribed: "member", role: "role", group: "group" } as const;

/**
 * The port identity calls at sign-in (and when single sign-on reuses a grant): for a service of
 * the catalogue, the member's subscription in force today decides (`decideSubscribedAccess`),
 * replacing the client's own policy; null for a client outside the catalogue. A refusal names
 * whom to ask: the service's support link when it has one (else identity's page names the
 * entente's secretariat, who manages the subscriptions).
 */
export function createSubscribedAccessPolicy(
  deps: Pick<WorkplaceDeps, "catalogue" | "subscriptions" | "clock">,
): ServiceAccessPolicy {
  return {
    async decide(client, requester): Promise<ExternalAccessDecision | null> {
      const entry = await deps.catalogue.find(client.ententeId, client.clientId);
      if (entry === null) return null;
      const subscription = await deps.subscriptions.find(
        client.ententeId,
        client.clientId,
        requester.memberId,
      );
      const decision = decideSubscribedAccess(subscription, requester, dayOf(deps.clock.now()));
      if (decision.allowed) return { allowed: true };
      return { allowed: false, reason: REASONS[decision.reason], contact: entry.supportUrl };
    },
  };
}

import type { AccessRequester, ServiceAccessDecision } from "../domain/service-access.ts";
import { decideServiceAccess } from "../domain/service-access.ts";
import type { ServiceClientRecord } from "../domain/service-client.ts";

/**
 * Another context's say on who may use a service, registered at composition (src/main.ts gives
 * the digital workplace's: for a service of its catalogue, the members' subscriptions *are* the
 * access policy, issue 11 §2). Identity does not import that context: it only calls this port.
 */
export interface ServiceAccessPolicy {
  /**
   * The decision for a service the other context governs; null when it does not govern this
   * service (then the client's own `policy` decides). A refusal names whom to ask (`contact`: a
   * text or URL shown on the refusal page; null: the entente's secretariat).
   */
  decide(
    client: { readonly clientId: string; readonly ententeId: string },
    requester: AccessRequester,
  ): Promise<ExternalAccessDecision | null>;
}

export type ExternalAccessDecision =
  | { readonly allowed: true }
  | {
      readonly allowed: false;
      readonly reason: "member" | "role" | "group";
      readonly contact: string | null;
    };

/** A decision and, when refused, whom to ask (null: the entente's secretariat). */
export type AccessDecisionWithContact = ServiceAccessDecision & { readonly contact?: string | null };

/**
 * The access decision at sign-in: the registered policy's when it governs the service (it
 * replaces the client's own policy: one policy, not two), else `decideServiceAccess` on the
 * client's policy.
 */
export async function decideAccessAtSignIn(
  port: ServiceAccessPolicy | undefined,
  client: ServiceClientRecord,
  requester: AccessRequester,
): Promise<AccessDecisionWithContact> {
  const external = port === undefined ? null : await port.decide(client, requester);
  return external ?? decideServiceAccess(client.policy, requester);
}

/** The client as the single-sign-on re-check should see it: policy open when the port governs it (the port decides). */
export async function governedClient(
  port: ServiceAccessPolicy | undefined,
  client: ServiceClientRecord | null,
  requester: AccessRequester | null,
): Promise<{ readonly client: ServiceClientRecord | null; readonly allowed: boolean }> {
  if (port === undefined || client === null || requester === null) return { client, allowed: true };
  const external = await port.decide(client, requester);
  if (external === null) return { client, allowed: true };
  return {
    client: { ...client, policy: { memberIds: null, roles: null, groups: null } },
    allowed: external.allowed,
  };
}

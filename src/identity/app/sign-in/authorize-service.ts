import { acrOfMethods, neededAcrOf, needsStrongerAuthentication } from "../../domain/authentication-level.ts";
import type { Affiliation } from "../../domain/person.ts";
import type { ServiceClientRecord } from "../../domain/service-client.ts";
import { decideAccessAtSignIn } from "../service-access-port.ts";
import type { FlowState } from "../sign-in-state.ts";
import { concludeSignIn } from "./conclude-sign-in.ts";
import type { SignInContext, SignInStep } from "./sign-in-step.ts";
import type { StepKit } from "./step-kit.ts";

/** Whether the sign-in so far (`amr`) falls short of what the interaction and the service need. */
export function needsSecondFactor(
  ctx: SignInContext,
  client: ServiceClientRecord,
  amr: readonly string[],
): boolean {
  return needsStrongerAuthentication(
    neededAcrOf(ctx.details.requestedAcr, client.requiredAcr),
    acrOfMethods(amr),
  );
}

/**
 * The person acting for `affiliation`: the service's access policy (`decideAccessAtSignIn`: the
 * workplace's subscriptions for a catalogued service, else the client's own policy; a
 * refusal is shown and recorded), then the second factor when the service needs more than the
 * source gave (`needsSecondFactor`), else the end of the sign-in.
 */
export async function authorizeService(
  kit: StepKit,
  ctx: SignInContext,
  current: FlowState,
  client: ServiceClientRecord,
  sub: string,
  affiliation: Affiliation,
): Promise<SignInStep> {
  const decision = await decideAccessAtSignIn(kit.deps.serviceAccess, client, affiliation);
  if (!decision.allowed) {
    await kit.save(ctx, { ...current, step: "refused", memberId: affiliation.memberId });
    await kit.audit(ctx, "sign_in_refused", {
      ententeId: client.ententeId,
      sub,
      memberId: affiliation.memberId,
      sourceId: current.sourceId,
      code: "identity.service_refused",
      details: { reason: decision.reason },
    });
    return {
      kind: "refused",
      code: "identity.service_refused",
      serviceName: client.name,
      reason: decision.reason,
      contact: decision.contact ?? null,
    };
  }
  if (needsSecondFactor(ctx, client, current.amr)) {
    await kit.save(ctx, {
      ...current,
      step: "second-factor",
      memberId: affiliation.memberId,
      challenge: null,
    });
    return { kind: "second-factor" };
  }
  return concludeSignIn(kit, ctx, { ...current, memberId: affiliation.memberId }, client, current.amr);
}

import { acrOfMethods } from "../../domain/authentication-level.ts";
import type { ServiceClientRecord } from "../../domain/service-client.ts";
import { EntenteError } from "../../errors.ts";
import type { FlowState } from "../sign-in-state.ts";
import type { SignInContext, SignInStep } from "./sign-in-step.ts";
import type { StepKit } from "./step-kit.ts";

/**
 * The last step of the pages: the person, the member and the methods used (`amr`, whose acr is
 * `acrOfMethods`) are the result; the sign-in is done (a replayed step is refused) and recorded
 * (`sign_in`). The result is then handed to the provider (`finishSignIn`).
 * @throws `identity.state_lost` when the person or the member is missing.
 */
export async function concludeSignIn(
  kit: StepKit,
  ctx: SignInContext,
  current: FlowState,
  client: ServiceClientRecord,
  amr: readonly string[],
): Promise<Extract<SignInStep, { kind: "finish" }>> {
  const { sub, memberId } = current;
  if (sub === null || memberId === null) throw new EntenteError("identity.state_lost");
  const acr = acrOfMethods(amr);
  await kit.save(ctx, { ...current, step: "done", amr, challenge: null, totp: null });
  await kit.audit(ctx, "sign_in", {
    ententeId: client.ententeId,
    sub,
    memberId,
    sourceId: current.sourceId,
    details: { acr, amr: amr.join(" "), sso: current.sso },
  });
  return { kind: "finish", result: { sub, memberId, acr, amr } };
}

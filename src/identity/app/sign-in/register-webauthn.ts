import { EntenteError } from "../../errors.ts";
import {
  atSecondFactor,
  ensureNoFactorYet,
  mfaSubject,
  recordEnrolment,
  secondFactorFailed,
  secondFactorPassed,
} from "./second-factor-kit.ts";
import type { SignInContext, SignInStep } from "./sign-in-step.ts";
import type { StepKit } from "./step-kit.ts";

/** The authenticator's registration (challenge single use): stored, and counts as the second factor. @throws `identity.mfa_invalid`. */
export async function registerWebauthn(
  kit: StepKit,
  ctx: SignInContext,
  response: unknown,
  label: string,
): Promise<SignInStep> {
  const { current, sub } = await atSecondFactor(kit, ctx);
  await ensureNoFactorYet(kit, sub);
  await kit.ensureNotThrottled(mfaSubject(ctx, sub));
  const challenge = current.challenge;
  if (challenge === null) throw new EntenteError("identity.state_lost");
  await kit.save(ctx, { ...current, challenge: null });
  if (!(await kit.deps.mfa.verifyWebauthnRegistration(sub, challenge, response, label))) {
    return secondFactorFailed(kit, ctx, current, sub, "webauthn");
  }
  await recordEnrolment(kit, ctx, current, sub, "webauthn");
  return secondFactorPassed(kit, ctx, current, sub, "hwk");
}

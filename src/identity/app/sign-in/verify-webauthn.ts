import { EntenteError } from "../../errors.ts";
import { atSecondFactor, mfaSubject, secondFactorFailed, secondFactorPassed } from "./second-factor-kit.ts";
import type { SignInContext, SignInStep } from "./sign-in-step.ts";
import type { StepKit } from "./step-kit.ts";

/** An assertion of an enrolled security key (challenge single use). @throws `identity.mfa_invalid`, `identity.too_many_attempts`. */
export async function verifyWebauthn(
  kit: StepKit,
  ctx: SignInContext,
  response: unknown,
): Promise<SignInStep> {
  const { current, sub } = await atSecondFactor(kit, ctx);
  await kit.ensureNotThrottled(mfaSubject(ctx, sub));
  const challenge = current.challenge;
  if (challenge === null) throw new EntenteError("identity.state_lost");
  await kit.save(ctx, { ...current, challenge: null });
  if (!(await kit.deps.mfa.verifyWebauthnAuthentication(sub, challenge, response))) {
    return secondFactorFailed(kit, ctx, current, sub, "webauthn");
  }
  return secondFactorPassed(kit, ctx, current, sub, "hwk");
}

import { atSecondFactor, mfaSubject, secondFactorFailed, secondFactorPassed } from "./second-factor-kit.ts";
import type { SignInContext, SignInStep } from "./sign-in-step.ts";
import type { StepKit } from "./step-kit.ts";

/** A code of an enrolled TOTP app; a code accepted once is refused again. @throws `identity.mfa_invalid`, `identity.too_many_attempts`. */
export async function verifyTotp(kit: StepKit, ctx: SignInContext, code: string): Promise<SignInStep> {
  const { current, sub } = await atSecondFactor(kit, ctx);
  await kit.ensureNotThrottled(mfaSubject(ctx, sub));
  if (!(await kit.deps.mfa.verifyTotp(sub, code.trim(), kit.deps.clock.now())))
    return secondFactorFailed(kit, ctx, current, sub, "totp");
  return secondFactorPassed(kit, ctx, current, sub, "otp");
}

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

/** The first code of a new TOTP secret: activates it and counts as the second factor. @throws `identity.mfa_invalid`, `identity.too_many_attempts`. */
export async function confirmTotpEnrolment(
  kit: StepKit,
  ctx: SignInContext,
  code: string,
): Promise<SignInStep> {
  const { current, sub } = await atSecondFactor(kit, ctx);
  await ensureNoFactorYet(kit, sub);
  await kit.ensureNotThrottled(mfaSubject(ctx, sub));
  if (current.totp === null) throw new EntenteError("identity.state_lost");
  if (
    !(await kit.deps.mfa.confirmTotpEnrolment(
      sub,
      current.totp.credentialId,
      code.trim(),
      kit.deps.clock.now(),
    ))
  ) {
    return secondFactorFailed(kit, ctx, current, sub, "totp");
  }
  await recordEnrolment(kit, ctx, current, sub, "totp");
  return secondFactorPassed(kit, ctx, current, sub, "otp");
}
